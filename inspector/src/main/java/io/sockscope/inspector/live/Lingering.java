package io.sockscope.inspector.live;

import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.kernel.ProcTcpEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches the session's closed sockets whose connections the kernel still holds (FIN_WAIT,
 * TIME_WAIT, LAST_ACK) and tells when each one is gone ({@link LiveRecord.Released}): its port
 * is free again, and the capture filter can drop it.
 */
final class Lingering {

    private final Books books;
    private final Pipeline pipeline;

    Lingering(Books books, Pipeline pipeline) {
        this.books = books;
        this.pipeline = pipeline;
    }

    /** Looks once; true when some connection was released. {@code lock} guards the books. */
    boolean check(Object lock) {
        List<SocketBook> held = new ArrayList<>();
        synchronized (lock) {
            for (SocketBook book : books.sockets()) {
                if (book.closed && !book.released && book.local != null && book.remote != null) {
                    held.add(book);
                }
            }
        }
        if (held.isEmpty()) {
            return false;
        }
        Set<String> table = new HashSet<>();
        for (ProcTcpEntry entry : ProcNetTcp.read()) {
            table.add(Books.key(entry.local()) + ">" + Books.key(entry.remote()));
        }
        boolean released = false;
        long now = java.time.Instant.now().toEpochMilli() * 1000;
        synchronized (lock) {
            for (SocketBook book : held) {
                if (!table.contains(Books.key(book.local) + ">" + Books.key(book.remote))) {
                    book.released = true;
                    released = true;
                    pipeline.between(now, new LiveRecord.Released(book.name(), book.local,
                            book.remote));
                }
            }
        }
        return released;
    }
}

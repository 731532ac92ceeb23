package io.sockscope.inspector.live;

import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.kernel.ProcTcpEntry;
import io.sockscope.engine.kernel.TcpState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches the session's closed sockets whose connections the kernel still holds (FIN_WAIT,
 * TIME_WAIT, LAST_ACK): once one is gone its ports leave the capture filter, and when it was
 * seen in TIME_WAIT, the end of the TIME_WAIT is told ({@link LiveRecord.Released}): the port
 * pair is free again.
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
        Map<String, TcpState> table = new HashMap<>();
        for (ProcTcpEntry entry : ProcNetTcp.read()) {
            table.put(Books.key(entry.local()) + ">" + Books.key(entry.remote()), entry.state());
        }
        boolean released = false;
        long now = java.time.Instant.now().toEpochMilli() * 1000;
        synchronized (lock) {
            for (SocketBook book : held) {
                TcpState state = table.get(Books.key(book.local) + ">" + Books.key(book.remote));
                if (state == TcpState.TIME_WAIT) {
                    book.timeWait = true;
                } else if (state == null) {
                    book.released = true;
                    released = true;
                    if (book.timeWait) {
                        pipeline.between(now, new LiveRecord.Released(book.name(), book.local,
                                book.remote));
                    }
                }
            }
        }
        return released;
    }
}

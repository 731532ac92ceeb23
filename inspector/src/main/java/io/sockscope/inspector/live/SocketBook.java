package io.sockscope.inspector.live;

import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Op;
import io.sockscope.engine.Sock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the live session knows of one of the session's sockets: its endpoints (the 4-tuple its
 * segments are matched by), whether it listens, its recent calls (the windows segments are
 * attributed by), how many bytes its calls handed to the stream and took from it, and the data
 * segments it received (what a recv() returned came in them). Keyed by the engine's {@link Sock},
 * whose name may change. Guarded by the session's pipeline lock; bounded.
 */
final class SocketBook {

    private static final int MAX_CALLS = 256;
    private static final int MAX_INCOMING = 4096;

    /** One data segment this socket received: stream offsets [{@code from}, {@code to}). */
    record Incoming(long from, long to, boolean push, long frame) {
    }

    final Sock sock;
    Endpoint local;
    Endpoint remote;
    boolean listening;
    int backlog = -1;
    boolean closed;
    boolean released;
    /** After close(), the kernel was seen holding its connection in TIME_WAIT. */
    boolean timeWait;
    boolean reuseAddress;
    /** A live close_wait was told about this socket. */
    boolean closeWaitTold;
    /** Bytes its send calls handed to the stream so far (ended calls). */
    long sentOffset;
    /** Bytes its recv calls returned so far. */
    long receivedOffset;
    /** The other side's FIN this socket received, 0 until one came. */
    long peerFinFrame;
    long peerFinMicros;
    /** Highest stream offset of its own data seen on the wire. */
    long sentSeen;
    final ArrayDeque<CallInfo> calls = new ArrayDeque<>();
    final ArrayDeque<Incoming> incoming = new ArrayDeque<>();

    SocketBook(Sock sock) {
        this.sock = sock;
    }

    String name() {
        return sock.name();
    }

    void add(CallInfo call) {
        calls.addLast(call);
        Iterator<CallInfo> oldest = calls.iterator();
        while (calls.size() > MAX_CALLS && oldest.hasNext()) {
            CallInfo c = oldest.next();
            if (!c.running()) {
                oldest.remove();
            }
        }
    }

    /** The latest call of {@code ops} whose window holds {@code atMicros}. */
    Optional<CallInfo> covering(long atMicros, Set<Op> ops) {
        Iterator<CallInfo> newest = calls.descendingIterator();
        while (newest.hasNext()) {
            CallInfo c = newest.next();
            if (ops.contains(c.op) && c.covers(atMicros)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The latest call of {@code ops} that started at or before {@code atMicros}. */
    Optional<CallInfo> latestBefore(long atMicros, Set<Op> ops) {
        Iterator<CallInfo> newest = calls.descendingIterator();
        while (newest.hasNext()) {
            CallInfo c = newest.next();
            if (ops.contains(c.op) && c.startMicros <= atMicros) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The send and sendall calls whose bytes lie in stream offsets [{@code start}, {@code end}). */
    List<CallInfo> sendsCarrying(long start, long end) {
        List<CallInfo> found = new ArrayList<>();
        for (CallInfo c : calls) {
            if ((c.op == Op.SEND || c.op == Op.SENDALL) && c.carries(start, end)) {
                found.add(c);
            }
        }
        return found;
    }

    void received(Incoming segment) {
        incoming.addLast(segment);
        while (incoming.size() > MAX_INCOMING) {
            incoming.removeFirst();
        }
    }

    /** The data segments it received that hold bytes of stream offsets [{@code start}, {@code end}). */
    List<Incoming> incomingIn(long start, long end) {
        List<Incoming> found = new ArrayList<>();
        for (Incoming in : incoming) {
            if (in.from() < end && in.to() > start) {
                found.add(in);
            }
        }
        return found;
    }

    /** Highest stream offset received so far (the end of the last data segment), 0 if none. */
    long receivedSeen() {
        long seen = 0;
        for (Incoming in : incoming) {
            seen = Math.max(seen, in.to());
        }
        return seen;
    }
}

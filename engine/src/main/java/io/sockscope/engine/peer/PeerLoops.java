package io.sockscope.engine.peer;

import io.sockscope.engine.Failure;
import io.sockscope.engine.posix.Cancellation;
import io.sockscope.engine.posix.IoResult;
import io.sockscope.engine.posix.Linux;
import io.sockscope.engine.posix.NativeSocket;
import io.sockscope.engine.posix.Readiness;

/**
 * What each kind of peer does with one accepted connection, until the client is done, the
 * connection fails or the peer stops. The caller closes the socket afterwards.
 */
final class PeerLoops {
    private static final int CHUNK = 64 * 1024;

    private PeerLoops() {
    }

    static void run(PeerKind kind, NativeSocket socket, Cancellation stopping) {
        switch (kind) {
            case ECHO -> echo(socket, stopping);
            case DISCARD -> discard(socket, stopping);
            case CHARGEN -> chargen(socket, stopping);
            case SINK -> sink(socket, stopping);
        }
    }

    private static void echo(NativeSocket socket, Cancellation stopping) {
        while (socket.recv(CHUNK, stopping) instanceof IoResult.Ok<byte[]>(byte[] data) && data.length > 0) {
            if (!(socket.sendall(data, stopping) instanceof IoResult.Ok<Long>)) {
                return;
            }
        }
    }

    private static void discard(NativeSocket socket, Cancellation stopping) {
        boolean open = true;
        while (open) {
            open = socket.recv(CHUNK, stopping) instanceof IoResult.Ok<byte[]>(byte[] data) && data.length > 0;
        }
    }

    /**
     * Sends the pattern whenever the socket is writable and drops whatever arrives, in one loop
     * on a non-blocking socket (a blocking send would stop it from reading).
     */
    private static void chargen(NativeSocket socket, Cancellation stopping) {
        socket.setTimeoutNanos(NativeSocket.NON_BLOCKING);
        boolean reading = true;
        int offset = 0;
        while (true) {
            short events = (short) (Linux.POLLOUT | (reading ? Linux.POLLIN : 0));
            if (socket.awaitReady(events, stopping) != Readiness.READY) {
                return;
            }
            while (reading) {
                IoResult<byte[]> input = socket.recv(CHUNK, stopping);
                if (input instanceof IoResult.Ok<byte[]>(byte[] data)) {
                    reading = data.length > 0;
                } else if (isEagain(input)) {
                    break;
                } else {
                    return;
                }
            }
            IoResult<Long> sent = socket.send(Chargen.from(offset), stopping);
            if (sent instanceof IoResult.Ok<Long>(Long count)) {
                offset = (int) ((offset + count) % Chargen.cycleLength());
            } else if (!isEagain(sent)) {
                return;
            }
        }
    }

    /** Waits for the client to close (FIN, RST or error) without ever reading. */
    private static void sink(NativeSocket socket, Cancellation stopping) {
        socket.awaitReady(Linux.POLLRDHUP, stopping);
    }

    private static boolean isEagain(IoResult<?> result) {
        return result instanceof IoResult.Failed<?> failed
                && failed.failure() instanceof Failure.OsError os
                && os.errno().number() == Linux.EAGAIN;
    }
}

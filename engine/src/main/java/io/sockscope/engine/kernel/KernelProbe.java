package io.sockscope.engine.kernel;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.sockscope.engine.posix.Libc;
import io.sockscope.engine.posix.Linux;
import io.sockscope.engine.posix.NativeSocket;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Reads the {@link KernelView} of an open socket: getsockopt(TCP_INFO) for the state and the
 * connection's numbers, ioctl SIOCOUTQ and SIOCINQ for the queues. Makes no events.
 */
public final class KernelProbe {
    private KernelProbe() {
    }

    /** The socket's view now; empty when the socket is closed. */
    public static Optional<KernelView> read(NativeSocket socket) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(TcpInfo.SIZE);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, (int) TcpInfo.SIZE);
            MemorySegment outq = arena.allocate(JAVA_INT);
            MemorySegment inq = arena.allocate(JAVA_INT);
            long[] queueResults = new long[2];
            long result = socket.withFd(fd -> {
                int got = Libc.getsockopt(fd, Linux.IPPROTO_TCP, Linux.TCP_INFO, info, length);
                if (got == 0) {
                    queueResults[0] = Libc.ioctl(fd, Linux.SIOCOUTQ, outq);
                    queueResults[1] = Libc.ioctl(fd, Linux.SIOCINQ, inq);
                }
                return got;
            });
            if (result < 0 || length.get(JAVA_INT, 0) < TcpInfo.SIZE) {
                return Optional.empty();
            }
            TcpInfo tcpInfo = TcpInfo.decode(info, length.get(JAVA_INT, 0));
            Optional<TcpState> state = TcpState.of(tcpInfo.stateNumber());
            if (state.isEmpty()) {
                return Optional.empty();
            }
            if (state.get() == TcpState.LISTEN) {
                return Optional.of(new KernelView(state.get(), tcpInfo.sacked(), tcpInfo.unacked(), tcpInfo));
            }
            long sendQueue = queueResults[0] < 0 ? 0 : outq.get(JAVA_INT, 0);
            long receiveQueue = queueResults[1] < 0 ? 0 : inq.get(JAVA_INT, 0);
            return Optional.of(new KernelView(state.get(), sendQueue, receiveQueue, tcpInfo));
        }
    }

    /** Bytes received and not yet read (SIOCINQ); 0 when it cannot be read. */
    public static long unreadBytes(NativeSocket socket) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment inq = arena.allocate(JAVA_INT);
            long result = socket.withFd(fd -> Libc.ioctl(fd, Linux.SIOCINQ, inq));
            return result < 0 ? 0 : inq.get(JAVA_INT, 0);
        }
    }
}

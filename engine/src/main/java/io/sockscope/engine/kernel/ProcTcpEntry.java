package io.sockscope.engine.kernel;

import io.sockscope.engine.Endpoint;
import java.time.Duration;

/**
 * One line of /proc/net/tcp or /proc/net/tcp6: a TCP socket the kernel still holds, whether or
 * not a program has an fd for it (TIME_WAIT connections have none).
 *
 * @param local             local address and port
 * @param remote            remote address and port (0.0.0.0:0 or [::]:0 for a listener)
 * @param state             the TCP state
 * @param sendQueueBytes    tx_queue: bytes not yet acknowledged (a listener: 0)
 * @param receiveQueueBytes rx_queue: bytes not yet read (a listener: accept-queue length)
 * @param timer             the kernel timer running for the socket
 * @param timerRemaining    time until that timer fires (zero when none runs)
 * @param retransmits       unanswered retransmissions (or probes) so far
 * @param uid               owner's user id
 * @param inode             socket inode (0 for TIME_WAIT and request sockets)
 */
public record ProcTcpEntry(Endpoint local, Endpoint remote, TcpState state, long sendQueueBytes,
                           long receiveQueueBytes, Timer timer, Duration timerRemaining, int retransmits,
                           int uid, long inode) {

    /** The timers /proc/net/tcp reports in its {@code tr} column (net/ipv4/tcp_ipv4.c). */
    public enum Timer {
        NONE(0),
        /** Retransmission, loss-probe or reordering timer. */
        RETRANSMIT(1),
        KEEPALIVE(2),
        /** How long a TIME_WAIT connection has left (60 s in all on Linux). */
        TIME_WAIT(3),
        ZERO_WINDOW_PROBE(4);

        private final int code;

        Timer(int code) {
            this.code = code;
        }

        static Timer of(int code) {
            for (Timer timer : values()) {
                if (timer.code == code) {
                    return timer;
                }
            }
            return NONE;
        }
    }
}

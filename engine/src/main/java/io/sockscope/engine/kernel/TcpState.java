package io.sockscope.engine.kernel;

import java.util.Optional;

/**
 * The states of a Linux TCP socket, numbered as in {@code include/net/tcp_states.h} (the numbers
 * TCP_INFO's {@code tcpi_state} and the {@code st} column of /proc/net/tcp use) and named as the
 * kernel names them.
 */
public enum TcpState {
    ESTABLISHED(1),
    SYN_SENT(2),
    SYN_RECV(3),
    FIN_WAIT1(4),
    FIN_WAIT2(5),
    TIME_WAIT(6),
    CLOSE(7),
    CLOSE_WAIT(8),
    LAST_ACK(9),
    LISTEN(10),
    CLOSING(11),
    /** A connection request waiting in a listener's SYN queue (shown as SYN_RECV by /proc). */
    NEW_SYN_RECV(12),
    /** Bound but neither listening nor connected (Linux 6.8+ reports it in some views). */
    BOUND_INACTIVE(13);

    private final int number;

    TcpState(int number) {
        this.number = number;
    }

    /** The kernel's number for the state. */
    public int number() {
        return number;
    }

    /** The state numbered {@code number}, if this kernel state is known. */
    public static Optional<TcpState> of(int number) {
        for (TcpState state : values()) {
            if (state.number == number) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}

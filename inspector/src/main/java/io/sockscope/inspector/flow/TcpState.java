package io.sockscope.inspector.flow;

/**
 * One side's TCP state (RFC 9293 §3.3.2) as far as the wire shows it: each transition is inferred
 * from a segment the side sent or received. {@link #RESET} is CLOSED reached through a RST,
 * kept apart because explanations treat it differently.
 */
public enum TcpState {
    /** Nothing seen from or to this side yet. */
    CLOSED,
    SYN_SENT,
    SYN_RECEIVED,
    ESTABLISHED,
    FIN_WAIT_1,
    FIN_WAIT_2,
    CLOSE_WAIT,
    CLOSING,
    LAST_ACK,
    TIME_WAIT,
    /** The connection ended with a RST sent or received by this side. */
    RESET
}

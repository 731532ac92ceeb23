package io.sockscope.inspector.explain;

/**
 * The stable codes of SPEC §6, one per kind of explanation. Scripts match on them
 * ({@code expect explain rst_unread_data}) and JSON lines carry them, so a code never changes
 * its name; the text beside it may.
 */
public enum ExplanationCode {
    HANDSHAKE("handshake", true),
    HANDSHAKE_BEFORE_ACCEPT("handshake_before_accept", false),
    CONNECT_REFUSED("connect_refused", true),
    SYN_RETRY("syn_retry", true),
    DATA("data", true),
    COALESCED("coalesced", false),
    SPLIT("split", true),
    SHORT_SEND("short_send", false),
    SHORT_RECV("short_recv", false),
    EOF("eof", false),
    DELAYED_ACK("delayed_ack", true),
    NAGLE_DELAY("nagle_delay", true),
    WINDOW_FULL("window_full", true),
    ZERO_WINDOW("zero_window", true),
    ZERO_WINDOW_PROBE("zero_window_probe", true),
    WINDOW_UPDATE("window_update", true),
    RETRANSMISSION("retransmission", true),
    FAST_RETRANSMISSION("fast_retransmission", true),
    SPURIOUS_RETRANSMISSION("spurious_retransmission", true),
    DUPLICATE_ACK("duplicate_ack", true),
    LOST_SEGMENT("lost_segment", true),
    OUT_OF_ORDER("out_of_order", true),
    KEEPALIVE("keepalive", true),
    FIN("fin", true),
    HALF_CLOSE("half_close", true),
    RST_UNREAD_DATA("rst_unread_data", true),
    RST_ABORT("rst_abort", true),
    RST_CLOSED("rst_closed", true),
    TIME_WAIT("time_wait", true),
    CLOSE_WAIT("close_wait", true),
    ADDR_IN_USE("addr_in_use", false),
    REUSED_PORTS("reused_ports", true),
    LOOPBACK_OFFLOAD("loopback_offload", true);

    private final String wireName;
    private final boolean fromWire;

    ExplanationCode(String wireName, boolean fromWire) {
        this.wireName = wireName;
        this.fromWire = fromWire;
    }

    /** The code as SPEC §6 spells it, e.g. {@code rst_unread_data}. */
    public String wireName() {
        return wireName;
    }

    /**
     * True when the {@link Explainer} finds this code from segments alone; the others need to
     * know the calls (what send() returned, what recv() got, a failed bind()) and come from the
     * live session.
     */
    public boolean fromWire() {
        return fromWire;
    }

    @Override
    public String toString() {
        return wireName;
    }
}

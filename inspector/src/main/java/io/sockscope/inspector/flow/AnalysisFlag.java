package io.sockscope.inspector.flow;

import java.util.EnumSet;
import java.util.Set;

/**
 * tshark's TCP sequence-analysis flags ({@code tcp.analysis.*}), by their tshark names, in the
 * order tshark lists them. As tshark prints them, {@link #RETRANSMISSION} is also set on every
 * fast and spurious retransmission.
 */
public enum AnalysisFlag {
    RETRANSMISSION("retransmission"),
    FAST_RETRANSMISSION("fast_retransmission"),
    SPURIOUS_RETRANSMISSION("spurious_retransmission"),
    OUT_OF_ORDER("out_of_order"),
    LOST_SEGMENT("lost_segment"),
    ACK_LOST_SEGMENT("ack_lost_segment"),
    DUPLICATE_ACK("duplicate_ack"),
    ZERO_WINDOW("zero_window"),
    ZERO_WINDOW_PROBE("zero_window_probe"),
    ZERO_WINDOW_PROBE_ACK("zero_window_probe_ack"),
    WINDOW_FULL("window_full"),
    WINDOW_UPDATE("window_update"),
    KEEP_ALIVE("keep_alive"),
    KEEP_ALIVE_ACK("keep_alive_ack"),
    REUSED_PORTS("reused_ports");

    private static final AnalysisFlag[] ALL = values();

    private final String tsharkName;

    AnalysisFlag(String tsharkName) {
        this.tsharkName = tsharkName;
    }

    /** The name after {@code tcp.analysis.}, e.g. {@code duplicate_ack}. */
    public String tsharkName() {
        return tsharkName;
    }

    /** This flag's bit in a flags bitset. */
    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int bits) {
        return (bits & bit()) != 0;
    }

    /** The flags of a bitset as a new set. */
    public static Set<AnalysisFlag> of(int bits) {
        EnumSet<AnalysisFlag> set = EnumSet.noneOf(AnalysisFlag.class);
        for (AnalysisFlag flag : ALL) {
            if (flag.in(bits)) {
                set.add(flag);
            }
        }
        return set;
    }
}

package io.sockscope.inspector.live;

import java.util.List;

/**
 * How a live session's capture ended.
 *
 * @param records the last records: segments and explanations that came after the last call,
 *                and what only the end completes
 * @param counts  per interface, frames captured and dropped
 * @param notes   what went wrong, one line each (an interface that stopped early, a pcap file
 *                that could not be written, capture that fell behind)
 */
public record Ending(List<LiveRecord> records, List<InterfaceCount> counts, List<String> notes) {

    public Ending {
        records = List.copyOf(records);
        counts = List.copyOf(counts);
        notes = List.copyOf(notes);
    }

    /**
     * One interface's counts.
     *
     * @param iface    the interface
     * @param received frames of the session's traffic the kernel handed to capture
     * @param dropped  frames lost because capture could not keep up (never silent)
     */
    public record InterfaceCount(String iface, long received, long dropped) {
    }
}

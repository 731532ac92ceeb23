package io.sockscope.inspector.live;

/** What {@link LiveSession#start} came to: a session capturing, or why capture cannot run. */
public sealed interface LiveStart {

    /** Capture runs on the interfaces {@link LiveSession#interfaces()} lists. */
    record Started(LiveSession session) implements LiveStart {
    }

    /**
     * Capture cannot run; everything else still works.
     *
     * @param reason one line: what is wrong and how to fix it (install libpcap, run as root, the
     *               setcap line; a bad interface name; a pcap file that cannot be written)
     */
    record Unavailable(String reason) implements LiveStart {
    }
}

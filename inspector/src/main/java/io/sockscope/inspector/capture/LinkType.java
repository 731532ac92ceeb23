package io.sockscope.inspector.capture;

/**
 * The link-layer header types a live capture can hand out, as the numbers pcap files use
 * (LINKTYPE_*, tcpdump.org/linktypes.html), so a live frame and a frame read from a file say the
 * same thing. libpcap reports a handle's type as a DLT_* number; the two agree except for raw IP.
 */
public final class LinkType {

    /** BSD loopback encapsulation: a 4-byte host-order address family. */
    public static final int NULL = 0;
    /** Ethernet II; Linux `lo` uses it too, with zero MAC addresses. */
    public static final int ETHERNET = 1;
    /** Raw IPv4 or IPv6, no link header (tun devices). */
    public static final int RAW = 101;
    /** Linux cooked capture v1 (16-byte header): what the `any` pseudo-interface gives. */
    public static final int LINUX_SLL = 113;
    /** Linux cooked capture v2 (20-byte header, carries the interface index). */
    public static final int LINUX_SLL2 = 276;

    private static final int DLT_RAW = 12;
    private static final int DLT_RAW_OPENBSD = 14;

    private LinkType() {
    }

    /** The pcap-file number for libpcap's DLT number {@code dlt}. */
    static int fromDlt(int dlt) {
        return dlt == DLT_RAW || dlt == DLT_RAW_OPENBSD ? RAW : dlt;
    }

    /** The DLT number libpcap expects (pcap_open_dead) for the pcap-file number {@code linkType}. */
    static int toDlt(int linkType) {
        return linkType == RAW ? DLT_RAW : linkType;
    }

    /** True when libpcap synthesises the link header, so kernel filter offsets differ from the frame's. */
    static boolean isCooked(int linkType) {
        return linkType == LINUX_SLL || linkType == LINUX_SLL2;
    }

    /** A short name for messages: {@code EN10MB}, {@code LINUX_SLL}, or the number. */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL";
            case ETHERNET -> "EN10MB";
            case RAW -> "RAW";
            case LINUX_SLL -> "LINUX_SLL";
            case LINUX_SLL2 -> "LINUX_SLL2";
            default -> "LINKTYPE " + linkType;
        };
    }
}

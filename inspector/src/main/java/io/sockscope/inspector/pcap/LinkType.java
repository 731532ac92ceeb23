package io.sockscope.inspector.pcap;

/**
 * The link-layer header types a capture file can declare (the tcpdump.org LINKTYPE_ registry)
 * that sockscope decodes. Numbers, not an enum, because files carry any 16-bit value and an
 * unknown one must survive to be reported by number.
 */
public final class LinkType {

    /** BSD loopback: a 4-byte address family in the byte order of the capturing host. */
    public static final int NULL = 0;
    /** Ethernet II (and 802.3), possibly with 802.1Q / 802.1ad tags. */
    public static final int ETHERNET = 1;
    /** DLT_RAW as most BSDs number it: raw IPv4 or IPv6, no link header. */
    public static final int RAW_BSD = 12;
    /** DLT_RAW as some systems number it: raw IPv4 or IPv6, no link header. */
    public static final int RAW_BSDOS = 14;
    /** LINKTYPE_RAW: raw IPv4 or IPv6, no link header. */
    public static final int RAW = 101;
    /** OpenBSD loopback: like {@link #NULL} but the family is always big-endian. */
    public static final int LOOP = 108;
    /** Linux cooked capture v1 (SLL), 16-byte header. */
    public static final int LINUX_SLL = 113;
    /** Linux cooked capture v2 (SLL2), 20-byte header. */
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    /** The registry's name of a link type, or {@code "LINKTYPE " + number} for one not listed. */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL (BSD loopback)";
            case ETHERNET -> "EN10MB (Ethernet)";
            case RAW_BSD, RAW_BSDOS, RAW -> "RAW (raw IP)";
            case LOOP -> "LOOP (OpenBSD loopback)";
            case LINUX_SLL -> "LINUX_SLL (Linux cooked v1)";
            case LINUX_SLL2 -> "LINUX_SLL2 (Linux cooked v2)";
            default -> "LINKTYPE " + linkType;
        };
    }
}

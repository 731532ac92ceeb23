package io.sockscope.inspector.decode;

/**
 * What stopped a frame's decoding, with the status it implies. The text is a template completed
 * by {@link FrameDecoder#describeProblem()} with the offending value and the byte offset.
 */
public enum DecodeProblem {
    NONE(DecodeStatus.OK, "decoded"),
    LINK_TYPE_UNSUPPORTED(DecodeStatus.UNSUPPORTED, "link type %d is not decoded"),
    ETHERNET_TRUNCATED(DecodeStatus.TRUNCATED, "Ethernet header truncated (%d bytes captured)"),
    VLAN_TRUNCATED(DecodeStatus.TRUNCATED, "802.1Q tag truncated (%d bytes captured)"),
    VLAN_TOO_DEEP(DecodeStatus.UNSUPPORTED, "more than %d stacked VLAN tags"),
    SLL_TRUNCATED(DecodeStatus.TRUNCATED, "Linux cooked header truncated (%d bytes captured)"),
    SLL2_TRUNCATED(DecodeStatus.TRUNCATED, "Linux cooked v2 header truncated (%d bytes captured)"),
    LOOPBACK_TRUNCATED(DecodeStatus.TRUNCATED, "loopback header truncated (%d bytes captured)"),
    LOOPBACK_FAMILY_UNSUPPORTED(DecodeStatus.UNSUPPORTED,
            "loopback address family %d is not IPv4 or IPv6"),
    ETHERTYPE_UNSUPPORTED(DecodeStatus.UNSUPPORTED, "ethertype 0x%04x is not IPv4 or IPv6"),
    IP_VERSION_UNSUPPORTED(DecodeStatus.UNSUPPORTED, "IP version %d is not 4 or 6"),
    IP_VERSION_MISMATCH(DecodeStatus.MALFORMED,
            "IP version nibble %d contradicts the link layer's protocol"),
    IPV4_TRUNCATED(DecodeStatus.TRUNCATED, "IPv4 header truncated (%d bytes captured)"),
    IPV4_HEADER_LENGTH(DecodeStatus.MALFORMED,
            "IPv4 header length %d bytes; at least 20 expected"),
    IPV4_TOTAL_LENGTH(DecodeStatus.MALFORMED,
            "IPv4 total length %d is shorter than its header or longer than the frame"),
    IPV4_FRAGMENT(DecodeStatus.UNSUPPORTED,
            "IPv4 fragment (offset %d bytes): fragments are not reassembled"),
    IPV6_TRUNCATED(DecodeStatus.TRUNCATED, "IPv6 header truncated (%d bytes captured)"),
    IPV6_PAYLOAD_LENGTH(DecodeStatus.MALFORMED,
            "IPv6 payload length %d is longer than the frame or shorter than its extension headers"),
    IPV6_EXTENSION_TRUNCATED(DecodeStatus.TRUNCATED,
            "IPv6 extension header truncated (next header %d)"),
    IPV6_FRAGMENT(DecodeStatus.UNSUPPORTED,
            "IPv6 fragment (offset %d bytes): fragments are not reassembled"),
    IPV6_JUMBOGRAM(DecodeStatus.UNSUPPORTED, "IPv6 jumbogram (payload length %d) is not decoded"),
    TRANSPORT_UNSUPPORTED(DecodeStatus.UNSUPPORTED, "IP protocol %d is not TCP"),
    TCP_TRUNCATED(DecodeStatus.TRUNCATED, "TCP header truncated (%d bytes captured)"),
    TCP_HEADER_LENGTH(DecodeStatus.MALFORMED, "TCP header length %d bytes; at least 20 expected"),
    TCP_LONGER_THAN_PACKET(DecodeStatus.MALFORMED,
            "TCP header length %d bytes is longer than the IP payload");

    private final DecodeStatus status;
    private final String template;

    DecodeProblem(DecodeStatus status, String template) {
        this.status = status;
        this.template = template;
    }

    public DecodeStatus status() {
        return status;
    }

    /** The description with its value filled in. */
    public String describe(long value) {
        return template.contains("%") ? String.format(template, value) : template;
    }
}

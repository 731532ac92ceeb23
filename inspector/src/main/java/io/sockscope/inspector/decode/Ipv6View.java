package io.sockscope.inspector.decode;

import java.nio.ByteBuffer;

/**
 * The IPv6 header (RFC 8200 §3) and its extension headers (§4: hop-by-hop, routing, fragment,
 * destination options; RFC 4302 §2 authentication header), walked to the upper-layer header:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                   Source Address (128 bits)                   +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                Destination Address (128 bits)                 +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Each extension header starts with Next Header and a length: (n+1)·8 bytes for hop-by-hop,
 * routing and destination options, 8 for fragment, (n+2)·4 for AH. A fragment with a non-zero
 * offset or More Fragments set is reported, not reassembled. Lifetime: owned by one
 * {@link FrameDecoder}; valid until its next decode.
 */
public final class Ipv6View {

    /** Extension headers beyond this many are walked but not remembered by type. */
    public static final int REMEMBERED_EXTENSIONS = 8;

    private final int[] extensionTypes = new int[REMEMBERED_EXTENSIONS];
    private ByteBuffer buffer;
    private int base;
    private int extensionCount;
    private int protocol;
    private int headerLength;
    private int payloadLength;
    private long problemValue;

    DecodeProblem decode(ByteBuffer b, int offset, int captured, int wireRemaining) {
        buffer = b;
        base = offset;
        extensionCount = 0;
        if (captured < 40) {
            problemValue = captured;
            return DecodeProblem.IPV6_TRUNCATED;
        }
        int version = (b.get(offset) & 0xFF) >>> 4;
        if (version != 6) {
            problemValue = version;
            return DecodeProblem.IP_VERSION_MISMATCH;
        }
        int declared = payloadLengthField();
        int next = b.get(offset + 6) & 0xFF;
        if (declared == 0 && next == IpProtocol.HOP_BY_HOP) {
            problemValue = declared;
            return DecodeProblem.IPV6_JUMBOGRAM;
        }
        int end = 40 + declared;
        if (end > wireRemaining) {
            problemValue = declared;
            return DecodeProblem.IPV6_PAYLOAD_LENGTH;
        }
        int at = 40;
        while (isExtension(next)) {
            if (captured < at + 8) {
                problemValue = next;
                return DecodeProblem.IPV6_EXTENSION_TRUNCATED;
            }
            int length = switch (next) {
                case IpProtocol.FRAGMENT -> 8;
                case IpProtocol.AUTHENTICATION -> ((b.get(offset + at + 1) & 0xFF) + 2) * 4;
                default -> ((b.get(offset + at + 1) & 0xFF) + 1) * 8;
            };
            if (at + length > end) {
                problemValue = declared;
                return DecodeProblem.IPV6_PAYLOAD_LENGTH;
            }
            if (next == IpProtocol.FRAGMENT) {
                int field = b.getShort(offset + at + 2) & 0xFFFF;
                if ((field & 0xFFF8) != 0 || (field & 1) != 0) {
                    problemValue = field & 0xFFF8;
                    return DecodeProblem.IPV6_FRAGMENT;
                }
            }
            if (extensionCount < REMEMBERED_EXTENSIONS) {
                extensionTypes[extensionCount] = next;
            }
            extensionCount++;
            next = b.get(offset + at) & 0xFF;
            at += length;
        }
        protocol = next;
        headerLength = at;
        payloadLength = end - at;
        return DecodeProblem.NONE;
    }

    private static boolean isExtension(int next) {
        return next == IpProtocol.HOP_BY_HOP || next == IpProtocol.ROUTING
                || next == IpProtocol.FRAGMENT || next == IpProtocol.DESTINATION_OPTIONS
                || next == IpProtocol.AUTHENTICATION;
    }

    long problemValue() {
        return problemValue;
    }

    public int trafficClass() {
        return (buffer.getShort(base) >>> 4) & 0xFF;
    }

    public int flowLabel() {
        return buffer.getInt(base) & 0xFFFFF;
    }

    public int payloadLengthField() {
        return buffer.getShort(base + 4) & 0xFFFF;
    }

    public int hopLimit() {
        return buffer.get(base + 7) & 0xFF;
    }

    /** The upper-layer protocol after the extension headers (6 for TCP). */
    public int protocol() {
        return protocol;
    }

    public long sourceHigh() {
        return buffer.getLong(base + 8);
    }

    public long sourceLow() {
        return buffer.getLong(base + 16);
    }

    public long destinationHigh() {
        return buffer.getLong(base + 24);
    }

    public long destinationLow() {
        return buffer.getLong(base + 32);
    }

    public int extensionCount() {
        return extensionCount;
    }

    /** Next-header number of extension header {@code index} (first {@link #REMEMBERED_EXTENSIONS}). */
    public int extensionType(int index) {
        return extensionTypes[index];
    }

    /** Fixed header plus extension headers, in bytes. */
    public int headerLength() {
        return headerLength;
    }

    /** Upper-layer bytes as Payload Length says, less the extension headers. */
    public int payloadLength() {
        return payloadLength;
    }
}

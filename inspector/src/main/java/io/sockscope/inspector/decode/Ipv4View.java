package io.sockscope.inspector.decode;

import java.nio.ByteBuffer;

/**
 * The IPv4 header (RFC 791 §3.1), options skipped by the header length:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The payload length comes from Total Length, clipped to the frame's wire length (so snapshot
 * truncation does not change it); a Total Length of 0, as segmentation offload leaves it, means
 * "the rest of the frame". Fragments are reported, not reassembled. The checksum is not judged.
 * Lifetime: owned by one {@link FrameDecoder}; valid until its next decode.
 */
public final class Ipv4View {

    private ByteBuffer buffer;
    private int base;
    private int headerLength;
    private int payloadLength;
    private long problemValue;

    DecodeProblem decode(ByteBuffer b, int offset, int captured, int wireRemaining) {
        buffer = b;
        base = offset;
        if (captured < 20) {
            problemValue = captured;
            return DecodeProblem.IPV4_TRUNCATED;
        }
        int first = b.get(offset) & 0xFF;
        if (first >>> 4 != 4) {
            problemValue = first >>> 4;
            return DecodeProblem.IP_VERSION_MISMATCH;
        }
        headerLength = (first & 0x0F) * 4;
        if (headerLength < 20) {
            problemValue = headerLength;
            return DecodeProblem.IPV4_HEADER_LENGTH;
        }
        if (captured < headerLength) {
            problemValue = captured;
            return DecodeProblem.IPV4_TRUNCATED;
        }
        int total = totalLength();
        if (total == 0) {
            total = wireRemaining;
        }
        if (total < headerLength || total > wireRemaining) {
            problemValue = total;
            return DecodeProblem.IPV4_TOTAL_LENGTH;
        }
        payloadLength = total - headerLength;
        if (moreFragments() || fragmentOffset() != 0) {
            problemValue = fragmentOffset();
            return DecodeProblem.IPV4_FRAGMENT;
        }
        return DecodeProblem.NONE;
    }

    long problemValue() {
        return problemValue;
    }

    public int headerLength() {
        return headerLength;
    }

    public int optionsLength() {
        return headerLength - 20;
    }

    public int typeOfService() {
        return buffer.get(base + 1) & 0xFF;
    }

    /** The Total Length field as written (0 under segmentation offload). */
    public int totalLength() {
        return buffer.getShort(base + 2) & 0xFFFF;
    }

    public int identification() {
        return buffer.getShort(base + 4) & 0xFFFF;
    }

    public boolean dontFragment() {
        return (buffer.get(base + 6) & 0x40) != 0;
    }

    public boolean moreFragments() {
        return (buffer.get(base + 6) & 0x20) != 0;
    }

    /** Fragment offset in bytes. */
    public int fragmentOffset() {
        return (buffer.getShort(base + 6) & 0x1FFF) * 8;
    }

    public int ttl() {
        return buffer.get(base + 8) & 0xFF;
    }

    public int protocol() {
        return buffer.get(base + 9) & 0xFF;
    }

    public int headerChecksum() {
        return buffer.getShort(base + 10) & 0xFFFF;
    }

    /** Source address as a big-endian int (first octet in the high byte). */
    public int source() {
        return buffer.getInt(base + 12);
    }

    public int destination() {
        return buffer.getInt(base + 16);
    }

    /** Bytes after the header as Total Length (clipped to the frame) says. */
    public int payloadLength() {
        return payloadLength;
    }
}

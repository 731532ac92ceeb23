package io.sockscope.inspector.decode;

import java.nio.ByteBuffer;

/**
 * The TCP header (RFC 9293 §3.1):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 * |       |       |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           [Options]                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The payload length ({@code tcp.len}) is the IP payload length less the header length, so a
 * snapshot-truncated frame still has its full length. Sequence and acknowledgment numbers are
 * unsigned 32-bit values in a {@code long}. The checksum is not judged (captures with checksum
 * offload hold partial sums). Lifetime: owned by one {@link FrameDecoder}; valid until its next
 * decode; {@link #options()} returns the one cursor this view owns.
 */
public final class TcpView {

    private final TcpOptionCursor options = new TcpOptionCursor();
    private ByteBuffer buffer;
    private int base;
    private int headerLength;
    private int payloadLength;
    private int capturedPayload;
    private long problemValue;

    DecodeProblem decode(ByteBuffer b, int offset, int captured, int ipPayloadLength) {
        buffer = b;
        base = offset;
        if (captured < 20) {
            problemValue = captured;
            return DecodeProblem.TCP_TRUNCATED;
        }
        headerLength = ((b.get(offset + 12) & 0xFF) >>> 4) * 4;
        if (headerLength < 20) {
            problemValue = headerLength;
            return DecodeProblem.TCP_HEADER_LENGTH;
        }
        if (ipPayloadLength < headerLength) {
            problemValue = headerLength;
            return DecodeProblem.TCP_LONGER_THAN_PACKET;
        }
        if (captured < headerLength) {
            problemValue = captured;
            return DecodeProblem.TCP_TRUNCATED;
        }
        payloadLength = ipPayloadLength - headerLength;
        capturedPayload = Math.min(payloadLength, captured - headerLength);
        return DecodeProblem.NONE;
    }

    long problemValue() {
        return problemValue;
    }

    public int sourcePort() {
        return buffer.getShort(base) & 0xFFFF;
    }

    public int destinationPort() {
        return buffer.getShort(base + 2) & 0xFFFF;
    }

    public long sequence() {
        return buffer.getInt(base + 4) & 0xFFFFFFFFL;
    }

    public long acknowledgment() {
        return buffer.getInt(base + 8) & 0xFFFFFFFFL;
    }

    public int headerLength() {
        return headerLength;
    }

    /** The control bits, see {@link TcpFlags}. */
    public int flags() {
        return buffer.getShort(base + 12) & 0x1FF;
    }

    /** The raw 16-bit window field, unscaled. */
    public int window() {
        return buffer.getShort(base + 14) & 0xFFFF;
    }

    public int checksum() {
        return buffer.getShort(base + 16) & 0xFFFF;
    }

    public int urgentPointer() {
        return buffer.getShort(base + 18) & 0xFFFF;
    }

    /** {@code tcp.len}: payload bytes on the wire. */
    public int payloadLength() {
        return payloadLength;
    }

    /** Payload bytes present in the capture (fewer than {@link #payloadLength()} under a snaplen). */
    public int capturedPayloadLength() {
        return capturedPayload;
    }

    /** Buffer index of the first payload byte. */
    public int payloadOffset() {
        return base + headerLength;
    }

    /** The captured payload bytes copied into a new array (allocates; for renderers that show data). */
    public byte[] copyPayload() {
        byte[] copy = new byte[capturedPayload];
        buffer.get(base + headerLength, copy);
        return copy;
    }

    public ByteBuffer buffer() {
        return buffer;
    }

    /** Buffer index of the first option byte. */
    public int optionsOffset() {
        return base + 20;
    }

    public int optionsLength() {
        return headerLength - 20;
    }

    /** The option cursor, rewound to the first option. */
    public TcpOptionCursor options() {
        options.reset(buffer, base + 20, base + headerLength);
        return options;
    }
}

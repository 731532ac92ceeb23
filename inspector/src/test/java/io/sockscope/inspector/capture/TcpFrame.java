package io.sockscope.inspector.capture;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The few TCP fields the capture tests look at, read from an Ethernet + IPv4 + TCP frame (what
 * {@code lo} delivers). The project's decoder is elsewhere; this stays a test aid.
 */
record TcpFrame(int sourcePort, int destinationPort, int flags, long sequence, String payload) {

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    private static final int ETHERNET_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int PROTOCOL_TCP = 6;

    static Optional<TcpFrame> parse(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame);
        if (frame.length < ETHERNET_HEADER + 20 || (b.getShort(12) & 0xffff) != ETHERTYPE_IPV4) {
            return Optional.empty();
        }
        int ihl = (b.get(ETHERNET_HEADER) & 0x0f) * 4;
        if ((b.get(ETHERNET_HEADER + 9) & 0xff) != PROTOCOL_TCP) {
            return Optional.empty();
        }
        int totalLength = b.getShort(ETHERNET_HEADER + 2) & 0xffff;
        int tcp = ETHERNET_HEADER + ihl;
        int dataOffset = ((b.get(tcp + 12) >> 4) & 0x0f) * 4;
        int payloadStart = tcp + dataOffset;
        int payloadLength = Math.max(0, Math.min(totalLength - ihl - dataOffset, frame.length - payloadStart));
        return Optional.of(new TcpFrame(b.getShort(tcp) & 0xffff, b.getShort(tcp + 2) & 0xffff, b.get(tcp + 13) & 0xff,
                Integer.toUnsignedLong(b.getInt(tcp + 4)),
                new String(frame, payloadStart, payloadLength, StandardCharsets.ISO_8859_1)));
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean is(int exactFlags) {
        return flags == exactFlags;
    }
}

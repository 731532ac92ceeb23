package io.sockscope.inspector.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Builds frame bytes layer by layer for tests: TCP segments, IPv4/IPv6 packets (options,
 * extension headers, fragments) and the link headers sockscope decodes. Checksums are left 0.
 */
public final class Frames {

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;

    private Frames() {
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** TCP options from byte values, padded with EOL to a multiple of 4. */
    public static byte[] options(int... values) {
        byte[] b = new byte[(values.length + 3) & ~3];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** The usual Linux SYN options: mss, sackOK, TS val/ecr, nop, wscale. */
    public static byte[] synOptions(int mss, long tsVal, long tsEcr, int shift) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.put((byte) 2).put((byte) 4).putShort((short) mss).put((byte) 4).put((byte) 2)
                .put((byte) 8).put((byte) 10).putInt((int) tsVal).putInt((int) tsEcr)
                .put((byte) 1).put((byte) 3).put((byte) 3).put((byte) shift);
        return b.array();
    }

    /** A TCP header with {@code options} and {@code payload}. */
    public static byte[] tcp(int sourcePort, int destinationPort, long seq, long ack, int flags,
            int window, byte[] options, byte[] payload) {
        int headerLength = 20 + options.length;
        ByteBuffer b = ByteBuffer.allocate(headerLength + payload.length);
        b.putShort((short) sourcePort).putShort((short) destinationPort).putInt((int) seq)
                .putInt((int) ack).put((byte) ((headerLength / 4) << 4)).put((byte) flags)
                .putShort((short) window).putShort((short) 0).putShort((short) 0).put(options)
                .put(payload);
        return b.array();
    }

    /** An IPv4 packet (DF set, TTL 64) around {@code payload}. */
    public static byte[] ipv4(int source, int destination, int protocol, byte[] payload) {
        return ipv4(source, destination, protocol, new byte[0], 0x4000, payload);
    }

    /** An IPv4 packet with header options and the flags+offset field given. */
    public static byte[] ipv4(int source, int destination, int protocol, byte[] options,
            int flagsAndOffset, byte[] payload) {
        int headerLength = 20 + options.length;
        ByteBuffer b = ByteBuffer.allocate(headerLength + payload.length);
        b.put((byte) (0x40 | headerLength / 4)).put((byte) 0)
                .putShort((short) (headerLength + payload.length)).putShort((short) 1)
                .putShort((short) flagsAndOffset).put((byte) 64).put((byte) protocol)
                .putShort((short) 0).putInt(source).putInt(destination).put(options).put(payload);
        return b.array();
    }

    public static int ip(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }

    /** An IPv6 packet; {@code extensions} already chained, the first one's type is {@code next}. */
    public static byte[] ipv6(byte[] source, byte[] destination, int next, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x60000000).putShort((short) payload.length).put((byte) next).put((byte) 64)
                .put(source).put(destination).put(payload);
        return b.array();
    }

    /** A 16-byte IPv6 address from eight 16-bit groups. */
    public static byte[] ip6(int... groups) {
        ByteBuffer b = ByteBuffer.allocate(16);
        for (int g : groups) {
            b.putShort((short) g);
        }
        return b.array();
    }

    /** Ethernet II with optional VLAN tags {@code {tpid, vid}} pairs, outermost first. */
    public static byte[] ethernet(int etherType, byte[] payload, int... tags) {
        ByteBuffer b = ByteBuffer.allocate(14 + tags.length * 2 + payload.length);
        b.put(bytes(0x02, 0, 0, 0, 0, 2)).put(bytes(0x02, 0, 0, 0, 0, 1));
        for (int i = 0; i < tags.length; i += 2) {
            b.putShort((short) tags[i]).putShort((short) tags[i + 1]);
        }
        b.putShort((short) etherType).put(payload);
        return b.array();
    }

    /** Linux cooked v1 header (packet type 0, ARPHRD_ETHER, 6-byte address). */
    public static byte[] sll(int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 6)
                .put(bytes(0x02, 0, 0, 0, 0, 1, 0, 0)).putShort((short) protocol).put(payload);
        return b.array();
    }

    /** Linux cooked v2 header (interface 3, ARPHRD_ETHER, packet type 4 "outgoing"). */
    public static byte[] sll2(int protocol, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) protocol).putShort((short) 0).putInt(3).putShort((short) 1)
                .put((byte) 4).put((byte) 6).put(bytes(0x02, 0, 0, 0, 0, 1, 0, 0)).put(payload);
        return b.array();
    }

    /** BSD loopback header: the family in the given byte order. */
    public static byte[] loopback(int family, boolean bigEndian, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + payload.length);
        b.putInt(bigEndian ? family : Integer.reverseBytes(family)).put(payload);
        return b.array();
    }
}

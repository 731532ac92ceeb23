package io.sockscope.inspector.flow;

import static io.sockscope.inspector.pcap.Frames.ACK;
import static io.sockscope.inspector.pcap.Frames.PSH;
import static io.sockscope.inspector.pcap.Frames.SYN;

import io.sockscope.inspector.pcap.CaptureFileBuilder;
import io.sockscope.inspector.pcap.Frames;
import io.sockscope.inspector.pcap.LinkType;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The same short exchange in every file format and link layer sockscope reads, plus IPv4
 * options and fragments and IPv6 extension headers. Each IPv4 exchange is
 * <pre>
 * 192.168.1.10.50000 > 192.168.1.20.9000: Flags [S], seq 0, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
 * 192.168.1.20.9000 > 192.168.1.10.50000: Flags [S.], seq 0, ack 1, win 65160, options [mss 1460,sackOK,TS val 2 ecr 1,nop,wscale 7], length 0
 * 192.168.1.10.50000 > 192.168.1.20.9000: Flags [.], ack 1, win 502, length 0
 * 192.168.1.10.50000 > 192.168.1.20.9000: Flags [P.], seq 1:6, ack 1, win 502, length 5
 * </pre>
 * and the IPv6 one the same between {@code 2001:db8::10.50001} and {@code 2001:db8::20.9000}.
 */
final class LinkCaptures {

    static final long T0 = 1_700_000_000_123_456_789L;
    static final int CLIENT = Frames.ip(192, 168, 1, 10);
    static final int SERVER = Frames.ip(192, 168, 1, 20);
    static final byte[] CLIENT6 = Frames.ip6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x10);
    static final byte[] SERVER6 = Frames.ip6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x20);

    private LinkCaptures() {
    }

    static Map<String, byte[]> all() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("link_vlan.pcap", classic(LinkType.ETHERNET, ByteOrder.LITTLE_ENDIAN, false,
                ip -> Frames.ethernet(0x0800, ip, 0x8100, 100),
                ip -> Frames.ethernet(0x86DD, ip, 0x88A8, 200, 0x8100, 300)));
        all.put("link_sll.pcap", classic(LinkType.LINUX_SLL, ByteOrder.LITTLE_ENDIAN, false,
                ip -> Frames.sll(0x0800, ip), ip -> Frames.sll(0x86DD, ip)));
        all.put("link_sll2.pcap", classic(LinkType.LINUX_SLL2, ByteOrder.LITTLE_ENDIAN, false,
                ip -> Frames.sll2(0x0800, ip), ip -> Frames.sll2(0x86DD, ip)));
        all.put("link_null.pcap", classic(LinkType.NULL, ByteOrder.LITTLE_ENDIAN, false,
                ip -> Frames.loopback(2, false, ip), ip -> Frames.loopback(30, false, ip)));
        all.put("link_null_bigendian.pcap", classic(LinkType.NULL, ByteOrder.BIG_ENDIAN, false,
                ip -> Frames.loopback(2, true, ip), ip -> Frames.loopback(24, true, ip)));
        all.put("link_loop.pcap", classic(LinkType.LOOP, ByteOrder.LITTLE_ENDIAN, false,
                ip -> Frames.loopback(2, true, ip), ip -> Frames.loopback(28, true, ip)));
        all.put("link_raw.pcap", classic(LinkType.RAW, ByteOrder.LITTLE_ENDIAN, false,
                ip -> ip, ip -> ip));
        all.put("link_raw12.pcap", classic(LinkType.RAW_BSD, ByteOrder.LITTLE_ENDIAN, false,
                ip -> ip, ip -> ip));
        all.put("link_raw14.pcap", classic(LinkType.RAW_BSDOS, ByteOrder.LITTLE_ENDIAN, false,
                ip -> ip, ip -> ip));
        all.put("pcap_nanoseconds.pcap", classic(LinkType.ETHERNET, ByteOrder.LITTLE_ENDIAN,
                true, ip -> Frames.ethernet(0x0800, ip), ip -> Frames.ethernet(0x86DD, ip)));
        all.put("pcap_bigendian.pcap", classic(LinkType.ETHERNET, ByteOrder.BIG_ENDIAN, false,
                ip -> Frames.ethernet(0x0800, ip), ip -> Frames.ethernet(0x86DD, ip)));
        all.put("pcapng_interfaces.pcapng", pcapng());
        all.put("ip_options_fragments.pcap", ipOptionsAndFragments());
        return all;
    }

    /** The exchange's IPv4 packets. */
    static List<byte[]> ipv4Exchange() {
        List<byte[]> packets = new ArrayList<>();
        for (byte[] tcp : exchange(50000)) {
            boolean fromClient = (tcp[0] & 0xFF) == (50000 >> 8);
            packets.add(Frames.ipv4(fromClient ? CLIENT : SERVER, fromClient ? SERVER : CLIENT, 6,
                    tcp));
        }
        return packets;
    }

    /** The exchange's IPv6 packets, the data segment behind extension headers. */
    static List<byte[]> ipv6Exchange() {
        List<byte[]> packets = new ArrayList<>();
        List<byte[]> segments = exchange(50001);
        for (int i = 0; i < segments.size(); i++) {
            byte[] tcp = segments.get(i);
            boolean fromClient = (tcp[0] & 0xFF) == (50001 >> 8);
            byte[] source = fromClient ? CLIENT6 : SERVER6;
            byte[] destination = fromClient ? SERVER6 : CLIENT6;
            if (i == segments.size() - 1) {
                // hop-by-hop (PadN) -> destination options -> routing (type 0, 0 left)
                // -> atomic fragment -> AH -> TCP
                byte[] hopByHop = Frames.bytes(60, 0, 1, 4, 0, 0, 0, 0);
                byte[] destinationOptions = Frames.bytes(43, 0, 1, 4, 0, 0, 0, 0);
                byte[] routing = Frames.bytes(44, 0, 0, 0, 0, 0, 0, 0);
                byte[] fragment = Frames.bytes(51, 0, 0, 0, 0, 0, 0, 7);
                byte[] authentication = Frames.bytes(6, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1,
                        0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66);
                packets.add(Frames.ipv6(source, destination, 0, Frames.concat(hopByHop,
                        destinationOptions, routing, fragment, authentication, tcp)));
            } else {
                packets.add(Frames.ipv6(source, destination, 6, tcp));
            }
        }
        return packets;
    }

    private static List<byte[]> exchange(int clientPort) {
        return List.of(
                Frames.tcp(clientPort, 9000, 3000, 0, SYN, 64240,
                        Frames.synOptions(1460, 1, 0, 7), new byte[0]),
                Frames.tcp(9000, clientPort, 8000, 3001, SYN | ACK, 65160,
                        Frames.synOptions(1460, 2, 1, 7), new byte[0]),
                Frames.tcp(clientPort, 9000, 3001, 8001, ACK, 502, new byte[0], new byte[0]),
                Frames.tcp(clientPort, 9000, 3001, 8001, PSH | ACK, 502, new byte[0],
                        "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static byte[] classic(int linkType, ByteOrder order, boolean nanos,
            UnaryOperator<byte[]> wrap4, UnaryOperator<byte[]> wrap6) {
        CaptureFileBuilder file = CaptureFileBuilder.pcap(order, nanos, linkType);
        long at = T0;
        for (byte[] ip : ipv4Exchange()) {
            file.record(nanos ? at : at / 1000 * 1000, wrap4.apply(ip));
            at += 1_234_567;
        }
        for (byte[] ip : ipv6Exchange()) {
            file.record(nanos ? at : at / 1000 * 1000, wrap6.apply(ip));
            at += 1_234_567;
        }
        return file.bytes();
    }

    /**
     * Two sections: the first little-endian with an Ethernet interface in nanoseconds and a raw-IP
     * interface in 2^-20 s offset by 1000 s, a block of an unknown type, an interface statistics
     * block and a simple packet block; the
     * second big-endian with one Linux cooked v2 interface in microseconds.
     */
    private static byte[] pcapng() {
        CaptureFileBuilder file = CaptureFileBuilder.pcapng().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(LinkType.ETHERNET, 9, 0)
                .interfaceDescription(LinkType.RAW, 0x80 | 20, 1000);
        List<byte[]> v4 = ipv4Exchange();
        long nanos = T0;
        file.enhancedPacket(0, nanos, Frames.ethernet(0x0800, v4.get(0)));
        long binarySeconds = (T0 / 1_000_000_000L - 1000) + 1;
        file.enhancedPacket(1, binarySeconds << 20 | 0x80000, v4.get(1));
        file.block(0x00000777, Frames.bytes(1, 2, 3, 4, 5));
        file.block(5, Frames.bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        file.enhancedPacket(0, nanos + 2_000_000_000L, Frames.ethernet(0x0800, v4.get(2)));
        file.simplePacket(Frames.ethernet(0x0800, v4.get(3)));
        file.section(ByteOrder.BIG_ENDIAN).interfaceDescription(LinkType.LINUX_SLL2, -1, 0);
        long micros = T0 / 1000 + 5_000_000;
        for (byte[] ip : ipv6Exchange()) {
            file.enhancedPacket(0, micros, Frames.sll2(0x86DD, ip));
            micros += 1500;
        }
        return file.bytes();
    }

    /**
     * IPv4 with a Router Alert option carrying TCP, then a first fragment (More Fragments) and a
     * middle fragment of the same datagram. tshark reassembles fragments once all are present,
     * which never happens here, so it does not dissect either as TCP, as sockscope does not.
     */
    private static byte[] ipOptionsAndFragments() {
        CaptureFileBuilder file = CaptureFileBuilder.pcap(ByteOrder.LITTLE_ENDIAN, false,
                LinkType.ETHERNET);
        byte[] routerAlert = Frames.bytes(0x94, 4, 0, 0);
        long at = T0 / 1000 * 1000;
        for (byte[] ip : ipv4Exchange()) {
            byte[] tcp = java.util.Arrays.copyOfRange(ip, 20, ip.length);
            boolean fromClient = ip[15] == 10;
            file.record(at, Frames.ethernet(0x0800, Frames.ipv4(fromClient ? CLIENT : SERVER,
                    fromClient ? SERVER : CLIENT, 6, routerAlert, 0x4000, tcp)));
            at += 1000;
        }
        byte[] segment = Frames.tcp(50000, 9000, 3006, 8001, PSH | ACK, 502, new byte[0],
                new byte[16]);
        file.record(at, Frames.ethernet(0x0800, Frames.ipv4(CLIENT, SERVER, 6, new byte[0],
                0x2000, segment)));
        file.record(at + 1000, Frames.ethernet(0x0800, Frames.ipv4(CLIENT, SERVER, 6,
                new byte[0], 0x2004, new byte[8])));
        return file.bytes();
    }
}

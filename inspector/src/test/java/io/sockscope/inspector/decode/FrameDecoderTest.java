package io.sockscope.inspector.decode;

import static io.sockscope.inspector.pcap.Frames.ACK;
import static io.sockscope.inspector.pcap.Frames.PSH;
import static io.sockscope.inspector.pcap.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.pcap.Frames;
import io.sockscope.inspector.pcap.LinkType;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The decoder over byte literals: every layer's fields, and every way it stops. */
class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder();

    /**
     * handshake_echo frame 1:
     * 127.0.0.1.39564 > 127.0.0.1.47101: Flags [S], seq 220739978, win 65495,
     * options [mss 65495,sackOK,TS val 1834123408 ecr 0,nop,wscale 7], length 0
     */
    private static final byte[] SYN_FRAME = HexFormat.of().parseHex(
            "00000000000000000000000008004500003cca0640004006"
            + "72b37f0000017f0000019a8cb7fd0d28398a00000000a002ffd7fe300000"
            + "0204ffd70402080a6d5280900000000001030307");

    private DecodeStatus decode(byte[] frame, int linkType) {
        return decoder.decode(ByteBuffer.wrap(frame), 0, frame.length, frame.length, linkType);
    }

    @Test
    void aRealSynDecodesEveryField() {
        assertThat(decode(SYN_FRAME, LinkType.ETHERNET)).isEqualTo(DecodeStatus.OK);
        assertThat(decoder.isTcp()).isTrue();
        assertThat(decoder.ethernet().etherType()).isEqualTo(EtherType.IPV4);
        Ipv4View ip = decoder.ipv4();
        assertThat(ip.source()).isEqualTo(0x7f000001);
        assertThat(ip.totalLength()).isEqualTo(60);
        assertThat(ip.dontFragment()).isTrue();
        assertThat(ip.ttl()).isEqualTo(64);
        TcpView tcp = decoder.tcp();
        assertThat(tcp.sourcePort()).isEqualTo(39564);
        assertThat(tcp.destinationPort()).isEqualTo(47101);
        assertThat(tcp.sequence()).isEqualTo(220739978L);
        assertThat(tcp.flags()).isEqualTo(TcpFlags.SYN);
        assertThat(tcp.window()).isEqualTo(65495);
        assertThat(tcp.headerLength()).isEqualTo(40);
        assertThat(tcp.payloadLength()).isZero();
        TcpOptionCursor options = tcp.options();
        assertThat(options.next()).isTrue();
        assertThat(options.mss()).isEqualTo(65495);
        assertThat(options.next()).isTrue();
        assertThat(options.kind()).isEqualTo(TcpOptionKind.SACK_PERMITTED);
        assertThat(options.next()).isTrue();
        assertThat(options.timestampValue()).isEqualTo(1834123408L);
        assertThat(options.timestampEcho()).isZero();
        assertThat(options.next()).isTrue();
        assertThat(options.kind()).isEqualTo(TcpOptionKind.NOP);
        assertThat(options.next()).isTrue();
        assertThat(options.windowScaleShift()).isEqualTo(7);
        assertThat(options.next()).isFalse();
        assertThat(options.malformed()).isFalse();
    }

    @Test
    void aLiveFrameDecodesFromItsArrayAndCaptureInfo() {
        byte[] frame = Frames.ethernet(0x0800, Frames.ipv4(1, 2, 6, Frames.tcp(1, 2, 3, 4,
                PSH | ACK, 5, new byte[0], "hi\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertThat(decoder.decode(frame, new io.sockscope.inspector.pcap.CaptureInfo(7L,
                frame.length, frame.length, LinkType.ETHERNET))).isEqualTo(DecodeStatus.OK);
        assertThat(decoder.tcp().copyPayload()).containsExactly('h', 'i', '\n');
        assertThat(new io.sockscope.inspector.pcap.CaptureInfo(7_999L, 60, 10, 1).wireLength())
                .as("a wire length below the captured length is raised to it").isEqualTo(60);
    }

    @Test
    void truncationAtEveryHeaderBoundaryIsReported() {
        byte[] tcp = Frames.tcp(1, 2, 3, 4, PSH | ACK, 5, Frames.options(1, 1, 8, 10, 0, 0, 0, 1,
                0, 0, 0, 2), new byte[10]);
        byte[] ip = Frames.ipv4(1, 2, 6, Frames.bytes(0x94, 4, 0, 0), 0x4000, tcp);
        byte[] frame = Frames.ethernet(0x0800, ip, 0x8100, 5);
        int headers = 18 + 24 + 32;
        for (int captured = 0; captured < headers; captured++) {
            DecodeStatus status = decoder.decode(ByteBuffer.wrap(frame), 0, captured,
                    frame.length, LinkType.ETHERNET);
            assertThat(status).as("captured %d", captured).isEqualTo(DecodeStatus.TRUNCATED);
            assertThat(decoder.isTcp()).isFalse();
            DecodeProblem expected = captured < 14 ? DecodeProblem.ETHERNET_TRUNCATED
                    : captured < 18 ? DecodeProblem.VLAN_TRUNCATED
                    : captured < 42 ? DecodeProblem.IPV4_TRUNCATED : DecodeProblem.TCP_TRUNCATED;
            assertThat(decoder.problem()).as("captured %d", captured).isEqualTo(expected);
        }
        assertThat(decoder.decode(ByteBuffer.wrap(frame), 0, headers, frame.length,
                LinkType.ETHERNET)).isEqualTo(DecodeStatus.OK);
        assertThat(decoder.tcp().payloadLength()).as("from the IP length, not the snaplen")
                .isEqualTo(10);
        assertThat(decoder.tcp().capturedPayloadLength()).isZero();
        assertThat(decoder.ethernet().vlanId(0)).isEqualTo(5);
        assertThat(decoder.ipv4().optionsLength()).isEqualTo(4);
    }

    @Test
    void whatIsNotTcpIsUnsupported() {
        assertThat(decode(Frames.ethernet(0x0806, new byte[28]), LinkType.ETHERNET))
                .isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decoder.describeProblem()).isEqualTo(
                "ethertype 0x0806 is not IPv4 or IPv6 at frame byte 12");
        assertThat(decode(Frames.ethernet(0x0800, Frames.ipv4(1, 2, 17, new byte[8])),
                LinkType.ETHERNET)).isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.TRANSPORT_UNSUPPORTED);
        assertThat(decode(new byte[20], 147)).isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decoder.describeProblem()).isEqualTo("link type 147 is not decoded at frame byte 0");
        assertThat(decode(Frames.bytes(0x50, 0, 0, 0), LinkType.RAW))
                .isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decode(Frames.loopback(7, false, new byte[20]), LinkType.NULL))
                .isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.LOOPBACK_FAMILY_UNSUPPORTED);
        int[] tags = new int[2 * (EthernetView.MAX_VLAN_TAGS + 1)];
        for (int i = 0; i < tags.length; i += 2) {
            tags[i] = 0x8100;
        }
        assertThat(decode(Frames.ethernet(0x0800, new byte[40], tags), LinkType.ETHERNET))
                .isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.VLAN_TOO_DEEP);
    }

    @Test
    void fragmentsAreReportedNotReassembled() {
        byte[] tcp = Frames.tcp(1, 2, 3, 4, ACK, 5, new byte[0], new byte[16]);
        assertThat(decode(Frames.ethernet(0x0800, Frames.ipv4(1, 2, 6, new byte[0], 0x2000,
                tcp)), LinkType.ETHERNET)).isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.IPV4_FRAGMENT);
        assertThat(decoder.ipv4().moreFragments()).isTrue();
        assertThat(decode(Frames.ethernet(0x0800, Frames.ipv4(1, 2, 6, new byte[0], 0x0003,
                new byte[8])), LinkType.ETHERNET)).isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decoder.describeProblem()).isEqualTo("IPv4 fragment (offset 24 bytes): "
                + "fragments are not reassembled at frame byte 14");
        byte[] fragmentHeader = Frames.bytes(6, 0, 0, 0x19, 0, 0, 0, 9);
        assertThat(decode(Frames.ipv6(new byte[16], new byte[16], 44,
                Frames.concat(fragmentHeader, tcp)), LinkType.RAW))
                .isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.IPV6_FRAGMENT);
    }

    @Test
    void damagedHeadersAreMalformed() {
        byte[] tcp = Frames.tcp(1, 2, 3, 4, ACK, 5, new byte[0], new byte[0]);
        byte[] ip = Frames.ipv4(1, 2, 6, tcp);
        byte[] badIhl = ip.clone();
        badIhl[0] = 0x44;
        assertThat(decode(badIhl, LinkType.RAW)).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.IPV4_HEADER_LENGTH);
        byte[] tooLong = ip.clone();
        tooLong[3] = 100;
        assertThat(decode(tooLong, LinkType.RAW)).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.IPV4_TOTAL_LENGTH);
        byte[] badOffset = ip.clone();
        badOffset[20 + 12] = 0x40;
        assertThat(decode(badOffset, LinkType.RAW)).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.TCP_HEADER_LENGTH);
        byte[] headerPastPacket = ip.clone();
        headerPastPacket[20 + 12] = (byte) 0x60;
        assertThat(decode(headerPastPacket, LinkType.RAW)).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.TCP_LONGER_THAN_PACKET);
        assertThat(decode(Frames.ethernet(0x0800, Frames.ipv6(new byte[16], new byte[16], 6,
                tcp)), LinkType.ETHERNET)).isEqualTo(DecodeStatus.MALFORMED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.IP_VERSION_MISMATCH);
        assertThat(decode(Frames.ipv6(new byte[16], new byte[16], 0, new byte[0]), LinkType.RAW))
                .isEqualTo(DecodeStatus.UNSUPPORTED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.IPV6_JUMBOGRAM);
    }

    @Test
    void offloadedIpv4TotalLengthZeroMeansTheRestOfTheFrame() {
        byte[] ip = Frames.ipv4(1, 2, 6, Frames.tcp(1, 2, 3, 4, ACK, 5, new byte[0],
                new byte[100]));
        ip[2] = 0;
        ip[3] = 0;
        assertThat(decode(ip, LinkType.RAW)).isEqualTo(DecodeStatus.OK);
        assertThat(decoder.tcp().payloadLength()).isEqualTo(100);
    }

    @Test
    void ipv6ExtensionHeadersAreWalked() {
        byte[] tcp = Frames.tcp(50001, 9000, 1, 2, ACK, 3, new byte[0], new byte[5]);
        byte[] packet = Frames.ipv6(Frames.ip6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1),
                Frames.ip6(0xfe80, 0, 0, 0, 0, 0, 0, 2), 0, Frames.concat(
                        Frames.bytes(60, 0, 1, 4, 0, 0, 0, 0),
                        Frames.bytes(43, 1, 1, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        Frames.bytes(44, 0, 0, 0, 0, 0, 0, 0),
                        Frames.bytes(51, 0, 0, 0, 0, 0, 0, 7),
                        Frames.bytes(6, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8,
                                9, 10, 11, 12),
                        tcp));
        assertThat(decode(Frames.sll2(0x86DD, packet), LinkType.LINUX_SLL2))
                .isEqualTo(DecodeStatus.OK);
        Ipv6View ip = decoder.ipv6();
        assertThat(ip.extensionCount()).isEqualTo(5);
        assertThat(new int[] {ip.extensionType(0), ip.extensionType(1), ip.extensionType(2),
            ip.extensionType(3), ip.extensionType(4)}).containsExactly(0, 60, 43, 44, 51);
        assertThat(ip.headerLength()).isEqualTo(40 + 8 + 16 + 8 + 8 + 24);
        assertThat(decoder.tcp().sourcePort()).isEqualTo(50001);
        assertThat(decoder.tcp().payloadLength()).isEqualTo(5);
        assertThat(decoder.linuxCooked().version()).isEqualTo(2);
        assertThat(decoder.linuxCooked().interfaceIndex()).isEqualTo(3);
        assertThat(decoder.linuxCooked().packetType()).isEqualTo(4);
        byte[] cut = java.util.Arrays.copyOf(packet, 40 + 8 + 4);
        assertThat(decoder.decode(ByteBuffer.wrap(cut), 0, cut.length, packet.length,
                LinkType.RAW)).isEqualTo(DecodeStatus.TRUNCATED);
        assertThat(decoder.problem()).isEqualTo(DecodeProblem.IPV6_EXTENSION_TRUNCATED);
    }

    @Test
    void linkLayersFindTheNetworkHeader() {
        byte[] ip = Frames.ipv4(1, 2, 6, Frames.tcp(1, 2, 3, 4, SYN, 5, new byte[0], new byte[0]));
        assertThat(decode(Frames.sll(0x0800, ip), LinkType.LINUX_SLL)).isEqualTo(DecodeStatus.OK);
        assertThat(decoder.linuxCooked().arphrdType()).isEqualTo(1);
        assertThat(decode(Frames.loopback(2, false, ip), LinkType.NULL)).isEqualTo(DecodeStatus.OK);
        assertThat(decode(Frames.loopback(2, true, ip), LinkType.NULL)).isEqualTo(DecodeStatus.OK);
        assertThat(decode(Frames.loopback(2, true, ip), LinkType.LOOP)).isEqualTo(DecodeStatus.OK);
        assertThat(decoder.loopback().family()).isEqualTo(2);
        assertThat(decode(ip, LinkType.RAW_BSD)).isEqualTo(DecodeStatus.OK);
        assertThat(decode(Frames.ethernet(0x0800, ip, 0x88A8, 7, 0x8100, 9), LinkType.ETHERNET))
                .isEqualTo(DecodeStatus.OK);
        assertThat(decoder.ethernet().vlanCount()).isEqualTo(2);
        assertThat(decoder.ethernet().vlanTpid(0)).isEqualTo(0x88A8);
        assertThat(decoder.ethernet().vlanId(1)).isEqualTo(9);
        assertThat(decoder.ethernet().headerLength()).isEqualTo(22);
    }

    @Test
    void theOptionCursorStopsAtDamageAndAtEol() {
        byte[] options = Frames.options(5, 10, 0, 0, 0, 1, 0, 0, 0, 9, 34, 2, 99, 3, 7, 0, 2, 4);
        byte[] frame = Frames.ipv4(1, 2, 6, Frames.tcp(1, 2, 3, 4, ACK, 5, options, new byte[0]));
        assertThat(decode(frame, LinkType.RAW)).isEqualTo(DecodeStatus.OK);
        TcpOptionCursor cursor = decoder.tcp().options();
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.sackBlockCount()).isEqualTo(1);
        assertThat(cursor.sackLeftEdge(0)).isEqualTo(1);
        assertThat(cursor.sackRightEdge(0)).isEqualTo(9);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.kind()).isEqualTo(TcpOptionKind.FAST_OPEN);
        assertThat(cursor.dataLength()).isZero();
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.kind()).isEqualTo(99);
        assertThat(cursor.dataByte(0)).isEqualTo(7);
        assertThat(cursor.mss()).isEqualTo(-1);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.kind()).isEqualTo(TcpOptionKind.EOL);
        assertThat(cursor.next()).as("nothing after EOL").isFalse();
        assertThat(cursor.malformed()).isFalse();

        byte[] bad = Frames.ipv4(1, 2, 6, Frames.tcp(1, 2, 3, 4, ACK, 5,
                Frames.options(1, 2, 1, 0), new byte[0]));
        decode(bad, LinkType.RAW);
        cursor = decoder.tcp().options();
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.next()).isFalse();
        assertThat(cursor.malformed()).isTrue();
        assertThat(cursor.kind()).isEqualTo(TcpOptionKind.MSS);
    }
}

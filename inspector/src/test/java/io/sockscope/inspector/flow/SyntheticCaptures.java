package io.sockscope.inspector.flow;

import static io.sockscope.inspector.pcap.Frames.ACK;
import static io.sockscope.inspector.pcap.Frames.FIN;
import static io.sockscope.inspector.pcap.Frames.PSH;
import static io.sockscope.inspector.pcap.Frames.RST;
import static io.sockscope.inspector.pcap.Frames.SYN;

import io.sockscope.inspector.pcap.CaptureFileBuilder;
import io.sockscope.inspector.pcap.Frames;
import io.sockscope.inspector.pcap.LinkType;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-made TCP conversations for the analysis rules the recorded corpus does not exercise
 * (the "(S)" rules of TCP-ANALYSIS.md). Each frame is written from its header fields and
 * annotated with the line tcpdump prints for it (relative numbers as sockscope shows them).
 * {@link #main} writes them to {@code src/test/resources/synthetic/}; {@code label.py} there
 * records tshark 4.0.17's reading as the TSV the tests compare with.
 */
final class SyntheticCaptures {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final byte[] NO_OPTIONS = new byte[0];

    private SyntheticCaptures() {
    }

    /** Every synthetic analysis capture by file name. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("zero_window_probe.pcap", zeroWindowProbe());
        all.put("acked_unseen.pcap", ackedUnseen());
        all.put("spurious_fast_20ms.pcap", spuriousFastAnd20ms());
        all.put("window_scale_cases.pcap", windowScaleCases());
        all.put("port_reuse.pcap", portReuse());
        all.put("tcp_malformed.pcap", malformedTcpHeaders());
        return all;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "inspector/src/test/resources/synthetic");
        all().forEach((name, bytes) -> writeRaw(dir.resolve(name), bytes));
        LinkCaptures.all().forEach((name, bytes) -> writeRaw(dir.resolve(name), bytes));
        writeRaw(dir.resolve("options.pcap"), OptionCaptures.options());
    }

    private static void writeRaw(Path file, byte[] bytes) {
        try {
            java.nio.file.Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A conversation between 10.0.0.1:port and 10.0.0.2:80 over Ethernet/IPv4. */
    static final class Conversation {
        private final CaptureFileBuilder file;
        private final int clientPort;

        Conversation(CaptureFileBuilder file, int clientPort) {
            this.file = file;
            this.clientPort = clientPort;
        }

        Conversation c(long atMicros, int flags, long seq, long ack, int window, int length) {
            return c(atMicros, flags, seq, ack, window, NO_OPTIONS, length);
        }

        Conversation c(long atMicros, int flags, long seq, long ack, int window, byte[] options,
                int length) {
            return segment(atMicros, true, flags, seq, ack, window, options, length);
        }

        Conversation s(long atMicros, int flags, long seq, long ack, int window, int length) {
            return s(atMicros, flags, seq, ack, window, NO_OPTIONS, length);
        }

        Conversation s(long atMicros, int flags, long seq, long ack, int window, byte[] options,
                int length) {
            return segment(atMicros, false, flags, seq, ack, window, options, length);
        }

        private Conversation segment(long atMicros, boolean fromClient, int flags, long seq,
                long ack, int window, byte[] options, int length) {
            int client = Frames.ip(10, 0, 0, 1);
            int server = Frames.ip(10, 0, 0, 2);
            byte[] tcp = Frames.tcp(fromClient ? clientPort : 80, fromClient ? 80 : clientPort,
                    seq, ack, flags, window, options, new byte[length]);
            byte[] ip = Frames.ipv4(fromClient ? client : server, fromClient ? server : client, 6,
                    tcp);
            file.record(T0 + atMicros * 1000, Frames.ethernet(0x0800, ip));
            return this;
        }
    }

    private static CaptureFileBuilder ethernetFile() {
        return CaptureFileBuilder.pcap(ByteOrder.LITTLE_ENDIAN, false, LinkType.ETHERNET);
    }

    /** Window scale 7 both ways, client ISN 1000, server ISN 5000, iRTT 200 us. */
    private static void handshake(Conversation c, long startMicros) {
        // 10.0.0.1.P > 10.0.0.2.80: Flags [S], seq 0, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
        c.c(startMicros, SYN, 1000, 0, 64240, Frames.synOptions(1460, 1, 0, 7), 0);
        // 10.0.0.2.80 > 10.0.0.1.P: Flags [S.], seq 0, ack 1, win 65160, options [mss 1460,sackOK,TS val 2 ecr 1,nop,wscale 7], length 0
        c.s(startMicros + 100, SYN | ACK, 5000, 1001, 65160, Frames.synOptions(1460, 2, 1, 7), 0);
        // 10.0.0.1.P > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0
        c.c(startMicros + 200, ACK, 1001, 5001, 502, 0);
    }

    /** TCP-ANALYSIS §5 A and C: a 1-byte zero-window probe at nextseq, its ACK, keep-alive. */
    static byte[] zeroWindowProbe() {
        CaptureFileBuilder file = ethernetFile();
        Conversation c = new Conversation(file, 40000);
        handshake(c, 0);
        // 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
        c.c(300, PSH | ACK, 1001, 5001, 502, 100);
        // 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 0, length 0           zero_window
        c.s(400, ACK, 5001, 1101, 0, 0);
        // 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 101:102, ack 1, win 502, length 1   zero_window_probe
        c.c(500, ACK, 1101, 5001, 502, 1);
        // 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 0, length 0           zero_window_probe_ack
        c.s(600, ACK, 5001, 1101, 0, 0);
        // 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 101:102, ack 1, win 502, length 1   zero_window_probe
        c.c(700, ACK, 1101, 5001, 502, 1);
        // 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 0, length 0           zero_window_probe_ack
        c.s(800, ACK, 5001, 1101, 0, 0);
        // 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 101, win 300, length 0         window_update
        c.s(900, ACK, 5001, 1101, 300, 0);
        // 10.0.0.1.40000 > 10.0.0.2.80: Flags [P.], seq 101:301, ack 1, win 502, length 200
        c.c(1000, PSH | ACK, 1101, 5001, 502, 200);
        // 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 301, win 300, length 0
        c.s(1100, ACK, 5001, 1301, 300, 0);
        // 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0           keep_alive (seq 300)
        c.c(2000, ACK, 1300, 5001, 502, 0);
        // 10.0.0.2.80 > 10.0.0.1.40000: Flags [.], ack 301, win 300, length 0         keep_alive_ack
        c.s(2100, ACK, 5001, 1301, 300, 0);
        // a 1-byte keep-alive with data: keep_alive, and not a retransmission
        // 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], seq 300:301, ack 1, win 502, length 1
        c.c(3000, ACK, 1300, 5001, 502, 1);
        // 10.0.0.1.40000 > 10.0.0.2.80: Flags [F.], seq 301, ack 1, win 502, length 0
        c.c(4000, FIN | ACK, 1301, 5001, 502, 0);
        // 10.0.0.2.80 > 10.0.0.1.40000: Flags [F.], seq 1, ack 302, win 300, length 0
        c.s(4100, FIN | ACK, 5001, 1302, 300, 0);
        // 10.0.0.1.40000 > 10.0.0.2.80: Flags [.], ack 2, win 502, length 0
        c.c(4200, ACK, 1302, 5002, 502, 0);
        return file.bytes();
    }

    /** §5 E: ACKed unseen segment, flagged once, its sentinel then passing for two dup ACKs. */
    static byte[] ackedUnseen() {
        CaptureFileBuilder file = ethernetFile();
        Conversation c = new Conversation(file, 40001);
        handshake(c, 0);
        // 10.0.0.1.40001 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100
        c.c(1000, PSH | ACK, 1001, 5001, 502, 100);
        // (seq 101:201 not captured)
        // 10.0.0.1.40001 > 10.0.0.2.80: Flags [P.], seq 201:301, ack 1, win 502, length 100   lost_segment
        c.c(2000, PSH | ACK, 1201, 5001, 502, 100);
        // 10.0.0.2.80 > 10.0.0.1.40001: Flags [P.], seq 1:51, ack 301, win 502, length 50   ack_lost_segment
        c.s(3000, PSH | ACK, 5001, 1301, 502, 50);
        // 10.0.0.2.80 > 10.0.0.1.40001: Flags [P.], seq 51:101, ack 301, win 502, length 50
        c.s(3100, PSH | ACK, 5051, 1301, 502, 50);
        // 10.0.0.1.40001 > 10.0.0.2.80: Flags [.], ack 51, win 502, length 0
        c.c(4000, ACK, 1301, 5051, 502, 0);
        // 10.0.0.2.80 > 10.0.0.1.40001: Flags [.], ack 401, win 502, length 0         ack_lost_segment (sentinel)
        c.s(5000, ACK, 5101, 1401, 502, 0);
        // 10.0.0.2.80 > 10.0.0.1.40001: Flags [P.], seq 51:101, ack 401, win 502, length 50   fast_retransmission
        c.s(6000, PSH | ACK, 5051, 1401, 502, 50);
        // 10.0.0.2.80 > 10.0.0.1.40001: Flags [.], ack 501, win 502, length 0         (flagged once only)
        c.s(7000, ACK, 5101, 1501, 502, 0);
        // 10.0.0.1.40001 > 10.0.0.2.80: Flags [P.], seq 501:601, ack 101, win 502, length 100  lost_segment
        c.c(8000, PSH | ACK, 1501, 5101, 502, 100);
        // 10.0.0.2.80 > 10.0.0.1.40001: Flags [.], ack 701, win 502, length 0         ack_lost_segment again
        c.s(9000, ACK, 5101, 1701, 502, 0);
        return file.bytes();
    }

    /** §5 F: fast retransmission, spurious retransmission, the 20 ms rule, a repeated FIN. */
    static byte[] spuriousFastAnd20ms() {
        CaptureFileBuilder file = ethernetFile();
        Conversation c = new Conversation(file, 40002);
        handshake(c, 0);
        // 10.0.0.1.40002 > 10.0.0.2.80: Flags [.], seq 1:101 / 101:201 / 201:301, ack 1, win 502, length 100
        c.c(1000, ACK, 1001, 5001, 502, 100);
        c.c(1010, ACK, 1101, 5001, 502, 100);
        c.c(1020, ACK, 1201, 5001, 502, 100);
        // 10.0.0.2.80 > 10.0.0.1.40002: Flags [.], ack 101, win 502, length 0 (then two duplicate_ack)
        c.s(1300, ACK, 5001, 1101, 502, 0);
        c.s(1310, ACK, 5001, 1101, 502, 0);
        c.s(1320, ACK, 5001, 1101, 502, 0);
        // 10.0.0.1.40002 > 10.0.0.2.80: Flags [.], seq 101:201, ack 1, win 502, length 100   fast_retransmission
        c.c(1400, ACK, 1101, 5001, 502, 100);
        // 10.0.0.2.80 > 10.0.0.1.40002: Flags [.], ack 301, win 502, length 0
        c.s(1500, ACK, 5001, 1301, 502, 0);
        // 10.0.0.1.40002 > 10.0.0.2.80: Flags [.], seq 1:101, ack 1, win 502, length 100     spurious_retransmission
        c.c(1600, ACK, 1001, 5001, 502, 100);
        // 10.0.0.1.40002 > 10.0.0.2.80: Flags [.], seq 301:401 / 401:501, ack 1, win 502, length 100
        c.c(2000, ACK, 1301, 5001, 502, 100);
        c.c(2010, ACK, 1401, 5001, 502, 100);
        // 10.0.0.2.80 > 10.0.0.1.40002: Flags [.], ack 401, win 502, length 0 (then two duplicate_ack)
        c.s(2300, ACK, 5001, 1401, 502, 0);
        c.s(2310, ACK, 5001, 1401, 502, 0);
        c.s(2320, ACK, 5001, 1401, 502, 0);
        // 50 ms after the last dup ACK: a plain retransmission, not a fast one
        // 10.0.0.1.40002 > 10.0.0.2.80: Flags [.], seq 401:501, ack 1, win 502, length 100   retransmission
        c.c(52320, ACK, 1401, 5001, 502, 100);
        // 10.0.0.2.80 > 10.0.0.1.40002: Flags [.], ack 501, win 502, length 0
        c.s(52400, ACK, 5001, 1501, 502, 0);
        // 10.0.0.1.40002 > 10.0.0.2.80: Flags [F.], seq 501, ack 1, win 502, length 0 (again 5 us later: retransmission)
        c.c(53000, FIN | ACK, 1501, 5001, 502, 0);
        c.c(53005, FIN | ACK, 1501, 5001, 502, 0);
        // 10.0.0.2.80 > 10.0.0.1.40002: Flags [F.], seq 1, ack 502, win 502, length 0
        c.s(53100, FIN | ACK, 5001, 1502, 502, 0);
        // 10.0.0.1.40002 > 10.0.0.2.80: Flags [.], ack 2, win 502, length 0
        c.c(53200, ACK, 1502, 5002, 502, 0);
        return file.bytes();
    }

    /** §3 steps 7–8, §4, §8: scale unknown (-1), not in use (-2), final scale under -2, window full. */
    static byte[] windowScaleCases() {
        CaptureFileBuilder file = ethernetFile();
        // stream 0: SYN with wscale 7, no SYN+ACK captured, then data
        Conversation a = new Conversation(file, 41000);
        // 10.0.0.1.41000 > 10.0.0.2.80: Flags [S], seq 0, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
        a.c(0, SYN, 7000, 0, 64240, Frames.synOptions(1460, 1, 0, 7), 0);
        // 10.0.0.1.41000 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0
        a.c(300, ACK, 7001, 9001, 502, 0);
        // 10.0.0.2.80 > 10.0.0.1.41000: Flags [.], seq 1:11, ack 1, win 509, length 10
        a.s(400, ACK, 9001, 7001, 509, 10);
        // stream 1: SYN without wscale: -2 for both directions
        Conversation b = new Conversation(file, 41001);
        // 10.0.0.1.41001 > 10.0.0.2.80: Flags [S], seq 0, win 64240, options [mss 1460], length 0
        b.c(1000, SYN, 100, 0, 64240, Frames.options(2, 4, 0x05, 0xb4), 0);
        // 10.0.0.2.80 > 10.0.0.1.41001: Flags [S.], seq 0, ack 1, win 65160, options [mss 1460,nop,wscale 7], length 0
        b.s(1100, SYN | ACK, 200, 101, 65160, Frames.options(2, 4, 0x05, 0xb4, 1, 3, 3, 7), 0);
        // 10.0.0.1.41001 > 10.0.0.2.80: Flags [.], ack 1, win 64240, length 0
        b.c(1200, ACK, 101, 201, 64240, 0);
        // 10.0.0.2.80 > 10.0.0.1.41001: Flags [P.], seq 1:101, ack 1, win 65160, length 100
        b.s(1300, PSH | ACK, 201, 101, 65160, 100);
        // stream 2: SYN with wscale 7, SYN+ACK without: -2
        Conversation d = new Conversation(file, 41002);
        d.c(2000, SYN, 300, 0, 64240, Frames.synOptions(1460, 1, 0, 7), 0);
        // 10.0.0.2.80 > 10.0.0.1.41002: Flags [S.], seq 0, ack 1, win 8192, options [mss 1460], length 0
        d.s(2100, SYN | ACK, 400, 301, 8192, Frames.options(2, 4, 0x05, 0xb4), 0);
        d.c(2200, ACK, 301, 401, 64240, 0);
        // window_full during the handshake: the server's SYN+ACK window used unscaled
        // 10.0.0.1.41002 > 10.0.0.2.80: Flags [P.], seq 1:8193, ack 1, win 64240, length 8192   window_full
        d.c(2300, PSH | ACK, 301, 401, 64240, 8192);
        // stream 3: a server frame before its SYN+ACK in the file: final factor 128 under -2
        Conversation e = new Conversation(file, 41003);
        e.c(3000, SYN, 500, 0, 64240, Frames.synOptions(1460, 1, 0, 7), 0);
        // 10.0.0.2.80 > 10.0.0.1.41003: Flags [.], ack 1, win 509, length 0 (seen before its SYN+ACK)
        e.s(3050, ACK, 601, 501, 509, 0);
        e.s(3100, SYN | ACK, 600, 501, 65160, Frames.synOptions(1460, 2, 1, 7), 0);
        e.c(3200, ACK, 501, 601, 502, 0);
        // window_full with the peer's scale: edge = ack 1 + 2 << 7 = 257
        // 10.0.0.2.80 > 10.0.0.1.41003: Flags [.], ack 1, win 2, length 0
        e.s(3300, ACK, 601, 501, 2, 0);
        // 10.0.0.1.41003 > 10.0.0.2.80: Flags [P.], seq 1:257, ack 1, win 502, length 256     window_full
        e.c(3400, PSH | ACK, 501, 601, 502, 256);
        // stream 4: wscale 15 is used as 14
        Conversation f = new Conversation(file, 41004);
        f.c(4000, SYN, 800, 0, 64240, Frames.synOptions(1460, 1, 0, 15), 0);
        f.s(4100, SYN | ACK, 900, 801, 65160, Frames.synOptions(1460, 2, 1, 15), 0);
        f.c(4200, ACK, 801, 901, 3, 0);
        return file.bytes();
    }

    /**
     * TCP headers with impossible lengths still number their stream in tshark: a header longer
     * than the packet (data offset 15, 20 bytes present) and one shorter than 20 bytes (data
     * offset 4). sockscope reports both as malformed but numbers their streams the same.
     */
    static byte[] malformedTcpHeaders() {
        CaptureFileBuilder file = ethernetFile();
        int client = Frames.ip(10, 0, 0, 1);
        int server = Frames.ip(10, 0, 0, 2);
        byte[] tooLong = Frames.tcp(44000, 80, 5, 0, SYN, 100, NO_OPTIONS, new byte[0]);
        tooLong[12] = (byte) 0xF0;
        file.record(T0, Frames.ethernet(0x0800, Frames.ipv4(client, server, 6, tooLong)));
        byte[] tooShort = Frames.tcp(44001, 80, 5, 0, SYN, 100, NO_OPTIONS, new byte[0]);
        tooShort[12] = (byte) 0x40;
        file.record(T0 + 1000, Frames.ethernet(0x0800, Frames.ipv4(client, server, 6, tooShort)));
        Conversation c = new Conversation(file, 44002);
        // 10.0.0.1.44002 > 10.0.0.2.80: Flags [S], seq 0, win 64240, options [...], length 0   (stream 2)
        c.c(2, SYN, 1000, 0, 64240, Frames.synOptions(1460, 1, 0, 7), 0);
        c.s(3, SYN | ACK, 5000, 1001, 65160, Frames.synOptions(1460, 2, 1, 7), 0);
        Conversation a = new Conversation(file, 44000);
        // 10.0.0.1.44000 > 10.0.0.2.80: Flags [S], seq 0, ... (stream 0, numbered by frame 1)
        a.c(4, SYN, 7000, 0, 64240, Frames.synOptions(1460, 1, 0, 7), 0);
        return file.bytes();
    }

    /** §3 steps 2–3, §7, §8: new SYN on a known 4-tuple, same-ISN SYN, two SYN+ACKs, mid-stream. */
    static byte[] portReuse() {
        CaptureFileBuilder file = ethernetFile();
        Conversation c = new Conversation(file, 42000);
        handshake(c, 0);
        // 10.0.0.1.42000 > 10.0.0.2.80: Flags [F.], seq 1, ack 1 ... closed both ways
        c.c(1000, FIN | ACK, 1001, 5001, 502, 0);
        c.s(1100, FIN | ACK, 5001, 1002, 509, 0);
        c.c(1200, ACK, 1002, 5002, 502, 0);
        // a new SYN, other ISN: stream 1, reused_ports
        // 10.0.0.1.42000 > 10.0.0.2.80: Flags [S], seq 0, win 64240, options [...], length 0
        c.c(2000, SYN, 90000, 0, 64240, Frames.synOptions(1460, 5, 0, 7), 0);
        c.s(2100, SYN | ACK, 70000, 90001, 65160, Frames.synOptions(1460, 6, 5, 7), 0);
        c.c(2200, ACK, 90001, 70001, 502, 0);
        // 10.0.0.1.42000 > 10.0.0.2.80: Flags [R.], seq 1, ack 1, win 502, length 0
        c.c(2300, RST | ACK, 90001, 70001, 502, 0);
        // the same ISN again after the RST: same stream, a retransmission
        c.c(3000, SYN, 90000, 0, 64240, Frames.synOptions(1460, 7, 0, 7), 0);
        // stream 2: two SYN+ACKs with different ISNs (the second pass re-bases at each)
        Conversation d = new Conversation(file, 42001);
        d.c(4000, SYN, 100, 0, 64240, Frames.synOptions(1460, 1, 0, 7), 0);
        d.s(4100, SYN | ACK, 200, 101, 65160, Frames.synOptions(1460, 2, 1, 7), 0);
        d.s(4150, ACK, 201, 101, 509, 0);
        d.s(4200, SYN | ACK, 300, 101, 65160, Frames.synOptions(1460, 3, 1, 7), 0);
        d.c(4300, ACK, 101, 301, 502, 0);
        d.s(4400, PSH | ACK, 301, 101, 509, 10);
        // stream 3: capture starts mid-connection; then a SYN on the same 4-tuple: stream 4
        Conversation e = new Conversation(file, 42002);
        // 10.0.0.1.42002 > 10.0.0.2.80: Flags [P.], seq 1:11, ack 1, win 502, length 10
        e.c(5000, PSH | ACK, 50000, 60000, 502, 10);
        e.s(5100, ACK, 60000, 50010, 509, 0);
        e.c(6000, SYN, 50009, 0, 64240, Frames.synOptions(1460, 9, 0, 7), 0);
        e.s(6100, SYN | ACK, 61000, 50010, 65160, Frames.synOptions(1460, 9, 9, 7), 0);
        return file.bytes();
    }
}

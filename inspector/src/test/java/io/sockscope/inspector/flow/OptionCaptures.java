package io.sockscope.inspector.flow;

import static io.sockscope.inspector.pcap.Frames.ACK;
import static io.sockscope.inspector.pcap.Frames.PSH;
import static io.sockscope.inspector.pcap.Frames.SYN;
import static io.sockscope.inspector.pcap.Frames.URG;

import io.sockscope.inspector.pcap.CaptureFileBuilder;
import io.sockscope.inspector.pcap.Frames;
import io.sockscope.inspector.pcap.LinkType;
import java.nio.ByteOrder;

/**
 * One connection whose segments carry every option spelling tcpdump has (and some it reports as
 * damaged), for checking {@link TcpdumpLine} against tcpdump's own output
 * ({@code synthetic/options.tcpdump.txt}, written by {@code tcpdump -nn -r options.pcap}).
 */
final class OptionCaptures {

    private OptionCaptures() {
    }

    static byte[] options() {
        CaptureFileBuilder file = CaptureFileBuilder.pcap(ByteOrder.LITTLE_ENDIAN, false,
                LinkType.ETHERNET);
        SyntheticCaptures.Conversation c = new SyntheticCaptures.Conversation(file, 43000);
        // Flags [S], seq 0, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7,nop,nop,tfo  cookiereq], length 0
        c.c(0, SYN, 1000, 0, 64240, Frames.concat(Frames.synOptions(1460, 1, 0, 7),
                Frames.options(1, 1, 34, 2)), 0);
        // Flags [S.], seq 0, ack 1, win 65160, options [mss 1460,nop,nop,tfo  cookie 0102030405060708], length 0
        c.s(100, SYN | ACK, 5000, 1001, 65160, Frames.options(2, 4, 0x05, 0xb4, 1, 1, 34, 10,
                1, 2, 3, 4, 5, 6, 7, 8), 0);
        // Flags [.], ack 1, win 502, options [nop,nop,sack 2 {101:201}{405:505}], length 0
        c.c(200, ACK, 1001, 5001, 502, Frames.options(1, 1, 5, 18, 0, 0, 0x13, 0xed, 0, 0,
                0x14, 0x51, 0, 0, 0x15, 0x1d, 0, 0, 0x15, 0x81), 0);
        // Flags [P.], seq 1:11, ack 1, win 502, options [unknown-99 0xabcd,nop,eol], length 10 (tcpdump adds ": HTTP")
        c.c(300, PSH | ACK, 1001, 5001, 502, Frames.options(99, 4, 0xab, 0xcd, 1, 0), 10);
        // Flags [.], ack 11, win 509, options [echo 7,echoreply 8], length 0
        c.s(400, ACK, 5001, 1011, 509, Frames.options(6, 6, 0, 0, 0, 7, 7, 6, 0, 0, 0, 8), 0);
        // Flags [.], ack 11, win 509, options [uto 0x259 18000,nop,nop,md5 shared secret not supplied with -M, can't check - 0102...10], length 0
        c.s(500, ACK, 5001, 1011, 509, Frames.options(28, 4, 0x02, 0x59, 1, 1, 19, 18,
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), 0);
        // Flags [.], ack 11, win 509, options [mss 1460[len 5],eol], length 0: a wrong length
        c.s(600, ACK, 5001, 1011, 509, Frames.options(2, 5, 0x05, 0xb4, 0, 3, 2, 9, 4, 3, 0), 0);
        // Flags [.], ack 11, win 509, options [nop,[bad opt]]: a length running past the header
        c.s(700, ACK, 5001, 1011, 509, Frames.options(1, 8, 30, 1, 2), 0);
        // Flags [.], ack 11, win 509, options [[bad opt]: a length below 2
        c.s(800, ACK, 5001, 1011, 509, Frames.options(9, 1, 0, 0), 0);
        // Flags [.U], seq 11:21, ack 1, win 502, urg 0, options [nop,nop,TS val 5 ecr 6,sack 1 {1:11},tfo  (invalid),eol], length 10
        c.c(900, URG | ACK, 1011, 5001, 502, Frames.options(1, 1, 8, 10, 0, 0, 0, 5, 0, 0, 0, 6,
                5, 10, 0, 0, 0x13, 0x89, 0, 0, 0x13, 0x93, 34, 5, 1, 2, 3), 10);
        // Flags [.], ack 21, win 509, options [sack invalid sack,tfo  (invalid),exp[bad opt]]
        c.s(1000, ACK, 5001, 1021, 509, Frames.options(5, 5, 1, 2, 3, 34, 3, 9, 254, 2), 0);
        return file.bytes();
    }
}

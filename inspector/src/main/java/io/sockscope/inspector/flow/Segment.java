package io.sockscope.inspector.flow;

import io.sockscope.inspector.decode.TcpFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One TCP frame as every face renders it: what tshark shows for it (stream, relative numbers,
 * calculated window, analysis flags) plus the raw header values. Immutable; built by
 * {@link TcpAnalyzer#segment()} from the analyser's state, the one allocation per frame.
 *
 * @param frame                 1-based frame number in the capture
 * @param atNanos               capture time, nanoseconds since the epoch
 * @param source                sender
 * @param destination           receiver
 * @param stream                {@code tcp.stream}
 * @param flags                 TCP control bits, see {@link TcpFlags}
 * @param seq                   {@code tcp.seq}: relative to the sender's base
 * @param ack                   {@code tcp.ack}: relative to the receiver's base when ACK is set,
 *                              else the raw field
 * @param nextSeq               {@code tcp.nxtseq}: seq + len, +1 for SYN or FIN
 * @param length                {@code tcp.len}: payload bytes
 * @param window                {@code tcp.window_size_value}: the raw window field
 * @param urgentPointer         the urgent pointer field (meaningful with URG)
 * @param calculatedWindow      {@code tcp.window_size}: the window scaled by the sender's factor
 * @param windowScaleFactor     {@code tcp.window_size_scalefactor}: 1 &lt;&lt; shift, -1 unknown,
 *                              -2 scaling not in use, {@link #NO_SCALE_FACTOR} on SYNs (tshark
 *                              shows none)
 * @param options               the TCP options, compact
 * @param analysis              analysis flags as a bitset of {@link AnalysisFlag#bit()}
 * @param duplicateAckNumber    {@code duplicate_ack_num}, 0 unless a duplicate ACK
 * @param duplicateAckFrame     {@code duplicate_ack_frame}, 0 unless a duplicate ACK
 * @param rawSeq                the sequence number field
 * @param rawAck                the acknowledgment number field
 */
public record Segment(
        long frame,
        long atNanos,
        Endpoint source,
        Endpoint destination,
        int stream,
        int flags,
        long seq,
        long ack,
        long nextSeq,
        int length,
        int window,
        int urgentPointer,
        long calculatedWindow,
        int windowScaleFactor,
        TcpOptions options,
        int analysis,
        long duplicateAckNumber,
        long duplicateAckFrame,
        long rawSeq,
        long rawAck) {

    /** {@link #windowScaleFactor()} of a SYN: tshark shows no scale factor there. */
    public static final int NO_SCALE_FACTOR = 0;

    private static final int[] FLAG_BITS = {TcpFlags.FIN, TcpFlags.SYN, TcpFlags.RST,
        TcpFlags.PSH, TcpFlags.ACK, TcpFlags.URG, TcpFlags.ECE, TcpFlags.CWR, TcpFlags.AE};
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE",
        "CWR", "AE"};

    /** Capture time in microseconds since the epoch (SPEC §5 {@code ts_us}). */
    public long atMicros() {
        return Math.floorDiv(atNanos, 1000L);
    }

    /** 4 or 6. */
    public int ipVersion() {
        return source.ipVersion();
    }

    public boolean has(int tcpFlag) {
        return (flags & tcpFlag) != 0;
    }

    public boolean has(AnalysisFlag flag) {
        return flag.in(analysis);
    }

    public Set<AnalysisFlag> analysisFlags() {
        return AnalysisFlag.of(analysis);
    }

    /** tshark names of the set analysis flags, in tshark's order (SPEC §5 {@code analysis}). */
    public List<String> analysisNames() {
        List<String> names = new ArrayList<>();
        for (AnalysisFlag flag : AnalysisFlag.values()) {
            if (flag.in(analysis)) {
                names.add(flag.tsharkName());
            }
        }
        return List.copyOf(names);
    }

    /** Names of the set control bits in SPEC §5 order: FIN SYN RST PSH ACK URG ECE CWR (AE). */
    public List<String> flagNames() {
        List<String> names = new ArrayList<>(4);
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                names.add(FLAG_NAMES[i]);
            }
        }
        return List.copyOf(names);
    }

    /** tcpdump's one-line text with relative numbers, see {@link TcpdumpLine}. */
    public String tcpdumpLine() {
        return TcpdumpLine.format(this);
    }
}

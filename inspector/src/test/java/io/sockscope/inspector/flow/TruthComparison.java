package io.sockscope.inspector.flow;

import io.sockscope.inspector.decode.DecodeStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the two-pass analysis over a capture and compares every frame with a tshark truth TSV:
 * the fields TCP-ANALYSIS.md covers plus endpoints, raw numbers and decoded options.
 */
final class TruthComparison {

    /**
     * The only places where sockscope deliberately differs from tshark, with the reason. Both
     * concern how a damaged or padded option list is listed, never the analysis.
     */
    static final Map<String, String> DOCUMENTED_DIFFERENCES = Map.of(
            "tcp_malformed.pcap frame 1 segment",
            "a TCP header longer than its packet: tshark numbers its stream and shows the raw "
                    + "header fields; sockscope reports the frame as malformed (and numbers its "
                    + "stream the same, so later frames agree)",
            "tcp_malformed.pcap frame 2 segment",
            "a TCP header length below 20: tshark numbers its stream and still derives a length "
                    + "from the bogus header length; sockscope reports the frame as malformed "
                    + "(and numbers its stream the same)",
            "options.pcap frame 4 tcp.option_kind",
            "options after EOL: tshark lists each padding byte after an EOL as another EOL; "
                    + "sockscope ends the list at the first EOL (RFC 9293 §3.2), as tcpdump does",
            "options.pcap frame 11 tcp.option_kind",
            "a SACK option whose length is not 2 + 8n: tshark stops listing options there; "
                    + "sockscope shows it as an unknown-length option and goes on, as tcpdump "
                    + "does ('sack invalid sack,tfo  (invalid),exp')");

    private final List<String> mismatches = new ArrayList<>();
    private final List<String> documented = new ArrayList<>();
    private final String name;
    private int comparedValues;

    private TruthComparison(String name) {
        this.name = name;
    }

    /** All mismatches (empty when the capture matches), each naming the capture and frame. */
    static TruthComparison run(String name, Path capture, TruthTable truth) {
        TruthComparison comparison = new TruthComparison(name);
        Map<Long, Segment> segments = new HashMap<>();
        CaptureAnalysis.Outcome outcome = CaptureAnalysis.twoPasses(capture,
                new CaptureAnalysis.FrameListener() {
                    @Override
                    public void segment(Segment segment) {
                        segments.put(segment.frame(), segment);
                    }

                    @Override
                    public void otherFrame(long frame, long atNanos, DecodeStatus status,
                            String problem) {
                    }
                });
        if (!(outcome instanceof CaptureAnalysis.Outcome.Completed done)) {
            comparison.mismatches.add(name + ": " + outcome);
            return comparison;
        }
        if (done.problem().isPresent()) {
            comparison.mismatches.add(name + ": " + done.problem().get().message());
        }
        Map<Integer, Flow> flows = new HashMap<>();
        done.flows().forEach(f -> flows.put(f.stream(), f));
        for (Map<String, String> row : truth.rows()) {
            comparison.compareRow(row, segments, flows);
        }
        if (done.frames() != truth.rows().size()) {
            comparison.mismatches.add(name + ": " + done.frames() + " frames read, truth has "
                    + truth.rows().size());
        }
        return comparison;
    }

    List<String> mismatches() {
        return mismatches;
    }

    /** Keys of {@link #DOCUMENTED_DIFFERENCES} that occurred. */
    List<String> documentedDifferences() {
        return documented;
    }

    int comparedValues() {
        return comparedValues;
    }

    private void compareRow(Map<String, String> row, Map<Long, Segment> segments,
            Map<Integer, Flow> flows) {
        long frame = Long.parseLong(row.get("frame.number"));
        Segment s = segments.get(frame);
        if (row.get("tcp.stream").isEmpty()) {
            check(frame, "is TCP", "no", s == null ? "no" : "yes");
            return;
        }
        if (s == null) {
            String key = name + " frame " + frame + " segment";
            if (DOCUMENTED_DIFFERENCES.containsKey(key)) {
                documented.add(key);
            } else {
                mismatches.add(name + " frame " + frame + ": tshark has a TCP segment, we have "
                        + "none");
            }
            return;
        }
        check(frame, "tcp.stream", row.get("tcp.stream"), s.stream());
        check(frame, "tcp.flags", Integer.decode(row.get("tcp.flags")), s.flags());
        check(frame, "tcp.seq", row.get("tcp.seq"), s.seq());
        check(frame, "tcp.ack", row.get("tcp.ack"), s.ack());
        check(frame, "tcp.nxtseq", row.get("tcp.nxtseq"), s.nextSeq());
        check(frame, "tcp.len", row.get("tcp.len"), s.length());
        check(frame, "tcp.seq_raw", row.get("tcp.seq_raw"), s.rawSeq());
        check(frame, "tcp.ack_raw", row.get("tcp.ack_raw"), s.rawAck());
        check(frame, "tcp.window_size_value", row.get("tcp.window_size_value"), s.window());
        check(frame, "tcp.window_size", row.get("tcp.window_size"), s.calculatedWindow());
        String factor = row.get("tcp.window_size_scalefactor");
        check(frame, "tcp.window_size_scalefactor",
                factor.isEmpty() ? String.valueOf(Segment.NO_SCALE_FACTOR) : factor,
                s.windowScaleFactor());
        for (AnalysisFlag flag : AnalysisFlag.values()) {
            check(frame, "tcp.analysis." + flag.tsharkName(),
                    row.get("tcp.analysis." + flag.tsharkName()), s.has(flag) ? 1 : 0);
        }
        String dupNum = row.get("tcp.analysis.duplicate_ack_num");
        String dupFrame = row.get("tcp.analysis.duplicate_ack_frame");
        check(frame, "duplicate_ack_num", dupNum.isEmpty() ? "0" : dupNum, s.duplicateAckNumber());
        check(frame, "duplicate_ack_frame", dupFrame.isEmpty() ? "0" : dupFrame,
                s.duplicateAckFrame());
        String source = s.ipVersion() == 4 ? row.get("ip.src") : row.get("ipv6.src");
        String destination = s.ipVersion() == 4 ? row.get("ip.dst") : row.get("ipv6.dst");
        check(frame, "src", source + ":" + row.get("tcp.srcport"),
                s.source().host() + ":" + s.source().port());
        check(frame, "dst", destination + ":" + row.get("tcp.dstport"),
                s.destination().host() + ":" + s.destination().port());
        compareOptions(frame, row, s);
        String irtt = row.get("tcp.analysis.initial_rtt");
        if (irtt != null && !irtt.isEmpty()) {
            Flow flow = flows.get(s.stream());
            long expected = Math.round(Double.parseDouble(irtt) * 1e9);
            check(frame, "initial_rtt", expected,
                    flow == null ? -1 : flow.initialRttNanos().orElse(-1));
        }
    }

    private void compareOptions(long frame, Map<String, String> row, Segment s) {
        List<String> kinds = new ArrayList<>();
        List<String> mss = new ArrayList<>();
        List<String> shifts = new ArrayList<>();
        List<String> tsval = new ArrayList<>();
        List<String> tsecr = new ArrayList<>();
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        long base = s.options().sackBase();
        for (TcpOption option : s.options().list()) {
            switch (option) {
                case TcpOption.Eol e -> kinds.add("0");
                case TcpOption.Nop n -> kinds.add("1");
                case TcpOption.Mss(int bytes) -> {
                    kinds.add("2");
                    mss.add(String.valueOf(bytes));
                }
                case TcpOption.WindowScale(int shift) -> {
                    kinds.add("3");
                    shifts.add(String.valueOf(shift));
                }
                case TcpOption.SackPermitted p -> kinds.add("4");
                case TcpOption.Sack(List<TcpOption.SackBlock> blocks) -> {
                    kinds.add("5");
                    for (TcpOption.SackBlock block : blocks) {
                        left.add(String.valueOf((block.left() - base) & 0xFFFFFFFFL));
                        right.add(String.valueOf((block.right() - base) & 0xFFFFFFFFL));
                    }
                }
                case TcpOption.Timestamps(long value, long echo) -> {
                    kinds.add("8");
                    tsval.add(String.valueOf(value));
                    tsecr.add(String.valueOf(echo));
                }
                case TcpOption.FastOpen f -> kinds.add("34");
                case TcpOption.Other(int kind, byte[] data) -> kinds.add(String.valueOf(kind));
                case TcpOption.Malformed m -> {
                    // tshark does not list an option whose length runs past the header either
                }
            }
        }
        check(frame, "tcp.option_kind", row.get("tcp.option_kind"), String.join(",", kinds));
        check(frame, "tcp.options.mss_val", row.get("tcp.options.mss_val"), String.join(",", mss));
        check(frame, "tcp.options.wscale.shift", row.get("tcp.options.wscale.shift"),
                String.join(",", shifts));
        check(frame, "tcp.options.timestamp.tsval", row.get("tcp.options.timestamp.tsval"),
                String.join(",", tsval));
        check(frame, "tcp.options.timestamp.tsecr", row.get("tcp.options.timestamp.tsecr"),
                String.join(",", tsecr));
        check(frame, "tcp.options.sack_le", row.get("tcp.options.sack_le"), String.join(",", left));
        check(frame, "tcp.options.sack_re", row.get("tcp.options.sack_re"),
                String.join(",", right));
    }

    private void check(long frame, String field, Object expected, Object actual) {
        comparedValues++;
        String want = String.valueOf(expected).replace('\u001f', ',');
        if (!Objects.equals(want, String.valueOf(actual))) {
            if (DOCUMENTED_DIFFERENCES.containsKey(name + " frame " + frame + " " + field)) {
                documented.add(name + " frame " + frame + " " + field);
                return;
            }
            mismatches.add(name + " frame " + frame + ": " + field + " tshark " + want + ", ours "
                    + actual);
        }
    }
}

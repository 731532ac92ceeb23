package io.sockscope.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.explain.ExplanationCode;
import io.sockscope.inspector.flow.Closing;
import io.sockscope.inspector.flow.Endpoint;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.FlowSide;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.Side;
import io.sockscope.inspector.flow.TcpOptions;
import io.sockscope.inspector.flow.TcpState;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The streaming text of {@code capture}: rows as segments arrive, explanations under the rows
 * they rest on, blocks headed by their connection, a summary when a connection ends, and
 * nothing held once it has.
 */
class LiveReportTest {

    private static final long T0 = 1_795_600_000_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final Endpoint SERVER = new Endpoint("127.0.0.1", 9000, 4);
    private static final int SYN = TcpFlags.SYN;
    private static final int SYN_ACK = TcpFlags.SYN | TcpFlags.ACK;
    private static final int ACK = TcpFlags.ACK;
    private static final int PSH_ACK = TcpFlags.PSH | TcpFlags.ACK;

    private final StringWriter out = new StringWriter();
    private final Map<Integer, Flow> flows = new HashMap<>();
    private final LiveReport report = new LiveReport(out, Palette.NONE, 80, true,
            stream -> Optional.ofNullable(flows.get(stream)));

    private static Endpoint client(int stream) {
        return new Endpoint("127.0.0.1", 50000 + stream, 4);
    }

    private static Segment segment(int stream, long frame, long atMillis, boolean fromClient,
            int flags, long seq, long ack, int length) {
        Endpoint client = client(stream);
        return new Segment(frame, T0 + atMillis * MS, fromClient ? client : SERVER,
                fromClient ? SERVER : client, stream, flags, seq, ack, seq + length, length, 512,
                0, 65536, 128, TcpOptions.NONE, 0, 0, 0, seq, ack);
    }

    private static Explanation explanation(int stream, ExplanationCode code, long keyFrame,
            long... frames) {
        return new Explanation(code, stream, java.util.Arrays.stream(frames).boxed().toList(),
                frames.length, keyFrame, OptionalLong.empty(), code.wireName() + " text",
                false);
    }

    private static Flow flow(int stream, long lastMillis) {
        FlowSide client = new FlowSide(client(stream), TcpState.TIME_WAIT, 5, 6,
                Optional.empty(), 1, 4, 0, Map.of());
        FlowSide server = new FlowSide(SERVER, TcpState.CLOSED, 4, 7, Optional.empty(), 2, 5, 0,
                Map.of());
        return new Flow(stream, client, server, true, Optional.of(Side.CLIENT),
                Optional.of(new Closing(Side.CLIENT, false, 4)), 1, 9, T0, T0 + lastMillis * MS,
                OptionalLong.empty(), false);
    }

    private void handshake(int stream, long firstFrame, long atMillis) throws IOException {
        report.segment(segment(stream, firstFrame, atMillis, true, SYN, 0, 0, 0));
        report.segment(segment(stream, firstFrame + 1, atMillis, false, SYN_ACK, 0, 1, 0));
        report.segment(segment(stream, firstFrame + 2, atMillis, true, ACK, 1, 1, 0));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void rowsWaitForTheExplanationThatCompletesWithThemThenComeWithIt() throws IOException {
        handshake(0, 1, 0);
        assertThat(out.toString()).as("rows are held while an explanation may mark them")
                .isEmpty();
        report.explained(explanation(0, ExplanationCode.HANDSHAKE, 2, 1, 2, 3));
        report.settle();
        assertThat(lines()).containsExactly(
                "connection 0  127.0.0.1:50000 → 127.0.0.1:9000",
                "        127.0.0.1:50000                     127.0.0.1:9000",
                "     1  │ ── S   seq 0 win 65536 ──────────────────────▶ │",
                "     2  │ ◀─ S.  seq 0 ack 1 win 65536 ───────────────── │  handshake",
                "     3  │ ── .   ack 1 ────────────────────────────────▶ │",
                "  handshake (1–3): handshake text");
    }

    @Test
    void quietConnectionsDrawWhatTheyHoldAfterTheHoldTime() throws IOException {
        report.segment(segment(0, 1, 0, true, PSH_ACK, 1, 1, 5));
        report.idle(T0 + LiveReport.HOLD_NANOS - 1);
        assertThat(out.toString()).isEmpty();
        report.idle(T0 + LiveReport.HOLD_NANOS);
        assertThat(lines()).hasSize(3).last().satisfies(l -> assertThat(l)
                .startsWith("     1  │ ── P.  seq 1:6 ack 1 (5 B) "));
    }

    @Test
    void aBusyConnectionShowsItsRunAsAFoldEveryProgressInterval() throws IOException {
        long frame = 1;
        long millis = 0;
        for (int i = 0; i < 300; i++, millis += 10) {
            report.segment(segment(0, frame++, millis, true, PSH_ACK, 1 + 100L * i, 1, 100));
            if (millis % 100 == 0) {
                report.idle(T0 + millis * MS);
            }
        }
        List<String> folds = lines().stream().filter(l -> l.contains(" segments: ")).toList();
        assertThat(folds).hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(l -> assertThat(l).startsWith("        │ … "));
        assertThat(lines().size()).isLessThan(40);
    }

    @Test
    void blocksAreHeadedByTheirConnectionWhenConnectionsInterleave() throws IOException {
        handshake(0, 1, 0);
        report.explained(explanation(0, ExplanationCode.HANDSHAKE, 2, 1, 2, 3));
        report.settle();
        handshake(1, 4, 1);
        report.explained(explanation(1, ExplanationCode.HANDSHAKE, 5, 4, 5, 6));
        report.settle();
        report.segment(segment(0, 7, 2, true, TcpFlags.FIN | ACK, 1, 1, 0));
        report.explained(explanation(0, ExplanationCode.FIN, 7, 7));
        report.settle();
        List<String> lines = lines();
        assertThat(lines).filteredOn(l -> l.startsWith("connection ")).containsExactly(
                "connection 0  127.0.0.1:50000 → 127.0.0.1:9000",
                "connection 1  127.0.0.1:50001 → 127.0.0.1:9000",
                "connection 0  127.0.0.1:50000 → 127.0.0.1:9000  (continued)");
        assertThat(lines.get(lines.indexOf("connection 0  127.0.0.1:50000 → 127.0.0.1:9000"
                + "  (continued)") - 1)).isEmpty();
        assertThat(lines.getLast()).isEqualTo("  fin (7): fin text");
    }

    @Test
    void explanationsCompletedTogetherComeInFrameOrderAndMarkTheirRows() throws IOException {
        report.segment(segment(0, 4, 0, true, PSH_ACK, 1, 1, 6));
        report.segment(segment(0, 5, 0, false, PSH_ACK, 1, 7, 7));
        report.segment(segment(0, 6, 0, true, TcpFlags.FIN | ACK, 7, 8, 0));
        report.explained(explanation(0, ExplanationCode.FIN, 6, 6));
        report.explained(explanation(0, ExplanationCode.DATA, 5, 5));
        report.explained(explanation(0, ExplanationCode.DATA, 4, 4));
        report.settle();
        List<String> lines = lines();
        assertThat(lines.subList(2, 5)).satisfiesExactly(
                l -> assertThat(l).startsWith("     4  │").endsWith("│  data"),
                l -> assertThat(l).startsWith("     5  │").endsWith("│  data"),
                l -> assertThat(l).startsWith("     6  │").endsWith("│  fin"));
        assertThat(lines.subList(5, 8)).containsExactly("  data (4): data text",
                "  data (5): data text", "  fin (6): fin text");
    }

    @Test
    void theSummaryEndsAConnectionAndNothingOfItIsKept() throws IOException {
        flows.put(0, flow(0, 3));
        handshake(0, 1, 0);
        report.closed(0, Optional.of(flows.get(0)));
        List<String> lines = lines();
        assertThat(lines.get(4)).startsWith("     3  │ ── .   ack 1 ");
        assertThat(lines.subList(5, lines.size())).containsExactly(
                "  end of connection 0: opened by :50000, closed by :50000;",
                "    6 B →, 7 B ←, 3.00 ms, no retransmissions");
        assertThat(report.openConnections()).isZero();
    }

    @Test
    void aSummaryAfterAnotherConnectionsLinesNamesItsEndpoints() throws IOException {
        flows.put(0, flow(0, 3));
        handshake(0, 1, 0);
        handshake(1, 4, 1);
        report.idle(T0 + LiveReport.HOLD_NANOS + 5 * MS);
        report.closed(0, Optional.of(flows.get(0)));
        assertThat(lines().subList(lines().size() - 4, lines().size())).containsExactly("",
                "  end of connection 0 (127.0.0.1:50000 → 127.0.0.1:9000): opened by :50000,",
                "    closed by :50000;",
                "    6 B →, 7 B ←, 3.00 ms, no retransmissions");
    }

    @Test
    void withoutLaddersOnlyExplanationsAndSummariesArePrinted() throws IOException {
        LiveReport summary = new LiveReport(out, Palette.NONE, 80, false,
                stream -> Optional.of(flow(stream, 3)));
        summary.segment(segment(0, 1, 0, true, SYN, 0, 0, 0));
        summary.explained(explanation(0, ExplanationCode.HANDSHAKE, 2, 1, 2, 3));
        summary.settle();
        summary.closed(0, Optional.of(flow(0, 3)));
        assertThat(lines()).containsExactly("connection 0  127.0.0.1:50000 → 127.0.0.1:9000",
                "  handshake (1–3): handshake text",
                "  end of connection 0: opened by :50000, closed by :50000;",
                "    6 B →, 7 B ←, 3.00 ms, no retransmissions");
        assertThat(summary.openConnections()).isZero();
    }
}

package io.sockscope.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Endpoint;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ladder's rows, arrows, notes and folding, on segments made up for each case. */
class LadderTest {

    private static final Endpoint CLIENT = new Endpoint("127.0.0.1", 33572, 4);
    private static final Endpoint SERVER = new Endpoint("127.0.0.1", 47107, 4);
    private static final int ACK = TcpFlags.ACK;
    private static final int PSH_ACK = TcpFlags.PSH | TcpFlags.ACK;

    private static Segment segment(long frame, boolean fromClient, int flags, long seq, long ack,
            int length, int window, int analysis) {
        return new Segment(frame, frame * 1000, fromClient ? CLIENT : SERVER,
                fromClient ? SERVER : CLIENT, 0, flags, seq, ack, seq + length, length, window, 0,
                window * 128L, 128, TcpOptions.NONE, analysis, 0, 0, seq, ack);
    }

    private static Ladder ladder(int width) {
        return new Ladder(CLIENT, SERVER, 9999, width, Palette.NONE);
    }

    @Test
    void arrowsPointFromTheSenderAndFitTheWidth() {
        Ladder ladder = ladder(80);
        ladder.add(segment(4, true, PSH_ACK, 1, 1, 36, 512, 0));
        ladder.add(segment(5, false, ACK, 1, 37, 0, 512, 0));
        ladder.mark(4, "data");
        List<String> lines = ladder.lines();
        assertThat(lines.getFirst()).startsWith("      127.0.0.1:33572").endsWith("127.0.0.1:47107");
        assertThat(lines.get(1)).startsWith("   4  │ ── P.  seq 1:37 ack 1 (36 B) ─")
                .contains("▶ │  data");
        assertThat(lines.get(2)).startsWith("   5  │ ◀─ .   ack 37 ─").endsWith("─ │");
        assertThat(lines).allMatch(l -> l.codePointCount(0, l.length()) <= 80);
        int rightBar = lines.get(1).indexOf(" │  data");
        assertThat(lines.get(2).length() - 1).isEqualTo(rightBar + 1);
    }

    @Test
    void aLongPlainRunFoldsIntoOneLineWithCounts() {
        Ladder ladder = ladder(100);
        long frame = 1;
        for (int i = 0; i < 100; i++) {
            ladder.add(segment(frame++, true, PSH_ACK, 1 + 100L * i, 1, 100, 512,
                    i % 10 == 0 ? AnalysisFlag.WINDOW_FULL.bit() : 0));
            ladder.add(segment(frame++, false, ACK, 1, 101 + 100L * i, 0, 512, 0));
        }
        List<String> lines = ladder.lines();
        assertThat(lines).hasSize(1 + Ladder.HEAD + 1 + Ladder.TAIL);
        String fold = lines.get(1 + Ladder.HEAD);
        assertThat(fold).contains("… 195 segments: 97 data → (seq 201:9,901), 98 acks ←,"
                + " window_full ×9 …");
        assertThat(lines.getLast()).startsWith(" 200  │ ◀─ .   ack 10001");
    }

    @Test
    void controlSegmentsLossAndMarkedFramesAreNeverFolded() {
        Ladder ladder = ladder(80);
        long frame = 1;
        for (int i = 0; i < 40; i++) {
            int analysis = i == 20 ? AnalysisFlag.RETRANSMISSION.bit() : 0;
            ladder.add(segment(frame++, true, PSH_ACK, 1 + 10L * i, 1, 10, 512, analysis));
        }
        ladder.mark(30, "nagle_delay");
        ladder.add(segment(frame, true, TcpFlags.FIN | ACK, 401, 1, 0, 512, 0));
        List<String> lines = ladder.lines();
        assertThat(lines).anyMatch(l -> l.startsWith("  21  │") && l.endsWith("retransmission"));
        assertThat(lines).anyMatch(l -> l.startsWith("  30  │") && l.endsWith("nagle_delay"));
        assertThat(lines).anyMatch(l -> l.startsWith("  41  │ ── F."));
        assertThat(lines.stream().filter(l -> l.contains(" segments: ")))
                .containsExactly("      │ … 15 segments: 15 data → (seq 31:181) …",
                        "      │ … 3 segments: 3 data → (seq 241:271) …",
                        "      │ … 5 segments: 5 data → (seq 331:381) …");
    }

    @Test
    void aCodeKeyedInsideAFoldIsShownOnTheFold() {
        Ladder ladder = ladder(80);
        for (int i = 0; i < 200; i++) {
            ladder.add(segment(i + 1, true, PSH_ACK, 1 + 10L * i, 1, 10, 512, 0));
        }
        ladder.mark(10, "window_full");
        List<String> lines = ladder.lines();
        assertThat(lines.stream().filter(l -> l.contains(" segments: ")).toList())
                .singleElement().satisfies(l -> assertThat(l).endsWith("window_full"));
    }

    @Test
    void twoCodesThatDoNotFitShowTheFirstAndACount() {
        Ladder ladder = ladder(80);
        ladder.add(segment(4, true, PSH_ACK, 1, 1, 4096, 512, 0));
        ladder.mark(4, "loopback_offload");
        ladder.mark(4, "data");
        ladder.mark(4, "split");
        assertThat(ladder.lines().get(1)).endsWith("loopback_offload +2");
    }

    @Test
    void zeroWindowsAndSynsShowTheirWindow() {
        Ladder ladder = ladder(80);
        ladder.add(segment(1, true, TcpFlags.SYN, 0, 0, 0, 65495, 0));
        ladder.add(segment(9, false, ACK, 1, 12289, 0, 0, AnalysisFlag.ZERO_WINDOW.bit()));
        List<String> lines = ladder.lines();
        assertThat(lines.get(1)).contains("── S   seq 0 win 8383360");
        assertThat(lines.get(2)).contains("◀─ .   ack 12289 win 0").endsWith("zero_window");
    }

    @Test
    void colourWrapsTheArrowOnly() {
        Ladder ladder = new Ladder(CLIENT, SERVER, 10, 80, Palette.ANSI);
        ladder.add(segment(6, false, TcpFlags.RST | ACK, 1, 37, 0, 512, 0));
        String line = ladder.lines().get(1);
        assertThat(line).startsWith("   6  │ \u001b[1;31m◀─ R.").contains("\u001b[0m │");
    }

    @Test
    void drainingHandsOutSettledRowsOnceAndFlushDrawsWhatIsHeld() {
        Ladder ladder = ladder(80);
        for (int i = 0; i < Ladder.LOOKAHEAD; i++) {
            ladder.add(segment(i + 1, true, PSH_ACK, 1 + 10L * i, 1, 10, 512, 0));
        }
        assertThat(ladder.drain(false)).as("all within the lookahead").isEmpty();
        assertThat(ladder.holds()).isTrue();
        ladder.add(segment(Ladder.LOOKAHEAD + 1, false, ACK, 1, 11, 0, 512, 0));
        assertThat(ladder.drain(false)).singleElement()
                .satisfies(l -> assertThat(l).startsWith("   1  │ ── P.  seq 1:11"));
        assertThat(ladder.drain(false)).isEmpty();
        ladder.mark(Ladder.LOOKAHEAD + 1, "data");
        List<String> rest = ladder.drain(true);
        assertThat(rest.getFirst()).startsWith("   2  │");
        assertThat(rest).anySatisfy(l -> assertThat(l).contains(" segments: "));
        assertThat(rest.getLast()).startsWith("  65  │ ◀─ .   ack 11").endsWith("data");
        assertThat(ladder.holds()).isFalse();
        assertThat(ladder.drain(true)).isEmpty();
        assertThat(ladder.names()).singleElement()
                .satisfies(l -> assertThat(l).startsWith("      127.0.0.1:33572"));
    }

    @Test
    void aFlushEndsTheRunSoTheNextStartsWithRowsAgain() {
        Ladder ladder = ladder(80);
        long frame = 1;
        for (int i = 0; i < 20; i++) {
            ladder.add(segment(frame++, true, PSH_ACK, 1 + 10L * i, 1, 10, 512, 0));
        }
        assertThat(ladder.drain(true)).hasSize(Ladder.HEAD + 1 + Ladder.TAIL);
        ladder.add(segment(frame, true, PSH_ACK, 201, 1, 10, 512, 0));
        assertThat(ladder.drain(true)).singleElement()
                .satisfies(l -> assertThat(l).startsWith("  21  │ ── P.  seq 201:211"));
    }
}

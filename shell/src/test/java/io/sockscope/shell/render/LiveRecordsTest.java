package io.sockscope.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.explain.ExplanationCode;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.live.LiveExplanation;
import io.sockscope.inspector.live.SegmentOrigin;
import io.sockscope.shell.run.TranscriptRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The live inspector's records as text and JSON lines (SPEC §4, §5; docs/TRANSCRIPT.md,
 * docs/JSON.md): segments under a call and between calls, folded runs, explanations.
 */
class LiveRecordsTest {

  private static final List<Segment> HANDSHAKE = CorpusSegments.of("handshake_echo");
  private static final SegmentOrigin CALLED = new SegmentOrigin(SegmentOrigin.Source.CALL,
      Optional.of("s"), Optional.of("echo"), false);
  private static final SegmentOrigin PEER = new SegmentOrigin(SegmentOrigin.Source.PEER,
      Optional.of("s"), Optional.of("echo"), false);

  private static String text(TranscriptRecord... records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TranscriptText text = new TranscriptText(new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err, Styler.PLAIN);
    for (TranscriptRecord r : records) {
      text.emit(r);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCallsSegmentsAreIndentedInTcpdumpsFormat() {
    Segment syn = HANDSHAKE.getFirst();
    assertThat(text(new TranscriptRecord.Segment(syn, OptionalLong.of(2), CALLED, true)))
        .isEqualTo("      127.0.0.1.39564 > 127.0.0.1.47101: Flags [S], seq 0, win 65495,"
            + " options [mss 65495,sackOK,TS val 1834123408 ecr 0,nop,wscale 7], length 0\n");
  }

  @Test
  void aSegmentNoCallCausedIsMarkedWithWhoSentIt() {
    Segment synAck = HANDSHAKE.get(1);
    assertThat(text(new TranscriptRecord.Segment(synAck, OptionalLong.empty(), PEER, false)))
        .startsWith("  (peer echo) 127.0.0.1.47101 > 127.0.0.1.39564: Flags [S.], seq 0, ack 1,");
    SegmentOrigin kernel = new SegmentOrigin(SegmentOrigin.Source.KERNEL, Optional.of("srv"),
        Optional.empty(), true);
    assertThat(text(new TranscriptRecord.Segment(synAck, OptionalLong.empty(), kernel, false)))
        .startsWith("  (kernel srv, listen backlog) 127.0.0.1.47101 >");
    assertThat(text(new TranscriptRecord.Segment(synAck, OptionalLong.of(5), CALLED, false)))
        .startsWith("  (s [5]) 127.0.0.1.47101 >");
  }

  @Test
  void explanationsWrapUnderTheirCallAfterAnEqualsSign() {
    LiveExplanation e = new LiveExplanation(ExplanationCode.HANDSHAKE, OptionalLong.of(2),
        OptionalInt.of(0), List.of(1L, 2L, 3L), 3, OptionalLong.of(2), "word ".repeat(40).trim(),
        false);
    String text = text(new TranscriptRecord.Explain(e, true));
    List<String> lines = text.lines().toList();
    assertThat(lines.getFirst()).startsWith("      = handshake: word word");
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("        word"));
    assertThat(lines).allMatch(l -> l.length() <= LiveLayout.WIDTH);
    assertThat(String.join(" ", lines).replaceAll(" +", " ").trim())
        .isEqualTo("= handshake: " + "word ".repeat(40).trim());
    assertThat(text(new TranscriptRecord.Explain(e, false))).startsWith("  = handshake: word");
  }

  @Test
  void onANarrowTerminalExplanationsWrapToItsWidth() {
    LiveExplanation e = new LiveExplanation(ExplanationCode.HANDSHAKE, OptionalLong.of(2),
        OptionalInt.of(0), List.of(1L, 2L, 3L), 3, OptionalLong.of(2), "word ".repeat(40).trim(),
        false);
    for (int columns : new int[] {60, 80}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new TranscriptText(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
          Styler.PLAIN, () -> columns).emit(new TranscriptRecord.Explain(e, true));
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
      assertThat(lines).as("at %d columns", columns).allMatch(l -> l.length() <= columns)
          .anyMatch(l -> l.length() > columns - 6);
    }
    ByteArrayOutputStream wide = new ByteArrayOutputStream();
    new TranscriptText(new PrintStream(wide, true, StandardCharsets.UTF_8), System.err,
        Styler.PLAIN, () -> 200).emit(new TranscriptRecord.Explain(e, true));
    assertThat(wide.toString(StandardCharsets.UTF_8).lines())
        .as("a wide terminal keeps the usual width").allMatch(l -> l.length() <= LiveLayout.WIDTH);
  }

  @Test
  void aFoldedRunSaysHowManySegmentsAndWhichFrames() {
    assertThat(text(new TranscriptRecord.SegmentsFolded(OptionalLong.of(7), 28_000, 41, 28_040,
        true))).isEqualTo("      … 28,000 segments more (frames 41–28040)\n");
  }

  @Test
  void onATerminalSegmentsAreColouredByFlag() {
    Styler colours = Palette.ANSI.styler();
    Segment syn = HANDSHAKE.getFirst();
    String line = TranscriptText.lines(new TranscriptRecord.Segment(syn, OptionalLong.of(2),
        CALLED, true)).getFirst().render(colours);
    assertThat(line).startsWith("      \u001b[32m127.0.0.1.39564").endsWith("\u001b[0m");
    assertThat(Palette.NONE.styler().apply("x", Role.SEGMENT_RST)).isEqualTo("x");
    assertThat(Palette.role(HANDSHAKE.get(2))).isEqualTo(Role.SEGMENT_ACK);
  }

  @Test
  void aSegmentRecordIsSpecFiveWithWhoSentItAtTheEnd() {
    String json = TranscriptJson.line(new TranscriptRecord.Segment(HANDSHAKE.getFirst(),
        OptionalLong.of(2), CALLED, true));
    assertThat(json).startsWith("{\"type\":\"segment\",\"frame\":1,\"call\":2,\"ts_us\":")
        .contains("\"src\":\"127.0.0.1:39564\",\"dst\":\"127.0.0.1:47101\",\"stream\":0,"
            + "\"flags\":[\"SYN\"],\"seq\":0,\"ack\":0,\"len\":0,\"win\":65495,")
        .endsWith(", length 0\",\"by\":\"call\",\"socket\":\"s\",\"peer\":\"echo\"}");
    String peer = TranscriptJson.line(new TranscriptRecord.Segment(HANDSHAKE.get(1),
        OptionalLong.empty(), PEER, false));
    assertThat(peer).contains("\"call\":null,").endsWith("\"by\":\"peer\",\"socket\":\"s\","
        + "\"peer\":\"echo\"}");
  }

  @Test
  void anExplanationWithoutSegmentsHasNoFramesStreamOrKeyFrame() {
    LiveExplanation e = new LiveExplanation(ExplanationCode.ADDR_IN_USE, OptionalLong.of(13),
        OptionalInt.empty(), List.of(), 0, OptionalLong.empty(), "bind() [13] failed", false);
    assertThat(TranscriptJson.line(new TranscriptRecord.Explain(e, true))).isEqualTo(
        "{\"type\":\"explain\",\"code\":\"addr_in_use\",\"call\":13,\"frames\":[],\"text\":"
            + "\"bind() [13] failed\",\"stream\":null,\"frame_count\":0,\"key_frame\":null,"
            + "\"inferred\":false}");
  }

  @Test
  void theEndOfATimeWaitIsAStateLineBetweenCallsAndAStateRecord() {
    TranscriptRecord.Released gone = new TranscriptRecord.Released("s",
        new io.sockscope.engine.Endpoint("127.0.0.1", 51234),
        new io.sockscope.engine.Endpoint("127.0.0.1", 9000));
    assertThat(text(gone)).isEqualTo("  state s CLOSE  TIME_WAIT is over: the kernel no longer"
        + " holds 127.0.0.1:51234 → 127.0.0.1:9000\n");
    assertThat(TranscriptJson.line(gone)).isEqualTo("{\"type\":\"state\",\"socket\":\"s\","
        + "\"tcp_state\":\"CLOSE\",\"send_q\":0,\"recv_q\":0,\"rtt_us\":null}");
  }

  @Test
  void aFoldedRunIsItsOwnRecord() {
    assertThat(TranscriptJson.line(new TranscriptRecord.SegmentsFolded(OptionalLong.of(7), 28_000,
        41, 28_040, true))).isEqualTo("{\"type\":\"segments_folded\",\"call\":7,\"count\":28000,"
            + "\"first_frame\":41,\"last_frame\":28040}");
  }
}

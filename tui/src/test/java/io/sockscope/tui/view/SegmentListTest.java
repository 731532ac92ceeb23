package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.flow.Segment;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SegmentListTest {

  private static SegmentList list(SessionView view) {
    return view.segments();
  }

  private static List<String> shown(SessionView view, int width) {
    SegmentList l = list(view);
    return l.visible().stream().map(v -> (v.selected() ? "*" : "")
        + Rows.plain(l.render(v.row(), width))).toList();
  }

  @Test
  void eachCallsSegmentsAndExplanationsComeUnderTheCall() {
    SessionView view = EchoSession.view(80, 40);
    assertThat(shown(view, 42)).containsExactly(
        "[2] connect s",
        "  > S   seq 0 win 65495",
        "  < S.  seq 0 ack 1 win 65483",
        "  > .   ack 1",
        "  = handshake: Most likely :39564's progr…",
        "[3] send s",
        "  > P.  seq 1:7 ack 1 len 6",
        "  < .   ack 7",
        "  = data: :39564 sent 6 bytes (seq 1:7) i…",
        "  < P.  seq 1:7 ack 7 len 6      peer echo",
        "  > .   ack 7                       kernel",
        "[5] close s",
        "  > F.  seq 7 ack 7",
        "  < F.  seq 7 ack 8              peer echo",
        "  > .   ack 8                       kernel",
        "*  = fin: :39564 sent FIN (8) after sendin…");
  }

  @Test
  void aWidePaneAddsFrameTimeOptionsAndTheStatement() {
    SessionView view = EchoSession.view(200, 50);
    List<String> rows = shown(view, 108);
    assertThat(rows.getFirst()).isEqualTo("[2] connect s   s.connect((\"127.0.0.1\", 47101))");
    assertThat(rows.get(1)).isEqualTo(
        "      1 +0.000000 > S   seq 0 win 65495  [mss 65495,sackOK,TS,nop,wscale 7]");
    assertThat(rows.get(9)).startsWith("      6 +0.000283 < P.  seq 1:7 ack 7 len 6  [nop,nop,TS]")
        .endsWith("peer echo").hasSize(108);
  }

  @Test
  void segmentsAreTonedByFlag() {
    SessionView view = EchoSession.view(80, 40);
    List<SegmentList.Visible> rows = list(view).visible();
    SegmentRow.Wire syn = (SegmentRow.Wire) rows.get(1).row();
    SegmentRow.Wire data = (SegmentRow.Wire) rows.get(6).row();
    SegmentRow.Wire ack = (SegmentRow.Wire) rows.get(7).row();
    SegmentRow.Wire fin = (SegmentRow.Wire) rows.get(12).row();
    assertThat(SegmentText.tone(syn.wire().segment())).isEqualTo(Tone.SYN);
    assertThat(SegmentText.tone(data.wire().segment())).isEqualTo(Tone.DATA);
    assertThat(SegmentText.tone(ack.wire().segment())).isEqualTo(Tone.ACK);
    assertThat(SegmentText.tone(fin.wire().segment())).isEqualTo(Tone.FIN);
    assertThat(list(view).render(syn, 42).get(2).tone()).isEqualTo(Tone.SYN);
  }

  @Test
  void filtersBySocketFlagCodeCallAndSender() {
    SessionView view = EchoSession.view(80, 40);
    SegmentList l = list(view);
    l.filter(SegmentFilter.parse("F."));
    assertThat(shown(view, 42)).containsExactly("[5] close s", "  > F.  seq 7 ack 7",
        "*  < F.  seq 7 ack 8              peer echo");
    l.filter(SegmentFilter.parse("syn"));
    assertThat(shown(view, 42)).hasSize(3).allMatch(r -> r.contains("[2]") || r.contains(" S"));
    l.filter(SegmentFilter.parse("handshake"));
    assertThat(shown(view, 42)).containsExactly("[2] connect s", "  > S   seq 0 win 65495",
        "  < S.  seq 0 ack 1 win 65483", "  > .   ack 1",
        "*  = handshake: Most likely :39564's progr…");
    l.filter(SegmentFilter.parse("peer"));
    assertThat(shown(view, 42)).containsExactly("[3] send s",
        "  < P.  seq 1:7 ack 7 len 6      peer echo", "[5] close s",
        "*  < F.  seq 7 ack 8              peer echo");
    l.filter(SegmentFilter.parse("[3] kernel"));
    assertThat(shown(view, 42)).isEmpty();
    l.filter(SegmentFilter.parse("[3]"));
    assertThat(l.count()).isEqualTo(4);
    l.filter(SegmentFilter.parse("S"));
    assertThat(l.count()).isEqualTo(2);
    l.filter(SegmentFilter.parse("nobody"));
    assertThat(l.count()).isZero();
    assertThat(l.selected()).isEmpty();
    l.filter(SegmentFilter.NONE);
    assertThat(l.count()).isEqualTo(16);
  }

  @Test
  void theSelectionFollowsNewRowsUntilMovedAndAgainAfterEnd() {
    SessionView view = EchoSession.emptyView(80, 24);
    Recorded r = Recorded.of("handshake_echo");
    SegmentList l = list(view);
    view.accept(r.wire(0, OptionalLong.empty(), WireSegment.Origin.KERNEL));
    view.accept(r.wire(1, OptionalLong.empty(), WireSegment.Origin.PEER));
    assertThat(frameOfSelection(l)).isEqualTo(2);
    l.move(-1);
    assertThat(frameOfSelection(l)).isEqualTo(1);
    assertThat(l.following()).isFalse();
    view.accept(r.wire(2, OptionalLong.empty(), WireSegment.Origin.KERNEL));
    assertThat(frameOfSelection(l)).isEqualTo(1);
    l.end();
    assertThat(frameOfSelection(l)).isEqualTo(3);
    view.accept(r.wire(3, OptionalLong.empty(), WireSegment.Origin.KERNEL));
    assertThat(frameOfSelection(l)).isEqualTo(4);
    l.home();
    assertThat(frameOfSelection(l)).isEqualTo(1);
    l.move(-5);
    assertThat(frameOfSelection(l)).isEqualTo(1);
    l.move(2);
    assertThat(frameOfSelection(l)).isEqualTo(3);
  }

  private static long frameOfSelection(SegmentList l) {
    return ((SegmentRow.Wire) l.selected().orElseThrow()).wire().segment().frame();
  }

  @Test
  void pagesByTheHeightAndKeepsTheSelectionInSight() {
    SessionView view = EchoSession.emptyView(80, 24);
    Recorded r = Recorded.of("large_transfer_lo64k");
    SegmentList l = list(view);
    for (int i = 0; i < r.segments().size(); i++) {
      view.accept(r.wire(i, OptionalLong.empty(), WireSegment.Origin.KERNEL));
    }
    int height = view.layout().contentRows(Pane.SEGMENTS);
    assertThat(l.visible()).hasSize(height);
    assertThat(l.visible().getLast().selected()).isTrue();
    l.page(-1);
    List<SegmentList.Visible> page = l.visible();
    assertThat(page.stream().filter(SegmentList.Visible::selected).count()).isEqualTo(1);
    assertThat(frameOfSelection(l)).isEqualTo(r.segments().size() - (height - 1));
    l.home();
    assertThat(l.visible().getFirst().selected()).isTrue();
    l.page(1);
    assertThat(frameOfSelection(l)).isEqualTo(height);
    assertThat(l.visible().getLast().selected()).isTrue();
  }

  @Test
  void keepsAtMostItsLimitOfRows() {
    SessionView view = EchoSession.emptyView(80, 24);
    Recorded r = Recorded.of("handshake_echo");
    SegmentList l = list(view);
    Segment s = r.segments().get(4);
    for (int i = 0; i < SegmentList.LIMIT + 5; i++) {
      view.accept(new WireSegment(new Segment(i + 1, s.atNanos(), s.source(), s.destination(),
          0, s.flags(), s.seq(), s.ack(), s.nextSeq(), 0, s.window(), 0, s.calculatedWindow(),
          s.windowScaleFactor(), s.options(), 0, 0, 0, s.rawSeq(), s.rawAck()),
          OptionalLong.empty(), WireSegment.Origin.KERNEL, java.util.Optional.empty()));
    }
    assertThat(l.count()).isLessThanOrEqualTo(SegmentList.LIMIT);
    assertThat(frameOfSelection(l)).isEqualTo(SegmentList.LIMIT + 5);
  }
}

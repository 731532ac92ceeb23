package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetailViewTest {

  /** The view with the send's data segment (frame 4) selected. */
  private static SessionView onData(int columns, int rows) {
    SessionView view = EchoSession.view(columns, rows);
    view.focus(Pane.SEGMENTS);
    view.segments().home();
    view.segments().move(6);
    return view;
  }

  @Test
  void aSegmentShowsEveryFieldTheHexdumpAndItsExplanation() {
    SessionView view = onData(200, 50);
    List<String> rows = Rows.of(view.detailRows());
    assertThat(rows.getFirst()).startsWith("frame 4  +0.000098 s  stream 0  by [3] send s");
    assertThat(rows).contains(
        "127.0.0.1.39564 > 127.0.0.1.47101",
        "flags PSH ACK  (P.)",
        "window 512 × 128 = 65536  urgent 0  length 6",
        "options nop, nop, TS",
        "payload 6 bytes",
        "0000  68 65 6c 6c 6f 0a                                blah".replace("blah", "hello."));
    assertThat(rows).anyMatch(r -> r.startsWith("Flags [P.], seq 1:7, ack 1, win 512, options "
        + "[nop,nop,TS val"));
    assertThat(rows).anyMatch(r -> r.startsWith("seq 1 (raw ") && r.contains("next seq 7"));
    assertThat(rows).anyMatch(r -> r.startsWith("= data: :39564 sent 6 bytes"));
  }

  @Test
  void aNarrowPaneWrapsAndScrollsTheSameLines() {
    SessionView view = onData(80, 24);
    int height = view.layout().contentRows(Pane.DETAIL);
    List<String> top = Rows.of(view.detailRows());
    assertThat(top).hasSize(height).allMatch(r -> r.length() <= 42);
    assertThat(top).startsWith("frame 4  +0.000098 s  stream 0  by [3]", "    send s");
    view.focus(Pane.DETAIL);
    view.press(new Key.Typed('G'));
    List<String> bottom = Rows.of(view.detailRows());
    assertThat(bottom).contains("0000  68 65 6c 6c 6f 0a        hello.");
    assertThat(bottom.getLast()).contains("(inferred from the");
    view.press(Key.Named.HOME);
    assertThat(Rows.of(view.detailRows())).isEqualTo(top);
  }

  @Test
  void thePeersSegmentSaysWhoseItIs() {
    SessionView view = onData(200, 50);
    view.segments().move(3);
    assertThat(Rows.of(view.detailRows()).getFirst()).endsWith("by the peer echo");
    view.segments().move(1);
    assertThat(Rows.of(view.detailRows()).getFirst()).endsWith("by the kernel (s)");
  }

  @Test
  void aCallsHeadShowsTheCall() {
    SessionView view = onData(200, 50);
    view.segments().move(-1);
    assertThat(Rows.of(view.detailRows())).startsWith("[3] s.send(b\"hello\\n\")",
        "send on s: → 6  0.21 ms", "127.0.0.1:39564 → 127.0.0.1:47101");
  }

  @Test
  void withNothingSelectedItSaysWhereSegmentsComeFrom() {
    SessionView view = EchoSession.emptyView(200, 50);
    assertThat(Rows.of(view.detailRows()).getFirst()).startsWith("No segment selected.");
  }

  @Test
  void sackBlocksAreListedRelativeAsTcpdumpPrintsThem() {
    Recorded r = Recorded.of("retransmission_loss");
    SessionView view = EchoSession.emptyView(200, 50);
    int sack = -1;
    for (int i = 0; i < r.segments().size(); i++) {
      view.accept(r.wire(i, java.util.OptionalLong.empty(), WireSegment.Origin.KERNEL));
      if (sack < 0 && r.segments().get(i).options().list().stream()
          .anyMatch(o -> o instanceof io.sockscope.inspector.flow.TcpOption.Sack)) {
        sack = i;
      }
    }
    assertThat(sack).as("a segment with SACK blocks in the capture").isNotNegative();
    view.segments().home();
    view.segments().move(sack);
    List<String> rows = Rows.of(view.detailRows());
    String line = r.segments().get(sack).tcpdumpLine();
    String blocks = line.substring(line.indexOf("sack 1 {") + 8, line.indexOf('}',
        line.indexOf("sack 1 {")));
    assertThat(rows).anyMatch(row -> row.startsWith("  SACK " + blocks.replace(':', '-')
        + " (raw "));
  }
}

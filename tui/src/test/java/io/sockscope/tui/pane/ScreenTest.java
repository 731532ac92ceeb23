package io.sockscope.tui.pane;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.sockscope.tui.view.EchoSession;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenTest {

  @Test
  void at80x24ThePanesSitAsSpecPictureDrawsThem() throws Exception {
    try (Rendered r = new Rendered(EchoSession.view(80, 24), 80, 24)) {
      List<String> rows = r.rows();
      System.out.println("80×24:\n" + r.screenText());
      assertThat(rows).hasSize(24);
      assertThat(rows.getFirst()).startsWith("┌ shell ─").endsWith("┐┌ segments ───────"
          + "─────────────────────────┐");
      assertThat(rows.getFirst()).hasSize(80);
      assertThat(rows.get(12)).startsWith("│").contains("│├ detail ─").endsWith("┤");
      assertThat(rows.get(15)).startsWith("├ sockets ─").contains("┤│");
      assertThat(rows.get(21)).isEqualTo("└" + "─".repeat(34) + "┘└" + "─".repeat(42) + "┘");
      assertThat(rows.get(22)).isEqualTo(">>>");
      assertThat(rows.get(23)).isEqualTo(
          " capture off │ echo 127.0.0.1:47101 │ Tab panes  F1 help  F10 quit");
      assertThat(String.join("\n", rows)).contains(
          "│[5] s.close()                     │├ detail ──────",
          "│[1] s = socket.socket()           ││  > P.  seq 1:7 ack 1 len 6               │",
          "│  < F.  seq 7 ack 8              peer echo│",
          "│s  :39564→:47101  TIME-WAIT 60 s  │");
      assertThat(rows.get(16)).startsWith("│s  :39564→:47101  TIME-WAIT 60 s");
    }
  }

  @Test
  void at200x50EveryPaneShowsMore() throws Exception {
    try (Rendered r = new Rendered(EchoSession.view(200, 50), 200, 50)) {
      List<String> rows = r.rows();
      System.out.println("200×50:\n" + r.screenText());
      assertThat(rows.getFirst()).hasSize(200).startsWith("┌ shell ─").contains("┐┌ segments ─");
      String all = String.join("\n", rows);
      assertThat(all).contains(
          "│[2] s.connect((\"127.0.0.1\", 47101))  ok  0.21 ms",
          "│    state s ESTABLISHED  send-q 0 B  recv-q 0 B  rtt 31 µs",
          "│[2] connect s   s.connect((\"127.0.0.1\", 47101))",
          "│      1 +0.000000 > S   seq 0 win 65495  [mss 65495,sackOK,TS,nop,wscale 7]",
          "│name  local            remote           state                   send-q  recv-q  rtt",
          "│s     127.0.0.1:39564  127.0.0.1:47101  TIME_WAIT 60 s, closed  0 B     0 B     -");
      assertThat(rows.get(47)).startsWith("└").endsWith("┘");
      assertThat(rows.get(48)).isEqualTo(">>>");
      assertThat(rows.get(49)).startsWith(" capture off │ echo 127.0.0.1:47101 │");
    }
  }

  @Test
  void theScreenIsLaidOutAgainWhenTheTerminalChangesSize() throws Exception {
    try (Rendered r = new Rendered(EchoSession.view(80, 24), 80, 24)) {
      r.resize(200, 50);
      assertThat(r.rows()).hasSize(50);
      assertThat(r.rows().getFirst()).hasSize(200);
      assertThat(r.rows().get(47)).startsWith("└").endsWith("┘");
      assertThat(r.view.layout().columns()).isEqualTo(200);
      r.resize(50, 12);
      assertThat(r.rows()).startsWith("sockscope needs at least 60×16 (this terminal is",
          "    50×12). Make the window larger, or press F10", "    to quit.");
      r.resize(80, 24);
      assertThat(r.rows().getFirst()).startsWith("┌ shell ─");
      assertThat(r.rows().get(23)).startsWith(" capture off");
    }
  }

  @Test
  void keysGoThroughLanternaToTheView() throws Exception {
    try (Rendered r = new Rendered(EchoSession.view(80, 24), 80, 24)) {
      r.press(new KeyStroke(KeyType.Tab));
      assertThat(r.rows().get(23)).contains("j/k move  Enter detail");
      r.press(new KeyStroke(KeyType.ArrowUp), new KeyStroke(KeyType.Enter));
      assertThat(r.rows().get(13)).contains("│frame 10");
      r.press(new KeyStroke('l', false, false));
      assertThat(r.rows().getFirst()).startsWith("┌ ladder of connection 0  (Esc closes) ─");
      assertThat(r.screenText()).contains("│   2  │ ◀─ S.  seq 0 ack 1 win 65483");
      r.press(new KeyStroke(KeyType.Escape), new KeyStroke(KeyType.F1));
      assertThat(r.rows().getFirst()).startsWith("┌ keys  (Esc closes) ─");
      r.press(new KeyStroke('q', false, false));
      assertThat(r.rows().getFirst()).startsWith("┌ shell ─");
    }
  }

  @Test
  void theInputLineIsHighlightedAndHoldsTheCursor() throws Exception {
    try (Rendered r = new Rendered(EchoSession.view(80, 24), 80, 24)) {
      for (char c : "s.recv(1024)".toCharArray()) {
        r.press(new KeyStroke(c, false, false));
      }
      assertThat(r.rows().get(22)).isEqualTo(">>> s.recv(1024)");
      assertThat(r.foreground(4, 22)).isEqualTo(TextColor.ANSI.CYAN);
      assertThat(r.foreground(11, 22)).isEqualTo(TextColor.ANSI.YELLOW);
      assertThat(r.terminal.getCursorPosition().getColumn()).isEqualTo(16);
      assertThat(r.terminal.getCursorPosition().getRow()).isEqualTo(22);
    }
  }

  @Test
  void segmentsAreColouredByFlag() throws Exception {
    try (Rendered r = new Rendered(EchoSession.view(80, 24), 80, 24)) {
      List<String> rows = r.rows();
      int fin = -1;
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).contains("> F.  seq 7 ack 7")) {
          fin = i;
        }
      }
      int column = rows.get(fin).indexOf("F.  seq 7");
      assertThat(r.foreground(column, fin)).isEqualTo(TextColor.ANSI.BLUE_BRIGHT);
    }
  }
}

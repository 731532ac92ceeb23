package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineTest {

  private static List<String> rows(Line line, int width) {
    return Rows.plain(line.rows(width));
  }

  @Test
  void aTailGoesBesideTheLineWhenItFitsAndUnderItWhenNot() {
    Line call = new Line(List.of(new Span("[2] s.connect((\"127.0.0.1\", 9000))", Tone.SOURCE)),
        List.of(new Span("ok  0.21 ms", Tone.OK)));
    assertThat(rows(call, 80)).containsExactly("[2] s.connect((\"127.0.0.1\", 9000))  ok  0.21 ms");
    assertThat(rows(call, 40)).containsExactly("[2] s.connect((\"127.0.0.1\", 9000))",
        "    ok  0.21 ms");
  }

  @Test
  void wrapsAtABlankUnderAnIndent() {
    Line prose = Line.of("the kernel completed the three-way handshake", Tone.EXPLAIN);
    assertThat(rows(prose, 20)).containsExactly("the kernel completed", "    the three-way",
        "    handshake");
    assertThat(rows(prose, 20)).allMatch(r -> r.length() <= 20);
  }

  @Test
  void cutsAWordLongerThanTheRow() {
    assertThat(rows(Line.of("b'xxxxxxxxxxxxxxxxxxxxxxxx'", Tone.VALUE), 12))
        .containsExactly("b'xxxxxxxxxx", "    xxxxxxxx", "    xxxxxx'");
  }

  @Test
  void keepsTonesAcrossACut() {
    Line line = Line.of(new Span("abc ", Tone.CALL_ID), new Span("defghij", Tone.SOURCE));
    List<List<Span>> rows = line.rows(9);
    assertThat(Rows.plain(rows)).containsExactly("abc defgh", "    ij");
    assertThat(rows.get(1).getLast().tone()).isEqualTo(Tone.SOURCE);
  }

  @Test
  void clipsWithAnEllipsis() {
    assertThat(Rows.plain(Line.clip(List.of(new Span("0123456789", Tone.PLAIN)), 6)))
        .isEqualTo("01234…");
    assertThat(Rows.plain(Line.clip(List.of(new Span("0123", Tone.PLAIN)), 6))).isEqualTo("0123");
  }

  @Test
  void controlCharactersCannotReachTheTerminal() {
    assertThat(Text.printable("a\tb\u001b[2Jc\u007f")).isEqualTo("a       b^[[2Jc^?");
  }
}

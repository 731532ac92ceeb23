package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyHelpTest {

  @Test
  void rowsFitTheWidthAndDescriptionsLineUp() {
    for (int width : new int[] {78, 198}) {
      for (Line line : KeyHelp.lines(width)) {
        assertThat(line.plain().length()).as(line.plain()).isLessThanOrEqualTo(width);
      }
    }
    String first = KeyHelp.lines(78).stream().map(Line::plain)
        .filter(l -> l.startsWith("  F10")).findFirst().orElseThrow();
    int column = first.indexOf("quit");
    assertThat(KeyHelp.lines(78).stream().map(Line::plain)
        .filter(l -> l.startsWith("  Ctrl-C ")).findFirst().orElseThrow().indexOf("cancel"))
        .isEqualTo(column);
  }
}

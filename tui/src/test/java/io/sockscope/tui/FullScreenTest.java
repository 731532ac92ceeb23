package io.sockscope.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FullScreenTest {

  @Test
  void aTerminalWithATermCanDrawAFullScreen() {
    assertThat(FullScreen.unavailable(Map.of("TERM", "xterm-256color"), true)).isEmpty();
    assertThat(FullScreen.unavailable(Map.of("TERM", "tmux-256color"), true)).isEmpty();
  }

  @Test
  void aPipeTermDumbOrNoTermCannot() {
    assertThat(FullScreen.unavailable(Map.of("TERM", "xterm"), false))
        .contains("standard input or output is not a terminal");
    assertThat(FullScreen.unavailable(Map.of("TERM", "dumb"), true))
        .contains("TERM=dumb cannot draw a full screen");
    assertThat(FullScreen.unavailable(Map.of(), true)).contains("TERM is not set");
  }
}

package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sockscope} with no command where a full screen cannot be drawn: the line shell, with
 * the same options, after one line saying why.
 */
class NoFullScreenTest {

  @TempDir Path dir;

  @Test
  void onAPipeItIsTheLineShellsPipeMode() {
    Sockscope.Result r = Sockscope.runWithInput("x = 6 * 7\nprint(x)\n", "--no-peer",
        "--no-capture");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).isEqualTo("42\n");
    assertThat(r.stderr()).isEqualTo("sockscope: standard input or output is not a terminal, so "
        + "the statements on standard input run as 'sockscope run -' does (no echo peer: "
        + "'serve echo 9000' starts one)\n");
  }

  @Test
  void aBadEntryOnAPipeStillEndsAsTheLineShellEnds() {
    Sockscope.Result r = Sockscope.runWithInput("s.connect((\n", "--no-peer", "--no-capture");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().lines().toList()).hasSize(2).first().asString()
        .startsWith("sockscope: standard input or output is not a terminal");
  }

  @Test
  void withTermDumbTheLineShellStartsOnTheTerminal() throws Exception {
    Tmux.assumeInstalled();
    Path script = Launch.script(dir, "--no-peer");
    try (Tmux tmux = Tmux.start(List.of(script.toString()), List.of("XDG_STATE_HOME="
        + dir.resolve("state"), "TERM=dumb"), 100, 30, dir)) {
      String screen = tmux.await(s -> s.contains(">>>"), Duration.ofSeconds(30),
          "the line shell's prompt");
      assertThat(screen).contains("sockscope: TERM=dumb cannot draw a full screen, so the line "
          + "shell starts instead of the full screen").doesNotContain("┌ shell");
      tmux.type("print(6 * 7)");
      tmux.press("Enter");
      tmux.await(s -> s.contains("\n42"), Duration.ofSeconds(30), "the answer");
      tmux.press("C-d");
      screen = tmux.await(s -> s.contains(Launch.ENDED), Duration.ofSeconds(30), "the end");
      assertThat(screen).contains(Launch.ENDED + "0");
    }
  }
}

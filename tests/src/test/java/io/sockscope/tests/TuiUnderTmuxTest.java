package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.capture.CaptureRequirement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sockscope} with no command in a real terminal (tmux, 80×24 and 200×50), capturing:
 * the full screen, typed into as a person would — an echo peer, then the tutorial's client connecting,
 * sending, receiving and closing — with the panes (calls, segments, sockets) read back from the
 * screen after each step, the ladder opened with {@code l}, and F10. The process must end with
 * status 0, restore the terminal and leave no socket open. Without tmux or capture the tests
 * are skipped, saying why, unless {@code SOCKSCOPE_REQUIRE_CAPTURE=1} (CI), where they fail.
 */
class TuiUnderTmuxTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern ECHO = Pattern.compile("echo 127\\.0\\.0\\.1:(\\d+) │");
  private static final Pattern EMPTY_INPUT = Pattern.compile("(?m)^>>> *$");

  @TempDir Path dir;

  @Test
  void echoClientStepByStepThenTheLadderThenF10() throws Exception {
    try (Tmux tmux = fullScreen(80, 24)) {
      int port = serveEcho(tmux);
      String screen;

      enter(tmux, "s = socket.socket()", "[1] s = socket.socket()");
      screen = enter(tmux, "s.connect((\"127.0.0.1\", " + port + "))", "ESTAB");
      assertThat(screen).contains("[2] s.connect((\"127.0.0.1\",").containsPattern(
          "│s +:\\d+→:" + port + " +ESTAB");
      screen = enter(tmux, "s.send(b\"hi\\n\")", "[3] s.send(b\"hi\\n\")");
      assertThat(screen).contains("→ 3");
      screen = enter(tmux, "s.recv(1024)", "→ b'hi\\n'");
      assertThat(screen).contains("[4] s.recv(1024)");
      assertThat(screen).contains("│[3] send s", "│  > P.  seq 1:4 ack 1 len 3",
          "peer echo│");
      screen = enter(tmux, "s.close()", "TIME-WAIT");
      assertThat(screen).contains("[5] s.close()", "│[5] close s", "│  > F.  seq 4 ack 4");
      System.out.println("sockscope at 80×24, after close:\n" + screen);

      tmux.press("Tab");
      tmux.await(s -> s.contains("j/k move  ") && s.stripTrailing().endsWith("F10 quit"), WAIT,
          "the segments pane's keys");
      tmux.type("l");
      screen = tmux.await(s -> s.contains("┌ ladder of connection") && s.contains(
          "│ ── F.  seq 4 ack 4 ─") && s.contains("└───"), WAIT, "the whole ladder");
      assertThat(screen).containsPattern("│ +1  │ ── S   seq 0 win \\d+ ─+▶ │")
          .containsPattern("│ +2  │ ◀─ S\\.  seq 0 ack 1 win \\d+ ─+ │  handshake")
          .contains("│ ── F.  seq 4 ack 4 ─");
      System.out.println("after l:\n" + screen);
      tmux.press("Escape");
      tmux.press("F10");
      screen = tmux.await(s -> s.contains(Launch.ENDED), WAIT, "the process ended");
      assertThat(screen).contains(Launch.ENDED + "0")
          .contains("peer echo: stopped (echo on 127.0.0.1:" + port + ")")
          .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("┌ shell");
      assertThat(LoopbackTable.liveOnPort(port)).as("sockets left on the echo port").isEmpty();
      System.out.println("after F10:\n" + screen.stripTrailing());
    }
  }

  @Test
  void atTwoHundredByFiftyTheWidePanesShowTheSameSession() throws Exception {
    try (Tmux tmux = fullScreen(200, 50)) {
      int port = serveEcho(tmux);
      String screen;

      enter(tmux, "s = socket.socket()", "[1] s = socket.socket()");
      screen = enter(tmux, "s.connect((\"127.0.0.1\", " + port + "))", "ESTABLISHED");
      assertThat(screen).containsPattern("│s +127\\.0\\.0\\.1:\\d+ +127\\.0\\.0\\.1:" + port
          + " +ESTABLISHED").contains("│name  local").contains("= handshake: :");
      screen = enter(tmux, "s.send(b\"hi\\n\")", "[3] s.send(b\"hi\\n\")");
      assertThat(screen).containsPattern("\\[3] s\\.send\\(b\"hi\\\\n\"\\) +→ 3")
          .contains("│[3] send s   s.send(b\"hi\\n\")")
          .containsPattern("│ +4 \\+\\d+\\.\\d{6} > P\\.  seq 1:4 ack 1 len 3");
      screen = enter(tmux, "s.recv(1024)", "→ b'hi\\n'");
      screen = enter(tmux, "s.close()", "TIME_WAIT");
      assertThat(screen).containsPattern("> F\\.  seq 4 ack 4")
          .containsPattern("│s +127\\.0\\.0\\.1:\\d+ +127\\.0\\.0\\.1:" + port + " +TIME_WAIT")
          .containsPattern(" lo ● \\d+ captured, 0 dropped │");
      System.out.println("sockscope at 200×50, after close:\n" + screen);

      tmux.press("Tab");
      tmux.await(s -> s.contains("j/k move  Enter detail"), WAIT, "the segments pane's keys");
      tmux.type("l");
      screen = tmux.await(s -> s.contains("┌ ladder of connection") && s.contains(
          "│ ── F.  seq 4 ack 4 ─"), WAIT, "the ladder");
      assertThat(screen).containsPattern("│ +2  │ ◀─ S\\.  seq 0 ack 1 win \\d+ ─+ │  handshake");
      tmux.press("Escape");
      tmux.press("F10");
      screen = tmux.await(s -> s.contains(Launch.ENDED), WAIT, "the process ended");
      assertThat(screen).contains(Launch.ENDED + "0").doesNotContain("Exception")
          .doesNotContain("┌ shell");
      assertThat(LoopbackTable.liveOnPort(port)).as("sockets left on the echo port").isEmpty();
    }
  }

  @Test
  void sigtermClosesTheSocketsAndRestoresTheTerminal() throws Exception {
    Tmux.assumeInstalled();
    CaptureRequirement.assumeAvailable();
    StringBuilder text = new StringBuilder("#!/bin/sh\n");
    for (String word : Launch.command("--no-peer")) {
      text.append(" '").append(word.replace("'", "'\\''")).append('\'');
    }
    text.append("\necho \"").append(Launch.ENDED).append("$?\"\n")
        .append("echo \"tty: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig|ixon)$'"
            + " | tr '\\n' ' ')\"\n");
    Path script = java.nio.file.Files.writeString(dir.resolve("term.sh"), text.toString());
    java.nio.file.Files.setPosixFilePermissions(script,
        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    try (Tmux tmux = Tmux.start(List.of(script.toString()), List.of("XDG_STATE_HOME="
        + dir.resolve("state"), "TERM=xterm-256color"), 80, 24, dir)) {
      tmux.await(s -> s.contains("┌ shell ─"), WAIT, "the full screen");
      int port = serveEcho(tmux);
      enter(tmux, "s = socket.socket()", "[1] s = socket.socket()");
      enter(tmux, "s.connect(echo)", "ESTAB");

      ProcessHandle java = ProcessHandle.of(tmux.panePid()).orElseThrow().children()
          .findFirst().orElseThrow();
      assertThat(java.destroy()).as("SIGTERM sent").isTrue();
      String screen = tmux.await(s -> s.contains("tty: "), WAIT, "the script's end");
      System.out.println("after SIGTERM:\n" + screen.stripTrailing());
      assertThat(screen).contains(Launch.ENDED + "143")
          .containsPattern("\\[3] s\\.close\\(\\) +ok .*\\(end of the session\\)")
          .contains("peer echo: stopped (echo on 127.0.0.1:" + port + ")")
          .doesNotContain("┌ shell").doesNotContain("Exception").doesNotContain("sockscope: ");
      String tty = screen.substring(screen.indexOf("tty: "));
      assertThat(tty.split("\\s+")).as("the terminal's settings restored")
          .contains("icanon", "isig", "echo", "ixon");
      assertThat(LoopbackTable.liveOnPort(port)).as("sockets left on the echo port").isEmpty();
    }
  }

  /** sockscope with no command, capturing, in tmux at {@code columns}×{@code rows}, drawn. */
  private Tmux fullScreen(int columns, int rows) throws Exception {
    Tmux.assumeInstalled();
    CaptureRequirement.assumeAvailable();
    Path script = Launch.script(dir, "--no-peer");
    Tmux tmux = Tmux.start(List.of(script.toString()), List.of("XDG_STATE_HOME="
        + dir.resolve("state"), "TERM=xterm-256color"), columns, rows, dir);
    try {
      String screen = tmux.await(s -> s.contains("┌ shell ─") && s.contains("no peer │"),
          WAIT, "the full screen");
      assertThat(screen).contains("┌ segments ─", "├ detail ─", "├ sockets ─", ">>>");
      return tmux;
    } catch (Exception | AssertionError e) {
      tmux.close();
      throw e;
    }
  }

  /** Starts the echo peer with {@code serve echo}; its port. */
  private static int serveEcho(Tmux tmux) throws Exception {
    enter(tmux, "serve echo", "peer echo: echo");
    Matcher m = ECHO.matcher(tmux.await(s -> ECHO.matcher(s).find(), WAIT, "the peer"));
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /**
   * Types {@code line} and Enter, then waits for {@code expect}, an empty input line and nothing
   * running.
   */
  private static String enter(Tmux tmux, String line, String expect) throws Exception {
    tmux.type(line);
    tmux.press("Enter");
    return tmux.await(s -> s.contains(expect) && EMPTY_INPUT.matcher(s).find()
        && !s.contains("running — Ctrl-C cancels"), WAIT,
        "'" + expect + "', an empty input line and nothing running");
  }
}

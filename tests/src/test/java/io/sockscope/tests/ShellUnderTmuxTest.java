package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sockscope shell} in a real terminal (tmux, 120×40), typed into as a person would: the
 * tutorial's client lines one by one with Tab completion, Ctrl-C during a {@code recv} that would
 * block for ever, then Ctrl-D. The process must end with status 0 and leave no socket behind.
 */
class ShellUnderTmuxTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern ECHO = Pattern.compile("echo listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dir;

  @Test
  void tutorialClientWithTabCompletionCtrlCAndCtrlD() throws Exception {
    Tmux.assumeInstalled();
    Path script = Launch.script(dir, "shell", "--no-peer");
    Path state = dir.resolve("state");
    try (Tmux tmux = Tmux.start(List.of(script.toString()),
        List.of("XDG_STATE_HOME=" + state, "TERM=xterm-256color"), 120, 40, dir)) {
      tmux.await(s -> s.contains("Tab completes") && s.stripTrailing().endsWith(">>>"), WAIT,
          "the greeting and the prompt");

      enter(tmux, "serve echo", "echo listening on");
      Matcher m = ECHO.matcher(tmux.screen());
      assertThat(m.find()).isTrue();
      int port = Integer.parseInt(m.group(1));

      enter(tmux, "import socket", ">>> import socket");
      enter(tmux, "HOST = \"127.0.0.1\"", ">>> HOST");
      enter(tmux, "PORT = " + port, ">>> PORT = " + port);
      enter(tmux, "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
          "[1] s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)");

      tmux.type("s.con");
      tmux.press("Tab");
      tmux.await(s -> s.contains("connect_ex(") && hasLine(s, ">>> s.connect"), WAIT,
          "s.con completed to s.connect, with connect( and connect_ex( offered");
      tmux.type("((HOST, PORT))");
      String screen = enter(tmux, "", "[2] s.connect((HOST, PORT))");
      assertThat(screen).containsPattern("\\[2] s\\.connect\\(\\(HOST, PORT\\)\\) +ok ");

      enter(tmux, "s.sendall(b\"Hello, world\")", "[3] s.sendall(b\"Hello, world\")");
      screen = enter(tmux, "data = s.recv(1024)", "[4] data = s.recv(1024)");
      assertThat(screen).containsPattern("\\[4] data = s\\.recv\\(1024\\) +→ b'Hello, world'");
      enter(tmux, "print(f\"Received {data!r}\")", "Received b'Hello, world'");

      tmux.type("s.rec");
      tmux.press("Tab");
      tmux.await(s -> lastLine(s).equals(">>> s.recv("), WAIT, "s.rec completed to s.recv(");
      tmux.type("1024)");
      tmux.press("Enter");
      // the entry is accepted once it is the last prompt line; records the live inspector prints
      // meanwhile (the peer's data explained, say) may follow it
      tmux.await(s -> lastPrompt(s).equals(">>> s.recv(1024)"), WAIT, "the recv accepted, waiting");
      tmux.press("C-c");
      screen = tmux.await(s -> s.contains("KeyboardInterrupt") && lastLine(s).equals(">>>"),
          WAIT, "the blocking recv cancelled and a new prompt");
      assertThat(screen).containsPattern("\\[5] s\\.recv\\(1024\\) +KeyboardInterrupt");

      enter(tmux, "s.sendall(b\"still usable\")", "[6] s.sendall(b\"still usable\")");
      screen = enter(tmux, "s.recv(1024)", "[7] s.recv(1024)");
      assertThat(screen).containsPattern("\\[7] s\\.recv\\(1024\\) +→ b'still usable'");
      screen = enter(tmux, "sockets", "recv-q");
      assertThat(screen).containsPattern("s +\\d+ +127\\.0\\.0\\.1:\\d+ +127\\.0\\.0\\.1:"
          + port + " +ESTABLISHED");

      tmux.press("C-d");
      tmux.await(s -> s.contains("peer echo: stopped"), WAIT, "the session's end");
      screen = tmux.await(s -> s.contains(Launch.ENDED), WAIT, "the process ended");
      assertThat(screen).contains(Launch.ENDED + "0");
      assertThat(screen).containsPattern("\\[8] s\\.close\\(\\) +ok .*\\(end of the session\\)")
          .doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(LoopbackTable.liveOnPort(port)).as("sockets left on the echo port").isEmpty();
      System.out.println("sockscope shell under tmux:\n" + screen.stripTrailing());
    }
    assertThat(Files.readString(state.resolve("sockscope/history")))
        .contains("s.connect((HOST, PORT))", "s.recv(1024)");
  }

  /** Types {@code line} and Enter, then waits for {@code expect} and a fresh prompt. */
  private static String enter(Tmux tmux, String line, String expect) throws Exception {
    if (!line.isEmpty()) {
      tmux.type(line);
    }
    tmux.press("Enter");
    return tmux.await(s -> s.contains(expect) && lastLine(s).equals(">>>"), WAIT,
        "'" + expect + "' and a new prompt");
  }

  private static boolean hasLine(String screen, String line) {
    return screen.lines().anyMatch(l -> l.stripTrailing().equals(line));
  }

  /** The last line of the screen that starts with a prompt, trailing blanks cut. */
  private static String lastPrompt(String screen) {
    return screen.lines().map(String::stripTrailing).filter(l -> l.startsWith(">>>"))
        .reduce((first, second) -> second).orElse("");
  }

  /** The last non-blank line of the screen, trailing blanks cut. */
  private static String lastLine(String screen) {
    String[] lines = screen.stripTrailing().split("\n");
    return lines[lines.length - 1].stripTrailing();
  }
}

package io.sockscope.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.kernel.ProcTcpEntry;
import io.sockscope.engine.kernel.TcpState;
import io.sockscope.inspector.capture.CaptureRequirement;
import io.sockscope.shell.live.CapturingInspector;
import io.sockscope.shell.run.CaptureSettings;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.LiveInspector;
import io.sockscope.shell.run.NoCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full-screen session end to end on Lanterna's virtual terminal: the echo peer on a port
 * the kernel picks, the tutorial's client typed key by key, a blocking recv cancelled with
 * Ctrl-C, a background job, F10; the terminal's screen read back as the user sees it, and
 * nothing left behind — no socket on the peer's port, no thread, no file descriptor.
 */
class FullScreenSessionTest {

  private static final Pattern ECHO = Pattern.compile("echo peer on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dir;

  private FullScreen.Settings settings(OptionalInt echoPort) {
    return new FullScreen.Settings(false, echoPort, Optional.of(dir.resolve("history")), dir,
        false, false);
  }

  private static NoCapture off() {
    return new NoCapture(new CaptureStatus.Off());
  }

  @Test
  void theTutorialClientAgainstTheEchoPeerThenF10() throws Exception {
    long fds = openFds();
    int port;
    FullScreen.Result result;
    String farewell;
    try (VirtualSession tui = new VirtualSession(80, 24, off(), settings(OptionalInt.of(0)))) {
      String screen = tui.await(s -> ECHO.matcher(s.replace("│\n│", "")).find(),
          "the echo peer's greeting");
      Matcher m = ECHO.matcher(screen.replace("│\n│", ""));
      assertThat(m.find()).isTrue();
      port = Integer.parseInt(m.group(1));
      tui.await(s -> s.contains("\n capture off │ echo 127.0.0.1:" + port + " │"),
          "the peer in the status bar");

      tui.enter("s = socket.socket()", "[1] s = socket.socket()");
      tui.enter("s.connect((\"127.0.0.1\", " + port + "))", "ok ");
      screen = tui.await(s -> s.contains("ESTAB"), "the socket ESTABLISHED in the sockets pane");
      assertThat(screen).containsPattern("│s  :\\d+→:" + port + "  ESTAB");
      tui.enter("s.send(b\"hi\\n\")", "[3] s.send(b\"hi\\n\")");
      screen = tui.enter("s.recv(1024)", "→ b'hi\\n'");
      assertThat(screen).contains("[4] s.recv(1024)");

      tui.type("s.recv(1024)");
      tui.press(KeyType.Enter);
      tui.await(s -> s.contains("[5] recv s  running"), "the blocking recv running");
      tui.ctrl('c');
      screen = tui.await(s -> s.contains("KeyboardInterrupt") && !s.contains("recv s  running"),
          "the recv cancelled");

      tui.enter("s.close()", "[6] s.close()");
      tui.press(KeyType.F10);
      result = tui.ended();
      farewell = tui.out();
      assertThat(tui.err()).isEmpty();
    }
    assertThat(result).isEqualTo(new FullScreen.Result.Ended(0));
    assertThat(farewell).contains("peer echo: stopped (echo on 127.0.0.1:" + port + ")");
    List<ProcTcpEntry> left = ProcNetTcp.byLocalPort(port).stream()
        .filter(e -> e.state() != TcpState.TIME_WAIT).toList();
    assertThat(left).as("sockets left on the echo port").isEmpty();
    assertThat(Files.readAllLines(dir.resolve("history")))
        .anyMatch(l -> l.endsWith(":s.send(b\"hi\\\\n\")"));
    assertNoThreadsLeft();
    awaitFds(fds);
  }

  @Test
  void withCaptureEachCallsSegmentsExplanationAndLadderShow() throws Exception {
    CaptureRequirement.assumeAvailable();
    LiveInspector live = CapturingInspector.FACTORY.open(new CaptureSettings(true, true,
        Optional.empty(), Optional.empty()));
    FullScreen.Settings required = new FullScreen.Settings(true, OptionalInt.of(0),
        Optional.empty(), dir, false, false);
    try (VirtualSession tui = new VirtualSession(200, 50, live, required)) {
      tui.await(s -> ECHO.matcher(s).find(), "the echo peer's greeting");
      tui.enter("s = socket.socket()", "[1] s = socket.socket()");
      String screen = tui.enter("s.connect(echo)", "= handshake:");
      assertThat(screen).contains("│[2] connect s   s.connect(echo)")
          .containsPattern("│ +1 \\+0\\.000000 > S   seq 0 win \\d+")
          .containsPattern("│ +2 \\+0\\.\\d{6} < S\\.  seq 0 ack 1 win \\d+")
          .containsPattern("│ +3 \\+0\\.\\d{6} > \\.   ack 1");
      screen = tui.enter("s.send(b\"hi\\n\")", "peer echo│");
      assertThat(screen).contains("│[3] send s").containsPattern("> P\\.  seq 1:4 ack 1 len 3")
          .containsPattern("< P\\.  seq 1:4 ack 4 len 3 .* peer echo│");
      tui.await(s -> Pattern.compile(" lo ● ([6-9]|\\d\\d+) captured, 0 dropped │").matcher(s)
          .find(), "capture's counts so far in the status bar");
      tui.press(KeyType.Tab);
      tui.type("g");
      tui.type("jjjjjj");
      screen = tui.await(s -> s.contains("│frame 4 "), "the data segment's detail");
      assertThat(screen).contains("│payload 3 bytes", "│0000  68 69 0a");
      tui.type("l");
      screen = tui.await(s -> s.contains("┌ ladder of connection 0") && s.contains("│  data"),
          "the ladder");
      assertThat(screen).containsPattern("│ +2  │ ◀─ S\\.  seq 0 ack 1 .*│  handshake");
      tui.press(KeyType.Escape);
      tui.press(KeyType.F10);
      assertThat(tui.ended()).isEqualTo(new FullScreen.Result.Ended(0));
      assertThat(tui.out()).containsPattern("capture: lo, \\d+ frames captured, 0 dropped");
    }
  }

  @Test
  void aBackgroundCallReportsWhenItIsDoneAndTheScreenStaysLive() throws Exception {
    try (VirtualSession tui = new VirtualSession(200, 50, off(), settings(OptionalInt.of(0)))) {
      tui.await(s -> ECHO.matcher(s).find(), "the echo peer's greeting");
      tui.enter("c = socket.socket()", "[1] c = socket.socket()");
      tui.enter("c.connect(echo)", "[2] c.connect(echo)");
      tui.enter("c.recv(100) &", "running in the background");
      tui.enter("x = 6 * 7", ">>> x = 6 * 7");
      tui.enter("x", "42");
      tui.enter("c.send(b\"ping\")", "[4] c.send(b\"ping\")");
      String screen = tui.await(s -> s.contains("[&1] done"), "the job done");
      assertThat(screen).containsPattern("\\[3] c\\.recv\\(100\\) & +→ b'ping'");
      tui.press(KeyType.F10);
      assertThat(tui.ended()).isEqualTo(new FullScreen.Result.Ended(0));
      assertThat(tui.out()).containsPattern("c\\.close\\(\\) +ok .*\\(end of the session\\)");
    }
  }

  @Test
  void aBadEntryGetsOneLineAndTheSessionGoesOn() throws Exception {
    try (VirtualSession tui = new VirtualSession(80, 24, off(), settings(OptionalInt.empty()))) {
      tui.await(s -> s.contains("starts an echo peer."), "the greeting");
      String screen = tui.enter("s.connect((1,)) )", "<stdin>:1:");
      assertThat(screen).doesNotContain("Exception").doesNotContain("\tat ");
      screen = tui.enter("c = socket.socket(); c.connect((\"127.0.0.1\", 1))",
          "<stdin>:1: ConnectionRefusedError");
      assertThat(screen).contains("Connection refused");
      tui.enter("print(\"still here\")", "still here");
    }
  }

  @Test
  void exitEndsTheSessionWithItsCode() throws Exception {
    try (VirtualSession tui = new VirtualSession(80, 24, off(), settings(OptionalInt.empty()))) {
      tui.await(s -> s.contains("starts an echo peer."), "the greeting");
      tui.type("exit(3)");
      tui.press(KeyType.Enter);
      assertThat(tui.ended()).isEqualTo(new FullScreen.Result.Ended(3));
    }
  }

  @Test
  void aTakenEchoPortIsSaidAndTheSessionGoesOn() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        VirtualSession tui = new VirtualSession(200, 50, off(),
            settings(OptionalInt.of(taken.getLocalPort())))) {
      tui.await(s -> s.contains("port " + taken.getLocalPort() + " is taken, so no echo peer "
          + "started"), "the taken port");
      tui.await(s -> s.endsWith(" capture off │ no peer │ Tab panes  F1 help  F10 quit"),
          "no peer in the status bar");
      tui.enter("serve echo", "peer echo: echo listening on 127.0.0.1:");
    }
  }

  @Test
  void requiredCaptureThatCannotRunEndsWithThreeBeforeTheScreen() throws Exception {
    FullScreen.Settings required = new FullScreen.Settings(true, OptionalInt.empty(),
        Optional.empty(), dir, false, false);
    try (VirtualSession tui = new VirtualSession(80, 24,
        new NoCapture(new CaptureStatus.Unavailable("no privilege")), required)) {
      assertThat(tui.ended()).isEqualTo(new FullScreen.Result.Ended(3));
      assertThat(tui.err()).isEqualTo("sockscope: capture is required (--require-capture) but "
          + "not running: no privilege\n");
      assertThat(tui.screen()).isBlank();
    }
  }

  private static void assertNoThreadsLeft() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      List<String> left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
          .filter(n -> n.startsWith("sockscope") || n.contains("Lanterna")).toList();
      if (left.isEmpty()) {
        return;
      }
      assertThat(Instant.now()).as("threads left: " + left).isBefore(deadline);
      Thread.sleep(20);
    }
  }

  private static void awaitFds(long baseline) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (openFds() > baseline) {
      assertThat(Instant.now()).as("file descriptors back to " + baseline + ", now "
          + openFds()).isBefore(deadline);
      Thread.sleep(20);
    }
  }

  private static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}

package io.sockscope.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.Op;
import io.sockscope.shell.render.Styler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line shell as a person uses it: a real JLine reader over pipes, a real session with its
 * engine, real sockets on loopback and the built-in echo peer on a port the kernel picks.
 */
class LineShellTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Pattern ECHO_PORT = Pattern.compile("echo peer on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dir;

  private long baselineFds;
  private TerminalPipes pipes;
  private ObservedInspector live;
  private Thread shell;
  private final AtomicInteger exitCode = new AtomicInteger(-1);

  private void start(OptionalInt echoPort) throws IOException {
    start(echoPort, false);
  }

  private void start(OptionalInt echoPort, boolean json) throws IOException {
    baselineFds = openFds();
    pipes = new TerminalPipes("xterm-256color");
    live = new ObservedInspector();
    LineShell.Settings settings = new LineShell.Settings(json, Styler.PLAIN, false, echoPort,
        Optional.empty(), dir, false);
    shell = Thread.ofPlatform().name("line-shell").start(
        () -> exitCode.set(LineShell.run(pipes.terminal(), live, false, settings)));
    awaitIdle();
  }

  /** Starts the shell with its echo peer; returns the peer's port. */
  private int startWithEcho() throws IOException {
    start(OptionalInt.of(0));
    Matcher m = ECHO_PORT.matcher(pipes.awaitScreen(s -> ECHO_PORT.matcher(s).find(), WAIT,
        "the echo peer's greeting"));
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** Waits until the prompt is the last thing on the screen: the shell waits for a line. */
  private String awaitIdle() {
    return pipes.awaitScreen(s -> s.endsWith(">>> "), WAIT, "an empty prompt");
  }

  /** Types an entry and Enter, then waits for the shell to be back at an empty prompt. */
  private String enter(String line, String expect) throws IOException {
    pipes.type(line + "\r");
    pipes.awaitScreen(s -> s.contains(expect), WAIT, expect);
    return awaitIdle();
  }

  private int awaitExit() throws InterruptedException {
    shell.join(WAIT.toMillis());
    assertThat(shell.isAlive()).as("the shell ended").isFalse();
    return exitCode.get();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (pipes != null) {
      pipes.close();
    }
    if (shell != null) {
      shell.join(WAIT.toMillis());
      assertThat(shell.isAlive()).as("the shell thread ended").isFalse();
    }
  }

  private static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void tutorialClientLinesRunOneByOneAndCtrlDClosesEverything() throws Exception {
    int port = startWithEcho();
    enter("import socket", ">>> import socket");
    enter("s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)", "[1] s = socket.socket(");
    String shown = enter("s.connect((\"127.0.0.1\", " + port + "))",
        "[2] s.connect((\"127.0.0.1\", " + port + "))");
    assertThat(shown).containsPattern("\\[2] s\\.connect\\(.*\\) +ok ");
    enter("s.sendall(b\"hello\\n\")", "[3] s.sendall(b\"hello\\n\")");
    enter("reply = s.recv(1024)", "[4] reply = s.recv(1024)");
    shown = enter("print(\"reply:\", reply)", "reply: b'hello\\n'");
    assertThat(shown).containsPattern("\\[4] reply = s\\.recv\\(1024\\) +→ b'hello\\\\n'");

    pipes.type("\u0004");
    assertThat(awaitExit()).isZero();
    String end = pipes.awaitScreen(s -> s.contains("peer echo: stopped"), WAIT, "the peer stop");
    assertThat(end).containsPattern("\\[5] s\\.close\\(\\) +ok .*\\(end of the session\\)");
    assertThat(live.engine.sockets()).isEmpty();
    assertThat(live.engine.peers()).isEmpty();
    pipes.close();
    pipes = null;
    assertThat(openFds()).as("file descriptors back to where they were").isEqualTo(baselineFds);
  }

  @Test
  void blockEntryContinuesUntilABlankLineThenRuns() throws Exception {
    int port = startWithEcho();
    pipes.type("with socket.socket() as c:\r");
    pipes.awaitScreen(s -> s.endsWith("...     "), WAIT, "the indented continuation prompt");
    pipes.type("c.connect((\"127.0.0.1\", " + port + "))\r");
    pipes.awaitScreen(s -> s.endsWith("...     "), WAIT, "the continuation prompt again");
    pipes.type("c.sendall(b\"x\")\r\r");
    String shown = pipes.awaitScreen(s -> s.contains("(end of with block)"), WAIT,
        "the with block's close");
    assertThat(shown).containsPattern("\\[1] with socket\\.socket\\(\\) as c: +fd \\d+")
        .containsPattern("\\[2] c\\.connect\\(.*\\) +ok ")
        .containsPattern("\\[3] c\\.sendall\\(b\"x\"\\) +ok ")
        .containsPattern("\\[4] c\\.close\\(\\) +ok .*\\(end of with block\\)");
    awaitIdle();
    assertThat(live.engine.sockets()).isEmpty();
  }

  @Test
  void indentationTypedAsInPythonsReplIsNotDoubled() throws Exception {
    int port = startWithEcho();
    pipes.type("with socket.socket() as c:\r");
    pipes.awaitScreen(s -> s.endsWith("...     "), WAIT, "the indented continuation prompt");
    pipes.type("    c.connect((\"127.0.0.1\", " + port + "))\r");
    pipes.awaitScreen(s -> s.endsWith("...     "), WAIT, "the continuation prompt again");
    pipes.type("    c.sendall(b\"x\")\r\r");
    String shown = pipes.awaitScreen(s -> s.contains("(end of with block)"), WAIT,
        "the with block's close");
    assertThat(shown).doesNotContain("unexpected indent")
        .containsPattern("\\[2] c\\.connect\\(.*\\) +ok ")
        .containsPattern("\\[3] c\\.sendall\\(b\"x\"\\) +ok ");
    awaitIdle();
  }

  @Test
  void ctrlCCancelsABlockingRecvAndTheSocketStaysUsable() throws Exception {
    int port = startWithEcho();
    enter("s = socket.socket()", "[1]");
    enter("s.connect((\"127.0.0.1\", " + port + "))", "[2]");
    live.started.clear();
    pipes.type("s.recv(1024)\r");
    EngineEvent.CallStarted recv = live.started.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(recv).isNotNull();
    assertThat(recv.op()).isEqualTo(Op.RECV);
    assertThat(live.engine.runningCalls()).extracting(EngineEvent.CallStarted::id)
        .contains(recv.id());

    pipes.type("\u0003");
    String shown = pipes.awaitScreen(s -> s.contains("KeyboardInterrupt"), WAIT,
        "the recv interrupted");
    assertThat(shown).containsPattern("\\[3] s\\.recv\\(1024\\) +KeyboardInterrupt");
    awaitIdle();
    assertThat(live.engine.runningCalls()).isEmpty();

    enter("s.sendall(b\"again\")", "[4] s.sendall(b\"again\")");
    shown = enter("s.recv(1024)", "[5] s.recv(1024)");
    assertThat(shown).containsPattern("\\[5] s\\.recv\\(1024\\) +→ b'again'");
    pipes.type("exit\r");
    assertThat(awaitExit()).isZero();
    assertThat(live.engine.sockets()).isEmpty();
  }

  @Test
  void backgroundCallReportsAboveThePromptAndTheTypedLineSurvives() throws Exception {
    start(OptionalInt.empty());
    enter("srv = socket.socket()", "[1]");
    enter("srv.bind((\"127.0.0.1\", 0))", "[2]");
    enter("srv.listen(1)", "[3]");
    String shown = enter("srv.getsockname()", "[4] srv.getsockname()");
    Matcher m = Pattern.compile("\\('127\\.0\\.0\\.1', (\\d+)\\)").matcher(shown);
    assertThat(m.find()).as("the listener's address").isTrue();
    int port = Integer.parseInt(m.group(1));
    enter("conn, addr = srv.accept() &", "[&1]");

    pipes.type("print(co");
    pipes.awaitScreen(s -> s.endsWith(">>> print(co"), WAIT, "the half-typed line");
    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
      shown = pipes.awaitScreen(s -> s.contains("(job 1)") && s.endsWith(">>> print(co"), WAIT,
          "the accept reported above the half-typed line");
      assertThat(shown).containsPattern("\\[5] conn, addr = srv\\.accept\\(\\).*\\(job 1\\)");
      pipes.type("nn.getpeername())\r");
      shown = pipes.awaitScreen(s -> s.contains("[6] print(conn.getpeername())"), WAIT,
          "the completed line run");
      assertThat(shown).contains("('127.0.0.1', " + client.getLocalPort() + ")");
      awaitIdle();
    }
    pipes.type("\u0004");
    assertThat(awaitExit()).isZero();
    assertThat(live.engine.sockets()).isEmpty();
  }

  @Test
  void failedBackgroundCallIsShownOnceAndTheNextEntryRuns() throws Exception {
    int port = startWithEcho();
    enter("s = socket.socket()", "[1]");
    enter("s.connect((\"127.0.0.1\", " + port + "))", "[2]");
    enter("s.settimeout(0.2)", "[3]");
    pipes.type("s.recv(1024) &\r");
    pipes.awaitScreen(s -> s.contains("failed: TimeoutError: timed out") && s.endsWith(">>> "),
        WAIT, "the background recv's failure");
    String shown = enter("print(\"next\")", "next");
    assertThat(shown.substring(shown.indexOf(">>> print(\"next\")")))
        .doesNotContain("TimeoutError");
    pipes.type("\u0004");
    assertThat(awaitExit()).isZero();
  }

  @Test
  void helpListsEveryStatementNarrowlyAndShowsOneWithItsExample() throws Exception {
    start(OptionalInt.empty());
    String shown = enter("help", "help COMMAND shows one with an example.");
    for (io.sockscope.shell.lang.Command c : io.sockscope.shell.lang.Vocabulary.commands()) {
      assertThat(shown).contains("  " + c.usage());
    }
    assertThat(shown).containsPattern("(?m)^  connect NAME HOST:PORT {2,8}connect to HOST:PORT")
        .containsPattern("(?m)^  expect ok \\| error ERRNO.*\n {20,40}check what the statement");
    shown = enter("help setsockopt", "example: opt s reuseaddr 1");
    assertThat(shown)
        .contains("in Python: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)");
    pipes.type("\u0004");
    assertThat(awaitExit()).isZero();
  }

  @Test
  void badEntriesGetOneLineAndTheShellGoesOn() throws Exception {
    start(OptionalInt.empty());
    String shown = enter("connect s", "expected HOST:PORT");
    assertThat(shown).contains("<stdin>:1:10: expected HOST:PORT after 'connect s'");
    shown = enter("nosuch.recv(1)", "NameError");
    assertThat(shown).contains("NameError: name 'nosuch' is not defined");
    assertThat(pipes.screen()).doesNotContain("\tat ").doesNotContain("Exception");
    enter("x = 41 + 1", ">>> x = 41 + 1");
    enter("x", "42");
    pipes.type("exit(3)\r");
    assertThat(awaitExit()).isEqualTo(3);
  }

  @Test
  void ctrlCAtThePromptClearsTheLine() throws Exception {
    start(OptionalInt.empty());
    pipes.type("half a line");
    pipes.awaitScreen(s -> s.endsWith(">>> half a line"), WAIT, "the typed text");
    pipes.type("\u0003");
    awaitIdle();
    enter("print(\"still here\")", "still here");
    pipes.type("\u0004");
    assertThat(awaitExit()).isZero();
  }

  @Test
  void takenEchoPortIsSaidAndTheShellCarriesOn() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      start(OptionalInt.of(taken.getLocalPort()));
      pipes.awaitScreen(s -> s.contains("port " + taken.getLocalPort()
          + " is taken, so no echo peer started"), WAIT, "the taken port said");
      assertThat(live.engine.peers()).isEmpty();
      enter("peers", ">>> peers");
      pipes.type("\u0004");
      assertThat(awaitExit()).isZero();
    }
  }

  @Test
  void jsonShellWritesEachRecordAsAJsonLine() throws Exception {
    start(OptionalInt.empty(), true);
    String shown = enter("socket s", "\"type\":\"call\"");
    assertThat(shown.lines().filter(l -> l.startsWith("{\"type\":\"call\""))).singleElement()
        .satisfies(l -> assertThat(l).contains("\"socket\":\"s\"", "\"op\":\"socket\"",
            "\"ok\":true"));
    pipes.type("\u0004");
    assertThat(awaitExit()).isZero();
  }

  @Test
  void requiredCaptureThatIsNotRunningEndsWithCodeThree() throws Exception {
    pipes = new TerminalPipes("xterm-256color");
    live = new ObservedInspector();
    LineShell.Settings settings = new LineShell.Settings(false, Styler.PLAIN, false,
        OptionalInt.of(0), Optional.empty(), dir, false);
    assertThat(LineShell.run(pipes.terminal(), live, true, settings)).isEqualTo(3);
    pipes.awaitScreen(s -> s.contains("capture is required (--require-capture) but not running"),
        WAIT, "why the shell did not start");
    assertThat(live.engine.peers()).isEmpty();
    assertThat(live.engine.sockets()).isEmpty();
  }

  @Test
  void withoutPeerTheGreetingStillTellsTheKeys() throws Exception {
    start(OptionalInt.empty());
    assertThat(pipes.screen()).contains("help lists the statements, Tab completes, Ctrl-D leaves");
    assertThat(live.engine.peers()).isEmpty();
    pipes.type("\u0004");
    assertThat(awaitExit()).isZero();
  }
}

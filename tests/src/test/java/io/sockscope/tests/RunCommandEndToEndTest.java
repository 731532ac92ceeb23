package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sockscope run} as a user meets it: the golden transcript, exit codes, error lines,
 * standard input. The golden file is rewritten from the actual output with
 * {@code -Dsockscope.regenerate=true} and then reviewed like code.
 */
class RunCommandEndToEndTest {
  private static final boolean REGENERATE = Boolean.getBoolean("sockscope.regenerate");

  @TempDir Path dir;

  /** The transcript with what changes from run to run (ports, fds, times, queues) replaced. */
  static String normalized(String transcript) {
    return transcript
        .replaceAll("\\d+\\.\\d\\d (ms|s)\\b", "T")
        .replaceAll("rtt \\d+(\\.\\d+)? (µs|ms)", "rtt R")
        .replaceAll("fd \\d+", "fd N")
        .replaceAll("send-q \\d+ B  recv-q \\d+ B", "send-q Q  recv-q Q")
        .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
        .replaceAll("'127\\.0\\.0\\.1', \\d+", "'127.0.0.1', PORT")
        .replaceAll("keeps it \\d+ s more", "keeps it S s more");
  }

  @Test
  void theTranscriptOfAScriptMatchesItsGoldenCopy() throws IOException {
    Path script = Sockscope.resource("golden/echo-and-refusal.sc");
    Sockscope.Result result = Sockscope.run("run", "--no-capture", script.toString());
    assertThat(result.exitCode()).as("stderr: %s", result.stderr()).isZero();
    String actual = normalized(result.stdout());
    Path golden = script.resolveSibling("echo-and-refusal.txt");
    if (REGENERATE) {
      Files.writeString(golden, actual);
    }
    assertThat(actual).isEqualTo(Sockscope.read(golden));
  }

  @Test
  void aSyntaxErrorExitsTwoWithFileLineColumnAndRunsNothing() throws IOException {
    Path script = Files.writeString(dir.resolve("broken.py"),
        "serve echo\nprint('ran')\ns.connect((\"127.0.0.1\", 9000)\n");
    Sockscope.Result result = Sockscope.run("run", "--no-capture", script.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).isEqualTo(script + ":3:10: '(' was never closed\n");
  }

  @Test
  void aFailingStatementStopsTheRunWithExitCodeOne() throws IOException {
    Path script = Files.writeString(dir.resolve("refused.py"), """
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        c = socket.socket()
        c.connect(server.getsockname())
        print("never")
        """);
    Sockscope.Result result = Sockscope.run("run", "--no-capture", script.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout()).doesNotContain("never")
        .contains("ConnectionRefusedError: [Errno 111] Connection refused");
    assertThat(result.stderr())
        .isEqualTo(script + ":4: ConnectionRefusedError: [Errno 111] Connection refused\n");
  }

  @Test
  void expectErrorAcceptsTheFailure() {
    Sockscope.Result result = Sockscope.runWithInput("""
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        c = socket.socket()
        c.connect(server.getsockname())
        expect error ECONNREFUSED
        print("went on")
        """, "run", "--no-capture", "-");
    assertThat(result.exitCode()).isZero();
    assertThat(result.stderr()).isEmpty();
    assertThat(result.lines()).contains("went on").anyMatch(l ->
        l.startsWith("  ✓ expect error ECONNREFUSED") && l.endsWith("Connection refused"));
  }

  @Test
  void aFailedExpectationShowsExpectedAndGotAndExitsOne() {
    Sockscope.Result result = Sockscope.runWithInput("""
        serve echo
        s = socket.create_connection(echo)
        s.sendall(b"hi")
        s.recv(10)
        expect recv b"hihi"
        print("never")
        """, "run", "--no-capture", "-");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lines()).noneMatch(l -> l.equals("never")).anyMatch(l ->
        l.startsWith("  ✗ expect recv b\"hihi\"") && l.endsWith("expected b'hihi', got b'hi'"));
    assertThat(result.stderr()).isEqualTo("<stdin>:5: expectation not met: expect recv "
        + "b\"hihi\": expected b'hihi', got b'hi'\n");
  }

  @Test
  void anExpectationThatNeedsCaptureExitsThree() {
    Sockscope.Result result = Sockscope.run("run", "--no-capture", "-e", "s = socket.socket()",
        "-e", "expect segment > S");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stderr()).isEqualTo(
        "-e[2]:1: expect segment > S needs live capture: capture is off (--no-capture)\n");
  }

  @Test
  void runIsListedInTheCommandsHelp() {
    Sockscope.Result result = Sockscope.run("--help");
    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).contains("run");
    Sockscope.Result runHelp = Sockscope.run("run", "--help");
    assertThat(runHelp.stdout()).contains("Usage: sockscope run", "--no-capture", "Examples:");
  }

  @Test
  void aCommandLineThatDoesNotParseIsOneLineAndExitTwo() {
    Sockscope.Result unknown = Sockscope.run("run", "--bogus");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stdout()).isEmpty();
    assertThat(unknown.stderr()).isEqualTo("sockscope run: Unknown option: '--bogus' "
        + "(sockscope run --help shows the options)\n");

    Sockscope.Result misspelt = Sockscope.run("explain", "--sumary", "x.pcap");
    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.stderr().lines().toList()).containsExactly(
        "sockscope explain: Unknown option: '--sumary' (sockscope explain --help shows the "
            + "options)", "Possible solutions: --summary");

    Sockscope.Result command = Sockscope.run("explian", "x.pcap");
    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.stderr()).contains("Did you mean: sockscope explain?");
  }
}

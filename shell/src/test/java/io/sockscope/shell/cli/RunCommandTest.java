package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.shell.render.Styler;
import io.sockscope.shell.run.NoCapture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sockscope run} in this JVM: sources, their order, exit codes and error lines. */
class RunCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, String... args) {
    RunCommand command = new RunCommand(NoCapture.FACTORY, Styler.PLAIN,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    CommandLine cli = new CommandLine(command);
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    return cli.execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void filesStatementsAndStandardInputRunInTheOrderGiven() throws IOException {
    Path two = file("two.py", "print(2)\n");
    int code = run("print('in')\n", "--no-capture", "-e", "print(1)", two.toString(), "-",
        "-e", "print(3)");
    assertThat(code).isZero();
    assertThat(out()).isEqualTo("1\n2\nin\n3\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void theFilesShareOneSession() throws IOException {
    Path first = file("first.py", "x = 40\n");
    Path second = file("second.py", "print(x + 2)\n");
    assertThat(run("", "--no-capture", first.toString(), second.toString())).isZero();
    assertThat(out()).isEqualTo("42\n");
  }

  @Test
  void aSyntaxErrorAnywhereExitsTwoBeforeAnythingRuns() throws IOException {
    Path good = file("good.py", "print('ran')\n");
    Path bad = file("bad.py", "x = 1\nif x\n    pass\n");
    assertThat(run("", "--no-capture", good.toString(), bad.toString())).isEqualTo(2);
    assertThat(out()).isEmpty();
    assertThat(err()).isEqualTo(bad + ":2:5: expected ':'\n");
  }

  @Test
  void aFailingStatementExitsOneWithFileLineAndTheException() throws IOException {
    Path script = file("fail.py", "print('a')\nraise ValueError('bad value')\nprint('b')\n");
    assertThat(run("", "--no-capture", script.toString())).isEqualTo(1);
    assertThat(out()).isEqualTo("a\n");
    assertThat(err()).isEqualTo(script + ":2: ValueError: bad value\n");
  }

  @Test
  void inJsonTheErrorIsARecordAndStandardErrorStaysEmpty() {
    assertThat(run("", "--json", "--no-capture", "-e", "undefined")).isEqualTo(1);
    assertThat(err()).isEmpty();
    assertThat(out()).isEqualTo("{\"type\":\"error\",\"file\":\"-e\",\"line\":1,\"kind\":"
        + "\"exception\",\"exception\":\"NameError\",\"text\":\"NameError: name 'undefined' is "
        + "not defined\"}\n");
  }

  @Test
  void sysExitGivesItsCode() {
    assertThat(run("", "--no-capture", "-e", "import sys", "-e", "sys.exit(5)")).isEqualTo(5);
    assertThat(run("", "--no-capture", "-e", "exit")).isZero();
  }

  @Test
  void usageMistakesExitTwoWithOneLine() throws IOException {
    assertThat(run("")).isEqualTo(2);
    assertThat(err()).startsWith("sockscope run: nothing to run:");
    err.reset();
    assertThat(run("", dir.resolve("missing.py").toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("sockscope run: cannot read " + dir.resolve("missing.py")
        + ": no such file\n");
    err.reset();
    assertThat(run("", "-", "-")).isEqualTo(2);
    assertThat(err()).isEqualTo("sockscope run: - (standard input) can be given only once\n");
    err.reset();
    assertThat(run("", "--no-capture", "--require-capture", "-e", "x = 1")).isEqualTo(2);
    err.reset();
    Path latin = Files.write(dir.resolve("latin.py"), new byte[] {'#', (byte) 0xe9, '\n'});
    assertThat(run("", latin.toString())).isEqualTo(2);
    assertThat(err()).endsWith("it is not UTF-8 text\n");
    err.reset();
    assertThat(run("", "--color=sometimes", "-e", "x = 1")).isEqualTo(2);
    assertThat(err()).contains("--color");
  }

  @Test
  void requiredCaptureThatCannotRunExitsThreeAndRunsNothing() {
    assertThat(run("", "--require-capture", "-e", "print('ran')")).isEqualTo(3);
    assertThat(out()).doesNotContain("ran");
    assertThat(err()).isEqualTo("sockscope run: capture is required (--require-capture) but not "
        + "running: " + NoCapture.NOT_BUILT_IN + "\n");
  }

  @Test
  void withoutNoCaptureOneLineSaysCaptureIsNotActive() {
    assertThat(run("", "-e", "print('ran')")).isZero();
    assertThat(out()).isEqualTo("capture: unavailable: " + NoCapture.NOT_BUILT_IN + "\nran\n");
  }

  @Test
  void helpListsEveryOptionWithExamples() {
    assertThat(run("", "--help")).isZero();
    assertThat(out()).contains("--json", "--no-capture", "--require-capture", "--iface",
        "--write", "--color", "--debug", "--execute", "FILE", "Examples:", "Exit codes:");
  }
}

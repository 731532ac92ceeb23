package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code echo ... | sockscope shell}: with standard input a pipe the shell is {@code sockscope
 * run -} — no prompt, no line editing, the same transcript, the same exit codes.
 */
class ShellPipeTest {

  private record Result(int code, String out, String err) {}

  private static Result run(String input, String... args) throws Exception {
    Process p = new ProcessBuilder(Launch.command(args)).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p, false));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p, true));
    try (var stdin = p.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sockscope " + String.join(" ", args) + " did not end in 60 s");
    }
    return new Result(p.exitValue(), out.get(), err.get());
  }

  private static String read(Process p, boolean error) {
    try {
      return new String((error ? p.getErrorStream() : p.getInputStream()).readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Durations, fds, ports, queue sizes (the echo may or may not have come back yet) and the state
   * a closed socket is in (FIN_WAIT1 or already TIME_WAIT) vary from run to run; the rest must
   * not.
   */
  private static String normalised(String transcript) {
    return transcript.replaceAll("state (\\w+) \\w+ .*fd closed.*", "state $1 closing")
        .replaceAll("(send|recv)-q \\d+ B", "$1-q Q")
        .replaceAll("\\d+\\.\\d+ (ms|s|µs)", "T")
        .replaceAll("fd \\d+", "fd N")
        .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:P")
        .replaceAll("rtt \\d+ µs", "rtt R")
        .replaceAll(" +", " ");
  }

  @Test
  void pipedShellIsRunDash() throws Exception {
    String script = String.join("\n",
        "serve echo 0 as e",
        "s = socket.socket()",
        "s.connect(e)",
        "s.sendall(b\"hi\")",
        "print(\"reply:\", s.recv(1024))",
        "");
    Result shell = run(script, "shell", "--no-capture");
    Result runDash = run(script, "run", "--no-capture", "-");
    assertThat(shell.code()).isZero();
    assertThat(shell.out()).contains("reply: b'hi'").doesNotContain(">>>");
    assertThat(normalised(shell.out())).isEqualTo(normalised(runDash.out()));
    assertThat(shell.err()).isEqualTo(runDash.err());
  }

  @Test
  void pipedShellHasRunsExitCodes() throws Exception {
    Result failed = run("socket s\nconnect s 127.0.0.1:1\n", "shell", "--no-capture");
    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err()).contains("ConnectionRefusedError").doesNotContain("\tat ");

    Result syntax = run("connect s\n", "shell", "--no-capture");
    assertThat(syntax.code()).isEqualTo(2);
    assertThat(syntax.err().strip()).isEqualTo("<stdin>:1:10: expected HOST:PORT after 'connect s'");

    Result exited = run("exit(4)\n", "shell", "--no-capture");
    assertThat(exited.code()).isEqualTo(4);
  }

  @Test
  void shellHelpNamesItsOptions() throws Exception {
    Result help = run("", "shell", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--no-peer", "--no-capture", "--require-capture", "--json",
        "--color", "-i, --iface", "-w, --write", "--debug");
    List<String> lines = help.out().lines().toList();
    assertThat(lines.getFirst()).startsWith("The line shell:");
    assertThat(lines.get(1)).startsWith("Usage: sockscope shell");
  }
}

package io.sockscope.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program running in a detached tmux session of fixed size, driven as a person drives a
 * terminal: keys in with {@code send-keys}, the screen read with {@code capture-pane -p}. Each
 * instance has a tmux server of its own (its socket in the test's directory), killed on close,
 * and keeps the pane after the program exits so its last screen can be read.
 *
 * <p>Without tmux the test is skipped, saying why, unless {@value #REQUIRE_VARIABLE} is
 * {@code 1} (CI), where it fails.
 */
final class Tmux implements AutoCloseable {

  static final String REQUIRE_VARIABLE = "SOCKSCOPE_REQUIRE_CAPTURE";

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

  private final Path socket;
  private final String session = "sockscope";

  private Tmux(Path socket) {
    this.socket = socket;
  }

  /** Skips (or, in CI, fails) the test when tmux cannot run. */
  static void assumeInstalled() {
    String problem = installProblem();
    if (problem == null) {
      return;
    }
    if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
      Assertions.fail(REQUIRE_VARIABLE + "=1 but " + problem);
    }
    System.err.println("tmux test skipped: " + problem);
    Assumptions.abort(problem);
  }

  private static String installProblem() {
    try {
      Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
      if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "tmux -V did not answer within " + COMMAND_TIMEOUT;
      }
      return p.exitValue() == 0 ? null : "tmux -V exited with " + p.exitValue();
    } catch (IOException e) {
      return "tmux is not installed (apt-get install tmux): " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while looking for tmux";
    }
  }

  /**
   * Starts {@code command} in a new {@code columns}×{@code rows} session with the environment
   * additions {@code env} ({@code NAME=value}).
   */
  static Tmux start(List<String> command, List<String> env, int columns, int rows, Path dir)
      throws IOException, InterruptedException {
    Tmux tmux = new Tmux(dir.resolve("tmux.sock"));
    Path config = Files.writeString(dir.resolve("tmux.conf"),
        "set -g remain-on-exit on\nset -g status off\nset -g history-limit 5000\n",
        StandardCharsets.UTF_8);
    List<String> shell = new ArrayList<>(List.of("env"));
    shell.addAll(env);
    shell.addAll(command);
    List<String> args = new ArrayList<>(List.of("-f", config.toString(), "new-session", "-d",
        "-s", tmux.session, "-x", String.valueOf(columns), "-y", String.valueOf(rows), "-c",
        dir.toString()));
    args.add(String.join(" ", shell.stream().map(Tmux::quoted).toList()));
    tmux.run(args);
    return tmux;
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Types {@code text} literally (no key names). */
  void type(String text) throws IOException, InterruptedException {
    run(List.of("send-keys", "-t", session, "-l", text));
  }

  /** Presses keys by tmux's names: {@code Enter}, {@code Tab}, {@code C-c}, {@code C-d}. */
  void press(String... keys) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    run(args);
  }

  /** The process id of the pane's command. */
  long panePid() throws IOException, InterruptedException {
    return Long.parseLong(run(List.of("display-message", "-p", "-t", session, "#{pane_pid}"))
        .strip());
  }

  /** The pane's text, the scrollback included, trailing blanks cut. */
  String screen() throws IOException, InterruptedException {
    return run(List.of("capture-pane", "-p", "-J", "-S", "-", "-t", session));
  }

  /** Polls the screen until {@code condition} holds; fails with the screen after the deadline. */
  String await(Predicate<String> condition, Duration timeout, String what)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      String now = screen();
      if (condition.test(now)) {
        return now;
      }
      if (Instant.now().isAfter(deadline)) {
        Assertions.fail("the screen never showed " + what + " within " + timeout
            + "; it shows:\n" + now);
      }
      Thread.sleep(50);
    }
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      Assertions.fail("tmux " + args + " did not finish within " + COMMAND_TIMEOUT);
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      Assertions.fail("tmux " + args + " failed (" + p.exitValue() + "): " + text);
    }
    return text;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("tmux", "-S", socket.toString(), "kill-server")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }
}

package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A child process of the built {@code sockscope} (dist's jar and libraries, as the launcher runs
 * them) whose output is read as it comes, so a test can wait for "listening on" and send it
 * signals. It starts through {@code env --default-signal=INT}: a child inherits ignored signals,
 * and a test JVM started from a background job would otherwise pass SIGINT on ignored.
 */
final class CaptureProcess implements AutoCloseable {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final Process process;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Thread outReader;
  private final Thread errReader;

  private CaptureProcess(Process process) {
    this.process = process;
    this.outReader = copy(process.getInputStream(), out);
    this.errReader = copy(process.getErrorStream(), err);
  }

  /** Starts {@code sockscope ARGS...}, with {@code prefix} (setpriv, say) in front of java. */
  static CaptureProcess start(List<String> prefix, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of("env", "--default-signal=INT", java,
        "--enable-native-access=ALL-UNNAMED", "-cp",
        Sockscope.DIST.resolve("sockscope-dist.jar") + ":" + Sockscope.DIST.resolve("lib") + "/*",
        "io.sockscope.dist.Main"));
    command.addAll(List.of(args));
    assertThat(Sockscope.DIST.resolve("sockscope-dist.jar")).as("the built command").exists();
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    return new CaptureProcess(process);
  }

  static CaptureProcess start(String... args) throws IOException {
    return start(List.of(), args);
  }

  private static Thread copy(InputStream in, ByteArrayOutputStream to) {
    return Thread.ofPlatform().name("capture-child-output").start(() -> {
      try (in) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
          synchronized (to) {
            to.write(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  String out() {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  String err() {
    synchronized (err) {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  CaptureProcess awaitListening() throws InterruptedException {
    await(() -> err().contains("listening on "), "the listening line");
    return this;
  }

  CaptureProcess awaitOut(Predicate<String> test) throws InterruptedException {
    await(() -> test.test(out()), "its output");
    return this;
  }

  private void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(process.isAlive()).as("sockscope ended early (exit %s) waiting for %s;"
          + " stderr: %s", process.isAlive() ? "-" : process.exitValue(), what, err()).isTrue();
      assertThat(System.nanoTime() - deadline).as("waiting for %s; stderr: %s", what, err())
          .isNegative();
      Thread.sleep(10);
    }
  }

  /** Sends {@code signal} (INT, TERM) to the process. */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
        .inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }

  /**
   * Sends SIGINT twice, the second as soon as the process has taken the first: what GNU timeout
   * does (the process, then its process group) when the process takes the first signal before
   * the second arrives; otherwise the kernel merges the two and the process sees one.
   */
  void interruptTwiceAtOnce() throws IOException, InterruptedException {
    signal("INT");
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (process.isAlive() && sigintPending(Files.readAllLines(status))) {
      assertThat(System.nanoTime() - deadline).as("SIGINT taken").isNegative();
      Thread.onSpinWait();
    }
    signal("INT");
  }

  /** Whether SIGINT (signal 2) waits in the process-wide pending set of a /proc status. */
  private static boolean sigintPending(List<String> status) {
    return status.stream().filter(line -> line.startsWith("ShdPnd:")).findFirst()
        .map(line -> (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0b10) != 0)
        .orElseThrow();
  }

  /** Waits for the exit and for all of its output. */
  int await() throws InterruptedException {
    assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS))
        .as("sockscope finished; stderr: %s", err()).isTrue();
    outReader.join();
    errReader.join();
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    outReader.join();
    errReader.join();
  }
}

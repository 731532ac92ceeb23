package io.sockscope.shell.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A real JLine terminal over pipes, as a person's keyboard and screen would drive it: keys go in
 * through {@link #type}, everything the terminal writes is collected and read back with
 * {@link #awaitScreen}, which polls with a deadline. It is JLine's terminal over streams, whose
 * line discipline (written in Java, on its own thread) turns a typed Ctrl-C into the INT signal
 * as a tty does, whether or not a reader is reading.
 */
final class TerminalPipes implements AutoCloseable {

  private final PipedOutputStream keys = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final Terminal terminal;

  TerminalPipes(String type) throws IOException {
    PipedInputStream in = new PipedInputStream(keys, 64 * 1024);
    terminal = new ExternalTerminal("pipes", type, in, screen, StandardCharsets.UTF_8);
    terminal.setSize(new Size(120, 40));
  }

  Terminal terminal() {
    return terminal;
  }

  /** Types {@code text} as keys; {@code \r} is Enter, {@code \t} Tab, {@code \u0003} Ctrl-C. */
  void type(String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  /** Everything written to the screen so far. */
  String screen() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * Waits until the screen, without escape sequences ({@link #plain}), satisfies
   * {@code condition}, or fails after {@code timeout}.
   */
  String awaitScreen(Predicate<String> condition, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      String now = plain(screen());
      if (condition.test(now)) {
        return now;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("screen never showed " + what + " within " + timeout
            + "; it shows:\n" + now);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  /** {@code text} without ANSI escape sequences and carriage returns. */
  static String plain(String text) {
    return text.replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "")
        .replaceAll("\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)", "")
        .replaceAll("\u001B[()][A-Z0-9]", "")
        .replaceAll("\u001B[=>]", "")
        .replace("\r", "");
  }

  @Override
  public void close() throws IOException {
    keys.close();
    terminal.close();
  }
}

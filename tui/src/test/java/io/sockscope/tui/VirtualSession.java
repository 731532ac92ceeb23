package io.sockscope.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.sockscope.shell.run.LiveInspector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;

/**
 * A whole full-screen session — real session, real sockets, Lanterna's own GUI thread — on
 * Lanterna's virtual terminal, typed into key by key, its screen read back by polling with a
 * deadline.
 */
final class VirtualSession implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(20);

  final DefaultVirtualTerminal terminal;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicReference<FullScreen.Result> result = new AtomicReference<>();
  private final Thread thread;

  VirtualSession(int columns, int rows, LiveInspector live, FullScreen.Settings settings) {
    terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    thread = Thread.ofPlatform().name("full-screen-test").start(() -> result.set(
        new FullScreenSession(terminal, live, settings, o, e, false).run()));
  }

  void type(String text) {
    for (char c : text.toCharArray()) {
      terminal.addInput(new KeyStroke(c, false, false));
    }
  }

  void press(KeyType key) {
    terminal.addInput(new KeyStroke(key));
  }

  void ctrl(char c) {
    terminal.addInput(new KeyStroke(c, true, false));
  }

  /** Types {@code line} and Enter, then waits for {@code expect} on the screen. */
  String enter(String line, String expect) {
    type(line);
    press(KeyType.Enter);
    return await(s -> s.contains(expect), "'" + expect + "'");
  }

  List<String> rows() {
    TerminalSize size = terminal.getTerminalSize();
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < size.getRows(); r++) {
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < size.getColumns(); c++) {
        row.append(terminal.getCharacter(c, r).getCharacterString());
      }
      rows.add(row.toString().stripTrailing());
    }
    return rows;
  }

  String screen() {
    return String.join("\n", rows());
  }

  String await(Predicate<String> condition, String what) {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      String now = screen();
      if (condition.test(now)) {
        return now;
      }
      if (Instant.now().isAfter(deadline)) {
        Assertions.fail("the screen never showed " + what + " within " + WAIT + "; it shows:\n"
            + now + "\n(session " + (thread.isAlive() ? "running" : "ended: " + result.get())
            + "; its error stream: " + err() + ")");
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Assertions.fail("interrupted");
      }
    }
  }

  /** Waits for the session to end; its result. */
  FullScreen.Result ended() throws InterruptedException {
    thread.join(WAIT.toMillis());
    assertThat(thread.isAlive()).as("the session ended").isFalse();
    return result.get();
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      press(KeyType.F10);
      thread.join(WAIT.toMillis());
    }
  }
}

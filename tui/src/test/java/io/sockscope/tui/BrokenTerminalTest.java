package io.sockscope.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.NoCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When drawing fails (the terminal went away, a bug), the session still ends the way a quit
 * does: the session closed, the screen left, the terminal restored, and one line — no stack
 * trace unless asked for.
 */
class BrokenTerminalTest {

  @TempDir Path dir;

  /** A virtual terminal whose output starts failing when told to. */
  private static final class Failing extends DefaultVirtualTerminal {
    final AtomicBoolean broken = new AtomicBoolean();
    final AtomicInteger privateMode = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();

    Failing() {
      super(new TerminalSize(80, 24));
    }

    @Override
    public synchronized void flush() {
      if (broken.get()) {
        throw new IllegalStateException("the terminal went away");
      }
      super.flush();
    }

    @Override
    public synchronized void enterPrivateMode() {
      privateMode.incrementAndGet();
      super.enterPrivateMode();
    }

    @Override
    public synchronized void exitPrivateMode() {
      privateMode.decrementAndGet();
      super.exitPrivateMode();
    }

    @Override
    public void close() {
      closed.set(true);
      super.close();
    }
  }

  private FullScreen.Result run(Failing terminal, boolean debug, ByteArrayOutputStream err)
      throws Exception {
    FullScreen.Settings settings = new FullScreen.Settings(false, OptionalInt.empty(),
        Optional.empty(), dir, false, debug);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Thread.ofPlatform().start(() -> {
      while (terminal.privateMode.get() == 0) {
        Thread.onSpinWait();
      }
      terminal.broken.set(true);
      terminal.addInput(new com.googlecode.lanterna.input.KeyStroke('x', false, false));
    });
    return new FullScreenSession(terminal, new NoCapture(new CaptureStatus.Off()), settings, out,
        e, false).run();
  }

  @Test
  void aFailureWhileDrawingEndsTheSessionAndRestoresTheTerminal() throws Exception {
    Failing terminal = new Failing();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(terminal, false, err)).isEqualTo(new FullScreen.Result.Ended(1));
    assertThat(terminal.privateMode.get()).as("private mode left").isZero();
    assertThat(terminal.closed.get()).isTrue();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("sockscope: internal error: "
        + "java.lang.IllegalStateException: the terminal went away (--debug shows where)\n");
  }

  @Test
  void withDebugTheStackTraceFollowsOnTheRestoredTerminal() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(new Failing(), true, err)).isEqualTo(new FullScreen.Result.Ended(1));
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("sockscope: internal error: java.lang.IllegalStateException: the terminal "
            + "went away\njava.lang.IllegalStateException: the terminal went away\n\tat ");
  }
}

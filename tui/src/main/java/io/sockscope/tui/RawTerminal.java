package io.sockscope.tui;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The process's own terminal (standard input and output, stty on {@code /dev/tty}) with every
 * key delivered as a key: Lanterna's own setup (no echo, no line editing, Ctrl-C as a key), and
 * besides flow control off, so Ctrl-Q and Ctrl-S reach the session, and no signal keys (Ctrl-Z,
 * Ctrl-\) or literal-next (Ctrl-V). Lanterna saves the settings first and restores them all when
 * the terminal closes or the JVM shuts down.
 *
 * <p>On SIGTERM the JVM runs Lanterna's restoring hook and the session's own at once; so that
 * nothing is drawn on the restored screen, Lanterna's waits (up to {@link #QUIET_SECONDS}) until
 * the session says, with {@link #quiet()}, that drawing has stopped; then whichever comes first
 * leaves the private mode.
 */
final class RawTerminal extends UnixTerminal {

  static final long QUIET_SECONDS = 5;

  private final CountDownLatch quiet = new CountDownLatch(1);
  private boolean privateMode;

  RawTerminal() throws IOException {
    super(System.in, System.out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
  }

  /** Nothing draws on the terminal any more: it may be restored. */
  void quiet() {
    quiet.countDown();
  }

  private void awaitQuiet() {
    try {
      quiet.await(QUIET_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void enterPrivateMode() throws IOException {
    super.enterPrivateMode();
    privateMode = true;
  }

  /** Leaves the private mode once, whichever of the session and the shutdown hook asks first. */
  @Override
  public void exitPrivateMode() throws IOException {
    awaitQuiet();
    synchronized (this) {
      if (!privateMode) {
        return;
      }
      privateMode = false;
      super.exitPrivateMode();
    }
  }

  @Override
  protected void restoreTerminalSettings() throws IOException {
    awaitQuiet();
    super.restoreTerminalSettings();
  }

  @Override
  protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
    super.keyStrokeSignalsEnabled(enabled);
    if (!enabled) {
      runSTTYCommand("-ixon", "-iexten", "susp", "undef", "quit", "undef");
    }
  }
}

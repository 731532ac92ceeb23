package io.sockscope.tui;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The process's own terminal (standard input and output, stty on {@code /dev/tty}) with every
 * key delivered as a key: Lanterna's own setup (no echo, no line editing, Ctrl-C as a key), and
 * besides flow control off, so Ctrl-Q and Ctrl-S reach the session, and no signal keys (Ctrl-Z,
 * Ctrl-\) or literal-next (Ctrl-V). Lanterna saves the settings first and restores them all when
 * the terminal closes or the JVM shuts down.
 */
final class RawTerminal extends UnixTerminal {

  RawTerminal() throws IOException {
    super(System.in, System.out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
  }

  @Override
  protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
    super.keyStrokeSignalsEnabled(enabled);
    if (!enabled) {
      runSTTYCommand("-ixon", "-iexten", "susp", "undef", "quit", "undef");
    }
  }
}

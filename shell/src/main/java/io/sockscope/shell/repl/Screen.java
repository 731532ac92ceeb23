package io.sockscope.shell.repl;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * The one way text reaches the line shell's terminal. Once the line reader exists, every piece
 * of text goes through {@link LineReader#printAbove}: while the user is typing it is drawn above
 * the prompt and the line being typed is redrawn under it, unharmed; while an entry runs it is
 * simply written. Text arrives from any thread (the entry's, background jobs', the capture
 * thread); JLine's own lock keeps each piece whole.
 *
 * <p>{@link #stream()} is a {@link PrintStream} for renderers that write to streams: what is
 * written to it is held until the renderer flushes (after each whole record), then printed.
 */
final class Screen {

  private final Terminal terminal;
  private volatile LineReader reader;

  Screen(Terminal terminal) {
    this.terminal = terminal;
  }

  /** From now on text goes above {@code reader}'s prompt. */
  void attach(LineReader lineReader) {
    this.reader = lineReader;
  }

  /** Prints {@code text}; a final line break is added where it lacks one. */
  void print(String text) {
    if (text.isEmpty()) {
      return;
    }
    LineReader r = reader;
    if (r != null) {
      r.printAbove(text);
    } else {
      synchronized (terminal) {
        terminal.writer().print(text.endsWith("\n") ? text : text + "\n");
        terminal.flush();
      }
    }
  }

  /** A stream whose flushed text is {@link #print}ed. */
  PrintStream stream() {
    return new PrintStream(new Held(), false, StandardCharsets.UTF_8);
  }

  /** Bytes held until a flush hands them over as text. */
  private final class Held extends OutputStream {
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      held.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      held.write(b, off, len);
    }

    @Override
    public void flush() {
      String text;
      synchronized (this) {
        text = held.toString(StandardCharsets.UTF_8);
        held.reset();
      }
      print(text);
    }
  }
}

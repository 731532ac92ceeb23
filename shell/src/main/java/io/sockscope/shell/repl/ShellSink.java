package io.sockscope.shell.repl;

import io.sockscope.shell.run.TranscriptRecord;
import io.sockscope.shell.run.TranscriptSink;
import java.util.ArrayList;
import java.util.List;

/**
 * The line shell's transcript: records go to the same renderer run mode uses (text or JSON
 * lines), whose output reaches the terminal through the {@link Screen}. While the shell does
 * something on the user's behalf that it reports in its own words (starting the echo peer), it
 * holds the records back instead of showing them.
 */
final class ShellSink implements TranscriptSink {

  private final TranscriptSink renderer;
  private List<TranscriptRecord> held;

  ShellSink(TranscriptSink renderer) {
    this.renderer = renderer;
  }

  @Override
  public void emit(TranscriptRecord record) {
    synchronized (this) {
      if (held != null) {
        held.add(record);
        return;
      }
    }
    renderer.emit(record);
  }

  /** From now on records are held, not shown. */
  synchronized void hold() {
    held = new ArrayList<>();
  }

  /** Shows records again; returns those held since {@link #hold()}. */
  synchronized List<TranscriptRecord> release() {
    List<TranscriptRecord> out = held == null ? List.of() : held;
    held = null;
    return out;
  }
}

package io.sockscope.tui;

import io.sockscope.shell.run.TranscriptRecord;
import io.sockscope.shell.run.TranscriptSink;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's transcript on the way to the screen: each record is posted to the view. While
 * the shell does something on the user's behalf that it reports in its own words (starting the
 * echo peer) records are held back instead; once the session is ending they are also kept, to be
 * written to the terminal after the full screen has gone (the closing calls, the peer stopped,
 * the capture counts). Thread-safe: records come from every thread of the session.
 */
final class ScreenSink implements TranscriptSink {

  private final ViewQueue queue;
  private List<TranscriptRecord> held;
  private List<TranscriptRecord> kept;

  ScreenSink(ViewQueue queue) {
    this.queue = queue;
  }

  @Override
  public void emit(TranscriptRecord record) {
    synchronized (this) {
      if (held != null) {
        held.add(record);
        return;
      }
      if (kept != null) {
        kept.add(record);
      }
    }
    queue.post(view -> view.accept(record));
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

  /** From now on records are also kept, for {@link #kept()}. */
  synchronized void keep() {
    kept = new ArrayList<>();
  }

  /** The records kept since {@link #keep()}. */
  synchronized List<TranscriptRecord> kept() {
    return kept == null ? List.of() : List.copyOf(kept);
  }
}

package io.sockscope.shell.run;

import java.util.List;
import java.util.function.Supplier;

/**
 * Where a session's {@link TranscriptRecord}s go: a renderer (text, JSON lines), the line shell,
 * the TUI. Records arrive from the interpreter's thread, from background jobs' threads and from
 * the live inspector's capture thread, so an implementation must be thread-safe and write each
 * record whole; it must not throw.
 */
@FunctionalInterface
public interface TranscriptSink {
  void emit(TranscriptRecord record);

  /**
   * Emits what {@code records} returns, in order, with nothing from another thread between
   * them; {@code records} is called at the moment they can be emitted (a session's sink for
   * records no call caused calls it between two calls' groups, never inside one).
   */
  default void emitTogether(Supplier<List<TranscriptRecord>> records) {
    records.get().forEach(this::emit);
  }
}

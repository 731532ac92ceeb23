package io.sockscope.shell.run;

/**
 * Where a session's {@link TranscriptRecord}s go: a renderer (text, JSON lines), the line shell,
 * the TUI. Records arrive from the interpreter's thread, from background jobs' threads and from
 * the live inspector's capture thread, so an implementation must be thread-safe and write each
 * record whole; it must not throw.
 */
@FunctionalInterface
public interface TranscriptSink {
  void emit(TranscriptRecord record);
}

package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * A session's way into its {@link TranscriptSink}: plain records, and for each call the group
 * {@code Call}, the live inspector's records for it, then a {@code State} per socket it touched,
 * kept together when several threads make calls at once. The live inspector's records that no
 * call caused go through {@link #between()}, which never splits a group: they come before a
 * call's group ({@link LiveInspector#beforeCall}) or after it.
 */
final class Transcript {
  private final TranscriptSink sink;
  private final LiveInspector live;
  private final Object groups = new Object();

  Transcript(TranscriptSink sink, LiveInspector live) {
    this.sink = sink;
    this.live = live;
  }

  TranscriptSink sink() {
    return sink;
  }

  /** Where records no call caused go: between groups, never inside one. */
  TranscriptSink between() {
    return new TranscriptSink() {
      @Override
      public void emit(TranscriptRecord record) {
        synchronized (groups) {
          sink.emit(record);
        }
      }

      @Override
      public void emitTogether(Supplier<List<TranscriptRecord>> records) {
        synchronized (groups) {
          records.get().forEach(sink::emit);
        }
      }
    };
  }

  void emit(TranscriptRecord record) {
    sink.emit(record);
  }

  void call(CallEvent event, String source, Optional<String> note, OptionalInt job,
      List<SocketValue> touched) {
    synchronized (groups) {
      live.beforeCall(event, sink);
      sink.emit(new TranscriptRecord.Call(event, source, note, job));
      live.afterCall(event, sink);
      for (SocketValue socket : touched) {
        sink.emit(KernelStates.of(socket));
      }
    }
  }
}

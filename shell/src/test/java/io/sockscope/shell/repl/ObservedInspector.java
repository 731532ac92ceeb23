package io.sockscope.shell.repl;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Engine;
import io.sockscope.engine.EngineEvent;
import io.sockscope.shell.lang.Expectation;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.LiveCheck;
import io.sockscope.shell.run.LiveInspector;
import io.sockscope.shell.run.NoCapture;
import io.sockscope.shell.run.TranscriptSink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The session's live inspector for shell tests: no capture (as {@code --no-capture}), and a
 * window on the session's real engine, so a test knows when a call has started blocking and can
 * check at the end that no socket is left open.
 */
final class ObservedInspector implements LiveInspector {

  private final LiveInspector inner = new NoCapture(new CaptureStatus.Off());
  final BlockingQueue<EngineEvent.CallStarted> started = new LinkedBlockingQueue<>();
  volatile Engine engine;

  @Override
  public CaptureStatus start(Engine sessionEngine, TranscriptSink transcript) {
    this.engine = sessionEngine;
    sessionEngine.addListener(event -> {
      if (event instanceof EngineEvent.CallStarted s) {
        started.add(s);
      }
    });
    return inner.start(sessionEngine, transcript);
  }

  @Override
  public void afterCall(CallEvent call, TranscriptSink transcript) {
    inner.afterCall(call, transcript);
  }

  @Override
  public LiveCheck check(Expectation expectation, List<CallEvent> calls, Optional<String> socket) {
    return inner.check(expectation, calls, socket);
  }

  @Override
  public void stop(TranscriptSink transcript) {
    inner.stop(transcript);
  }
}

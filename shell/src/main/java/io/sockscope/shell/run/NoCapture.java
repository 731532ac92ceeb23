package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Engine;
import io.sockscope.shell.lang.Expectation;
import java.util.List;
import java.util.Optional;

/**
 * The live inspector of a session without capture: it adds nothing to the transcript, and says
 * of every {@code expect segment} or {@code expect explain} that it needs capture, and why there
 * is none.
 */
public final class NoCapture implements LiveInspector {
  /** Why this build runs without capture when capture was not turned off. */
  public static final String NOT_BUILT_IN =
      "live capture is not part of this build; calls run without their segments";

  /** Opens {@link NoCapture}: off with {@code --no-capture}, else unavailable. */
  public static final LiveInspector.Factory FACTORY = settings -> settings.enabled()
      ? new NoCapture(new CaptureStatus.Unavailable(NOT_BUILT_IN))
      : new NoCapture(new CaptureStatus.Off());

  private final CaptureStatus status;

  public NoCapture(CaptureStatus status) {
    this.status = status;
  }

  @Override
  public CaptureStatus start(Engine engine, TranscriptSink transcript) {
    return status;
  }

  @Override
  public void afterCall(CallEvent call, TranscriptSink transcript) {
    // Without capture a call has no segments or explanations to add.
  }

  @Override
  public LiveCheck check(Expectation expectation, List<CallEvent> calls, Optional<String> socket) {
    return new LiveCheck.NeedsCapture(switch (status) {
      case CaptureStatus.Off o -> "capture is off (--no-capture)";
      case CaptureStatus.Unavailable u -> "capture is not active: " + u.reason();
      case CaptureStatus.Active a -> "capture is not active";
    });
  }

  @Override
  public void stop(TranscriptSink transcript) {
    // Nothing was started.
  }
}

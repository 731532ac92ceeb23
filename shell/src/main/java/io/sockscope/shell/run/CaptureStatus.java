package io.sockscope.shell.run;

/** Whether a session's live capture runs. */
public sealed interface CaptureStatus {

  /** Capture runs. */
  record Active() implements CaptureStatus {}

  /** Capture was turned off ({@code --no-capture}). */
  record Off() implements CaptureStatus {}

  /** Capture was wanted and cannot run; {@code reason} says why and how to fix it. */
  record Unavailable(String reason) implements CaptureStatus {}
}

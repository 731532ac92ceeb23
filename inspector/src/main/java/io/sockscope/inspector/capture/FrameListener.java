package io.sockscope.inspector.capture;

/**
 * Receives every frame a {@link CaptureSource} captures.
 *
 * <p>Called on the capture thread of the frame's interface, one frame at a time per interface;
 * with several interfaces open, calls for different interfaces can run at the same time. While
 * the listener runs, that interface's frames wait in the kernel buffer, so a slow listener shows
 * up as kernel drops in the capture's stats, never as unbounded memory.
 *
 * <p>A listener that throws ends the capture of that interface; the exception's message is
 * reported as a {@link CaptureSummary.Failure} and {@link CaptureSource#awaitEnd} returns. To end
 * the whole capture from inside the listener (a count reached, a write failed), call
 * {@link CaptureSource#requestStop()}; never {@link CaptureSource#stop()}, which waits for the
 * capture threads and so cannot be called on one.
 */
@FunctionalInterface
public interface FrameListener {

    void onFrame(LiveFrame frame);
}

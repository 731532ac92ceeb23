package io.sockscope.inspector.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Keeps every frame a capture delivers and lets a test wait, with a deadline, until enough have come. */
final class FrameCollector implements FrameListener {

    private final List<LiveFrame> frames = new ArrayList<>();

    @Override
    public synchronized void onFrame(LiveFrame frame) {
        frames.add(frame);
        notifyAll();
    }

    synchronized List<LiveFrame> frames() {
        return List.copyOf(frames);
    }

    /** Waits until {@code done} holds for the frames so far; fails the wait after {@code timeout}. */
    synchronized List<LiveFrame> awaitUntil(Predicate<List<LiveFrame>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(frames)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("frames did not arrive within " + timeout + "; have " + frames.size());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(frames);
    }
}

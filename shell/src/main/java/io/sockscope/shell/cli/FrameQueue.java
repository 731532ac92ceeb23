package io.sockscope.shell.cli;

import io.sockscope.inspector.capture.FrameListener;
import io.sockscope.inspector.capture.LiveFrame;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands frames from the capture thread to the thread that writes, explains and prints them, so
 * that a slow terminal never stalls libpcap mid-callback for long and the explaining thread can
 * also keep time when no frames come.
 *
 * <p>Bounded by bytes ({@value #BUDGET_BYTES} with a per-frame overhead, so also by count): when
 * it is full the capture thread waits, frames pile up in the kernel's buffer, and if that fills
 * the kernel drops and counts them. Memory stays bounded and drops are never silent. Once the
 * consumer {@link #abandon() abandons} the queue, frames are no longer taken.
 */
final class FrameQueue implements FrameListener {

    static final int BUDGET_BYTES = 16 << 20;
    /** What a frame costs beyond its bytes: the LiveFrame, the array header, the queue node. */
    private static final int FRAME_OVERHEAD = 96;
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final LinkedBlockingQueue<LiveFrame> frames = new LinkedBlockingQueue<>();
    private final Semaphore budget = new Semaphore(BUDGET_BYTES);
    private volatile boolean abandoned;

    /** Called on the capture thread: waits for room, or gives up once the queue is abandoned. */
    @Override
    public void onFrame(LiveFrame frame) {
        int cost = cost(frame);
        try {
            while (!budget.tryAcquire(cost, WAIT_NANOS, TimeUnit.NANOSECONDS)) {
                if (abandoned) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (abandoned) {
            budget.release(cost);
            return;
        }
        frames.add(frame);
    }

    /** The next frame, waiting at most {@code timeoutNanos}; null when none came. */
    LiveFrame poll(long timeoutNanos) throws InterruptedException {
        LiveFrame frame = timeoutNanos <= 0 ? frames.poll()
                : frames.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (frame != null) {
            budget.release(cost(frame));
        }
        return frame;
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    /** No more frames are wanted: those queued are thrown away and the capture thread never waits. */
    void abandon() {
        abandoned = true;
        LiveFrame frame;
        while ((frame = frames.poll()) != null) {
            budget.release(cost(frame));
        }
    }

    private static int cost(LiveFrame frame) {
        return Math.min(BUDGET_BYTES, frame.bytes().length + FRAME_OVERHEAD);
    }
}

package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.capture.LiveFrame;
import io.sockscope.inspector.pcap.LinkType;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The hand-off between the capture thread and the explaining thread: bounded by bytes, in
 * order, and never leaving the capture thread waiting once the consumer has gone.
 */
class FrameQueueTest {

    private static final int MIB = 1 << 20;

    private static LiveFrame frame(long number, int size) {
        return new LiveFrame("lo", LinkType.ETHERNET, number, size, size, new byte[size]);
    }

    /** Offers {@code count} frames of {@code size} bytes on a thread of its own, counting them. */
    private static Thread producer(FrameQueue queue, int count, int size, AtomicInteger offered) {
        return Thread.ofPlatform().name("capture-stand-in").start(() -> {
            for (int i = 0; i < count; i++) {
                queue.onFrame(frame(i, size));
                offered.incrementAndGet();
            }
        });
    }

    private static void awaitBlocked(Thread thread, AtomicInteger offered, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (offered.get() < expected || thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime() - deadline).as("producer blocked after %d frames",
                    expected).isNegative();
            Thread.onSpinWait();
        }
    }

    @Test
    void framesComeOutInTheOrderTheyWentIn() throws InterruptedException {
        FrameQueue queue = new FrameQueue();
        for (int i = 1; i <= 100; i++) {
            queue.onFrame(frame(i, 60));
        }
        for (int i = 1; i <= 100; i++) {
            assertThat(queue.poll(0).atNanos()).isEqualTo(i);
        }
        assertThat(queue.poll(TimeUnit.MILLISECONDS.toNanos(1))).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void aFullQueueHoldsTheCaptureThreadUntilAFrameIsTaken() throws InterruptedException {
        FrameQueue queue = new FrameQueue();
        AtomicInteger offered = new AtomicInteger();
        int fit = FrameQueue.BUDGET_BYTES / (MIB + 96);
        Thread capture = producer(queue, fit + 3, MIB, offered);
        awaitBlocked(capture, offered, fit);
        assertThat(offered.get()).as("no more than the budget holds").isEqualTo(fit);
        assertThat(queue.poll(0).atNanos()).isZero();
        awaitBlocked(capture, offered, fit + 1);
        assertThat(offered.get()).isEqualTo(fit + 1);
        queue.abandon();
        capture.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(capture.isAlive()).isFalse();
    }

    @Test
    void abandoningFreesAWaitingCaptureThreadAndDropsWhatIsQueued() throws InterruptedException {
        FrameQueue queue = new FrameQueue();
        AtomicInteger offered = new AtomicInteger();
        int fit = FrameQueue.BUDGET_BYTES / (MIB + 96);
        Thread capture = producer(queue, fit + 50, MIB, offered);
        awaitBlocked(capture, offered, fit);
        queue.abandon();
        capture.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(capture.isAlive()).isFalse();
        assertThat(offered.get()).isEqualTo(fit + 50);
        assertThat(queue.poll(0)).isNull();
        queue.onFrame(frame(1, 60));
        assertThat(queue.isEmpty()).as("frames after abandon are not taken").isTrue();
    }
}

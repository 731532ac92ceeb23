package io.sockscope.inspector.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Endpoint;
import java.util.List;
import java.util.Locale;

/** How the live session's own explanations put calls, numbers and frames into words. */
final class LiveWording {

    private LiveWording() {
    }

    /** {@code send() [5]}. */
    static String call(CallEvent call) {
        return call.op().wireName() + "() [" + call.id() + "]";
    }

    /** {@code 1,048,576}. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 byte}, {@code 2,304 bytes}. */
    static String bytes(long n) {
        return grouped(n) + (n == 1 ? " byte" : " bytes");
    }

    /** {@code 25 µs}, {@code 0.41 ms}, {@code 42 ms}, {@code 3.0 s}. */
    static String duration(long micros) {
        if (micros < 100) {
            return Math.max(0, micros) + " µs";
        }
        if (micros < 10_000) {
            return String.format(Locale.ROOT, "%.2f ms", micros / 1e3);
        }
        if (micros < 1_000_000) {
            return (micros + 500) / 1000 + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", micros / 1e6);
    }

    /** True for 127.0.0.0/8 and ::1, where the kernel hands bytes to the peer in microseconds. */
    static boolean loopback(Endpoint endpoint) {
        return endpoint.host().startsWith("127.") || endpoint.host().equals("::1");
    }

    /**
     * The send queue read right after a send() that filled the send buffer, in words that stay
     * true when the queue has already drained again (on loopback it usually has): the buffer
     * filled during the call, and the kernel handed the bytes on before the queue was read.
     */
    static String sendQueueAfter(long sendQueue, long notSent, long peerWindow,
            boolean loopback) {
        String window = "; the peer offers a window of " + bytes(peerWindow) + ")";
        if (sendQueue > 0) {
            return "(right after it: send-q " + bytes(sendQueue) + ", " + grouped(notSent)
                    + " of them not yet sent" + window;
        }
        return "(right after it the send queue was already empty again, send-q " + bytes(0)
                + ": by then the kernel had handed those bytes to the peer, which acknowledged"
                + " them" + (loopback ? " — loopback is that fast" : "") + window;
    }

    /** How the explainer names a side: {@code :9000}. */
    static String side(Endpoint endpoint) {
        return ":" + endpoint.port();
    }

    /** {@code frame 12}, {@code frames 4, 5 and 6}, {@code frames 4–20}. */
    static String frames(List<Long> frames) {
        if (frames.isEmpty()) {
            return "";
        }
        if (frames.size() == 1) {
            return "frame " + frames.getFirst();
        }
        boolean consecutive = frames.getLast() - frames.getFirst() == frames.size() - 1;
        if (consecutive && frames.size() > 3) {
            return "frames " + frames.getFirst() + "–" + frames.getLast();
        }
        StringBuilder out = new StringBuilder("frames ");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                out.append(i == frames.size() - 1 ? " and " : ", ");
            }
            out.append(frames.get(i));
        }
        return out.toString();
    }
}

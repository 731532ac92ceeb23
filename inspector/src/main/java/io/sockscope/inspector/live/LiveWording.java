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

package io.sockscope.inspector.explain;

import java.util.List;
import java.util.Locale;

/**
 * The few ways explanations put numbers into words, kept in one place so every text reads the
 * same: grouped digits, units, durations, frame lists.
 */
final class Wording {

    /** Ends every text that guesses the calls from segments alone. */
    static final String INFERRED = " (inferred from the wire)";

    private static final int MAX_PIECES = 5;

    private Wording() {
    }

    /** {@code 1,048,576}. */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            out.append('-');
        }
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** {@code 1 byte}, {@code 36 bytes}, {@code 1,048,576 bytes}. */
    static String bytes(long n) {
        return count(n, "byte", "bytes");
    }

    /** {@code 1 segment}, {@code 12 segments}. */
    static String count(long n, String one, String many) {
        return grouped(n) + " " + (n == 1 ? one : many);
    }

    /** {@code once}, {@code twice}, {@code 3 times}. */
    static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : grouped(n) + " times";
    }

    /** {@code 25 µs}, {@code 0.41 ms}, {@code 42 ms}, {@code 3.0 s}, {@code 2 min 7 s}. */
    static String duration(long nanos) {
        if (nanos < 0) {
            nanos = 0;
        }
        if (nanos < 100_000L) {
            return (nanos / 1000) + " µs";
        }
        if (nanos < 10_000_000L) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        if (nanos < 1_000_000_000L) {
            return (nanos + 500_000) / 1_000_000 + " ms";
        }
        if (nanos < 120_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
        }
        long seconds = nanos / 1_000_000_000L;
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    /**
     * A frame list as people read it: {@code 4}, {@code 1–3}, {@code 8, 10}, {@code 1–3, 7}; a
     * long or sampled list as {@code 16–267 (126 frames)}.
     */
    static String frames(List<Long> frames, long count) {
        StringBuilder out = new StringBuilder();
        int pieces = 0;
        int i = 0;
        while (i < frames.size()) {
            int j = i;
            while (j + 1 < frames.size() && frames.get(j + 1) == frames.get(j) + 1) {
                j++;
            }
            if (pieces > 0) {
                out.append(", ");
            }
            out.append(frames.get(i));
            if (j > i) {
                out.append('–').append(frames.get(j));
            }
            pieces++;
            i = j + 1;
        }
        if (pieces <= MAX_PIECES && count == frames.size()) {
            return out.toString();
        }
        return frames.getFirst() + "–" + frames.getLast() + ", " + count(count, "frame", "frames");
    }
}

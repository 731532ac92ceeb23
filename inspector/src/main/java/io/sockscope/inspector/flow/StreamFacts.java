package io.sockscope.inspector.flow;

import java.util.Arrays;

/**
 * What a first pass over a file knows only at its end and a second pass prints with (tshark's
 * {@code -2}, TCP-ANALYSIS §8): each stream's final base sequence numbers, final window scale per
 * direction and iRTT. Directions are named by the analyser's flow order (the sender of a stream's
 * first frame is direction 0), which is the same in every pass over the same file. Immutable once
 * built; O(streams) memory.
 */
public final class StreamFacts {

    private final int streams;
    private final long[] bases;
    private final boolean[] baseSet;
    private final int[] scales;
    private final long[] initialRtts;

    private StreamFacts(int streams, long[] bases, boolean[] baseSet, int[] scales,
            long[] initialRtts) {
        this.streams = streams;
        this.bases = bases;
        this.baseSet = baseSet;
        this.scales = scales;
        this.initialRtts = initialRtts;
    }

    static StreamFacts of(java.util.List<Conversation> byStream) {
        int n = byStream.size();
        long[] bases = new long[2 * n];
        boolean[] set = new boolean[2 * n];
        int[] scales = new int[2 * n];
        long[] rtts = new long[n];
        Arrays.fill(scales, -1);
        for (int s = 0; s < n; s++) {
            Conversation c = byStream.get(s);
            if (c == null) {
                continue;
            }
            bases[2 * s] = c.a.base;
            set[2 * s] = c.a.baseSet;
            scales[2 * s] = c.a.winScale;
            bases[2 * s + 1] = c.b.base;
            set[2 * s + 1] = c.b.baseSet;
            scales[2 * s + 1] = c.b.winScale;
            rtts[s] = c.tsFirstRtt;
        }
        return new StreamFacts(n, bases, set, scales, rtts);
    }

    public int streamCount() {
        return streams;
    }

    /** Final base of direction {@code direction} (0 or 1) of {@code stream}. */
    long base(int stream, int direction) {
        return stream < streams ? bases[2 * stream + direction] : 0;
    }

    boolean baseSet(int stream, int direction) {
        return stream < streams && baseSet[2 * stream + direction];
    }

    /** Final window scale shift of a direction: 0–14, -1 unknown, -2 not in use. */
    public int windowScale(int stream, int direction) {
        return stream < streams ? scales[2 * stream + direction] : -1;
    }

    /** Final iRTT of a stream in nanoseconds, 0 if none was measured. */
    public long initialRttNanos(int stream) {
        return stream < streams ? initialRtts[stream] : 0;
    }
}

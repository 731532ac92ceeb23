package io.sockscope.inspector.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames an explanation rests on, collected as segments go by, in bounded memory: the first
 * {@link #HEAD} frames, the last {@link #TAIL}, and a count. A run of a million segments costs
 * the same as a run of a hundred. Mutable, owned by one rule of one connection.
 */
final class FrameSample {

    /** The most frames an {@link Explanation} lists. */
    static final int LIMIT = 64;
    static final int HEAD = 48;
    static final int TAIL = LIMIT - HEAD;

    private final long[] head = new long[HEAD];
    private final long[] tail = new long[TAIL];
    private int headCount;
    private long count;

    void add(long frame) {
        if (headCount < HEAD) {
            head[headCount++] = frame;
        } else {
            tail[(int) ((count - HEAD) % TAIL)] = frame;
        }
        count++;
    }

    /** Adds {@code other}'s frames (its sample, counting all it counted). */
    void addAll(FrameSample other) {
        int otherTail = (int) Math.min(TAIL, other.count - other.headCount);
        for (int i = 0; i < other.headCount; i++) {
            add(other.head[i]);
        }
        for (int i = 0; i < otherTail; i++) {
            long index = other.count - otherTail + i - HEAD;
            add(other.tail[(int) (index % TAIL)]);
        }
        count += other.count - other.headCount - otherTail;
    }

    /** Makes this sample a copy of {@code other}. */
    void copyOf(FrameSample other) {
        System.arraycopy(other.head, 0, head, 0, other.headCount);
        System.arraycopy(other.tail, 0, tail, 0, TAIL);
        headCount = other.headCount;
        count = other.count;
    }

    long count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    long first() {
        return toList().getFirst();
    }

    long last() {
        return toList().getLast();
    }

    void clear() {
        headCount = 0;
        count = 0;
    }

    /** The sample, ascending, duplicates removed. */
    List<Long> toList() {
        int tailCount = (int) Math.min(TAIL, count - headCount);
        long[] all = new long[headCount + tailCount];
        System.arraycopy(head, 0, all, 0, headCount);
        for (int i = 0; i < tailCount; i++) {
            long index = count - tailCount + i - HEAD;
            all[headCount + i] = tail[(int) (index % TAIL)];
        }
        Arrays.sort(all);
        List<Long> list = new ArrayList<>(all.length);
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                list.add(all[i]);
            }
        }
        return list;
    }
}

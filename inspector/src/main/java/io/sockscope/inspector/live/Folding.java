package io.sockscope.inspector.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Segments waiting to be shown, bounded: the first {@link #FIRST} are kept, then only the last
 * {@link #LAST}, and those in between are counted ({@link LiveRecord.Folded}). A sendall of a
 * gigabyte makes tens of thousands of segments; its transcript shows its beginning and its end.
 */
final class Folding {

    static final int FIRST = 40;
    static final int LAST = 10;

    private final OptionalLong call;
    private final List<LiveRecord.Seen> head = new ArrayList<>();
    private final ArrayDeque<LiveRecord.Seen> tail = new ArrayDeque<>();
    private long folded;
    private long firstFolded;
    private long lastFolded;

    Folding(OptionalLong call) {
        this.call = call;
    }

    void add(LiveRecord.Seen seen) {
        if (head.size() < FIRST) {
            head.add(seen);
            return;
        }
        tail.addLast(seen);
        if (tail.size() > LAST) {
            long frame = tail.removeFirst().segment().frame();
            if (folded == 0) {
                firstFolded = frame;
            }
            lastFolded = frame;
            folded++;
        }
    }

    /** The frames of the segments kept so far (a sample when some were folded). */
    List<Long> frames() {
        List<Long> frames = new ArrayList<>();
        head.forEach(s -> frames.add(s.segment().frame()));
        tail.forEach(s -> frames.add(s.segment().frame()));
        return frames;
    }

    /** What waits, in order, with a {@link LiveRecord.Folded} where segments were left out; empties it. */
    List<LiveRecord> take() {
        List<LiveRecord> out = new ArrayList<>(head);
        if (folded > 0) {
            out.add(new LiveRecord.Folded(call, folded, firstFolded, lastFolded));
        }
        out.addAll(tail);
        head.clear();
        tail.clear();
        folded = 0;
        return out;
    }
}

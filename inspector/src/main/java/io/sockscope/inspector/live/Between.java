package io.sockscope.inspector.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Records no call's group holds, waiting to be shown between groups, each with the time it
 * happened (a segment's capture time; for an explanation, the time of the segment or tick that
 * completed it), so that what happened before a call began is shown before its line and what
 * happened during or after it, after its group. Long runs of segments are folded when taken
 * (see {@link Folding}); past {@link #LIMIT} waiting records, further segments are only counted.
 */
final class Between {

    static final int LIMIT = 100_000;

    private record Timed(long atMicros, LiveRecord record) {
    }

    private final ArrayDeque<Timed> waiting = new ArrayDeque<>();
    private long overflow;
    private long overflowFirst;
    private long overflowLast;
    private long since;

    /** How long the oldest record waiting has waited, in ns; 0 when none waits. */
    long waitingNanos() {
        return waiting.isEmpty() ? 0 : System.nanoTime() - since;
    }

    void add(long atMicros, LiveRecord record) {
        if (waiting.isEmpty()) {
            since = System.nanoTime();
        }
        if (waiting.size() >= LIMIT && record instanceof LiveRecord.Seen seen) {
            if (overflow == 0) {
                overflowFirst = seen.segment().frame();
            }
            overflowLast = seen.segment().frame();
            overflow++;
            return;
        }
        waiting.addLast(new Timed(atMicros, record));
    }

    boolean isEmpty() {
        return waiting.isEmpty() && overflow == 0;
    }

    /** Everything waiting, in order. */
    List<LiveRecord> takeAll() {
        return take(Long.MAX_VALUE);
    }

    /** What happened before {@code beforeMicros}, in order, long runs of segments folded. */
    List<LiveRecord> take(long beforeMicros) {
        List<LiveRecord> out = new ArrayList<>();
        Folding run = new Folding(OptionalLong.empty());
        while (!waiting.isEmpty() && waiting.peekFirst().atMicros() < beforeMicros) {
            LiveRecord record = waiting.removeFirst().record();
            if (record instanceof LiveRecord.Seen seen) {
                run.add(seen);
            } else {
                out.addAll(run.take());
                out.add(record);
            }
        }
        out.addAll(run.take());
        if (waiting.isEmpty() && overflow > 0) {
            out.add(new LiveRecord.Folded(OptionalLong.empty(), overflow, overflowFirst,
                    overflowLast));
            overflow = 0;
        }
        return out;
    }
}

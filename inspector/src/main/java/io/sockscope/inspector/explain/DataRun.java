package io.sockscope.inspector.explain;

import io.sockscope.engine.CallEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The new bytes one side sent in one run (see {@link DataRule}), as the run ends: what the
 * {@code data} and {@code split} explanations say about it. Filled by {@link DataRule}, which
 * reuses one per side, and handed to {@link ExchangeRule}, which copies what it keeps; its frame
 * samples are bounded.
 */
final class DataRun {

    final Direction sender;
    final FrameSample frames = new FrameSample();
    long firstNanos;
    long lastNanos;
    long byteCount;
    long seqStart;
    long seqEnd;
    int maxLength;
    long ackFrame;
    final List<CallEvent> calls = new ArrayList<>();
    long callCount;
    long splitWrites;
    final FrameSample firstSplit = new FrameSample();

    DataRun(Direction sender) {
        this.sender = sender;
    }

    long segments() {
        return frames.count();
    }

    /** Empties this run for reuse. */
    void clear() {
        frames.clear();
        firstNanos = 0;
        lastNanos = 0;
        byteCount = 0;
        seqStart = 0;
        seqEnd = 0;
        maxLength = 0;
        ackFrame = 0;
        calls.clear();
        callCount = 0;
        splitWrites = 0;
        firstSplit.clear();
    }

    /** A copy that outlives this run's reuse. */
    DataRun copy() {
        DataRun copy = new DataRun(sender);
        copy.frames.copyOf(frames);
        copy.firstNanos = firstNanos;
        copy.lastNanos = lastNanos;
        copy.byteCount = byteCount;
        copy.seqStart = seqStart;
        copy.seqEnd = seqEnd;
        copy.maxLength = maxLength;
        copy.ackFrame = ackFrame;
        copy.calls.addAll(calls);
        copy.callCount = callCount;
        copy.splitWrites = splitWrites;
        copy.firstSplit.copyOf(firstSplit);
        return copy;
    }
}

package io.sockscope.inspector.live;

import io.sockscope.inspector.flow.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was attributed to recent calls, kept after their groups were shown so that an
 * {@code expect} after the statement can ask: each kind of segment once (sender, receiver,
 * flags), and the explanations. Bounded: the last {@link #MAX_CALLS} calls, {@link
 * #MAX_KINDS} kinds of segment and {@link #MAX_EXPLANATIONS} explanations each. Guarded by the
 * session's pipeline lock.
 */
final class History {

    static final int MAX_CALLS = 4096;
    static final int MAX_KINDS = 64;
    static final int MAX_EXPLANATIONS = 64;

    private static final class Kept {
        final Map<String, CallSummary.SegmentFact> kinds = new LinkedHashMap<>();
        final List<LiveExplanation> explanations = new ArrayList<>();
    }

    private final Map<Long, Kept> calls = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
            return size() > MAX_CALLS;
        }
    };

    void segment(long call, Segment s, Optional<String> sender, Optional<String> receiver) {
        Kept entry = calls.computeIfAbsent(call, k -> new Kept());
        String kind = sender.orElse("") + ">" + receiver.orElse("") + ":" + (s.flags() & 0xff);
        if (entry.kinds.size() < MAX_KINDS && !entry.kinds.containsKey(kind)) {
            entry.kinds.put(kind, new CallSummary.SegmentFact(sender, receiver, s.flags(),
                    s.frame(), s.tcpdumpLine()));
        }
    }

    void explanation(long call, LiveExplanation explanation) {
        Kept entry = calls.computeIfAbsent(call, k -> new Kept());
        if (entry.explanations.size() < MAX_EXPLANATIONS) {
            entry.explanations.add(explanation);
        }
    }

    CallSummary summary(long call) {
        Kept entry = calls.get(call);
        return entry == null ? new CallSummary(call, List.of(), List.of())
                : new CallSummary(call, List.copyOf(entry.kinds.values()),
                        List.copyOf(entry.explanations));
    }
}

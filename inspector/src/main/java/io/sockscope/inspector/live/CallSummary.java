package io.sockscope.inspector.live;

import java.util.List;
import java.util.Optional;

/**
 * What was attributed to one call so far, for expectations ({@code expect segment},
 * {@code expect explain}): each kind of segment once, and every explanation concerning it.
 *
 * @param call         the call's id
 * @param segments     one per distinct sender, receiver and flags, the first seen
 * @param explanations the explanations concerning the call, in the order they were told
 */
public record CallSummary(long call, List<SegmentFact> segments,
        List<LiveExplanation> explanations) {

    public CallSummary {
        segments = List.copyOf(segments);
        explanations = List.copyOf(explanations);
    }

    /**
     * A segment as expectations see it.
     *
     * @param sender   the session socket that sent it, if one did (its name when it was seen)
     * @param receiver the session socket that received it, if one did
     * @param flags    its TCP flags ({@link io.sockscope.inspector.decode.TcpFlags})
     * @param frame    its frame number
     * @param line     its tcpdump line
     */
    public record SegmentFact(Optional<String> sender, Optional<String> receiver, int flags,
            long frame, String line) {
    }
}

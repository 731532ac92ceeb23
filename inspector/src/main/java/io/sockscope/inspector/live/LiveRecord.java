package io.sockscope.inspector.live;

import io.sockscope.engine.Endpoint;
import io.sockscope.inspector.flow.Segment;
import java.util.OptionalLong;

/**
 * What the live inspector adds to a session's story, in the order it is shown: the segments of
 * a call or of no call, segments left out of a long run, explanations, and a closed socket's
 * connection leaving the kernel.
 */
public sealed interface LiveRecord {

    /**
     * One TCP segment of the session's traffic.
     *
     * @param segment the analysed segment (relative numbers, tcpdump text)
     * @param call    the call that caused it; empty for the kernel's or the peer's own segments
     * @param origin  who put it on the wire, and the session socket it belongs to
     */
    record Seen(Segment segment, OptionalLong call, SegmentOrigin origin) implements LiveRecord {
    }

    /**
     * Segments of a long run not shown one by one (a large sendall makes thousands): the first
     * and the last of the run are shown around this.
     *
     * @param call       the call they belong to; empty for segments of no call
     * @param count      how many were left out
     * @param firstFrame the first of them
     * @param lastFrame  the last of them
     */
    record Folded(OptionalLong call, long count, long firstFrame, long lastFrame)
            implements LiveRecord {
    }

    /** An explanation (SPEC §6) of the segments or of a call. */
    record Explained(LiveExplanation explanation) implements LiveRecord {
    }

    /**
     * A closed socket's TIME_WAIT is over: the kernel no longer holds its connection, and the
     * port pair is free again.
     */
    record Released(String socket, Endpoint local, Endpoint remote) implements LiveRecord {
    }
}

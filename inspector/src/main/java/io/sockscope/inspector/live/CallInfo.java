package io.sockscope.inspector.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call as the live session follows it: its time window on its socket (open while it runs),
 * its event once it ended, the bytes it handed to the stream (send, sendall), and what is kept
 * for its transcript group until the group is shown. Guarded by the session's pipeline lock.
 */
final class CallInfo {

    /** How many explanations one call keeps for its group. */
    private static final int MAX_EXPLANATIONS = 64;

    final long id;
    final Op op;
    final Map<String, Object> args;
    final long startMicros;
    final SocketBook book;
    long endMicros = Long.MAX_VALUE;
    CallEvent event;
    /** Stream offsets of the bytes it handed over (send, sendall): [{@code from}, {@code to}). */
    long from = -1;
    long to = -1;
    /** The explainer was told that all its bytes were seen. */
    boolean bytesDone;
    /** Its group was handed out: later records of it are shown where they happen. */
    boolean shown;
    final Folding segments;
    final List<LiveRecord> explanations = new ArrayList<>();

    CallInfo(EngineEvent.CallStarted started, SocketBook book) {
        this.id = started.id();
        this.op = started.op();
        this.args = started.args();
        this.startMicros = started.startMicros();
        this.book = book;
        this.segments = new Folding(java.util.OptionalLong.of(started.id()));
    }

    boolean running() {
        return event == null;
    }

    /** True when {@code atMicros} falls within the call (from its start while it runs). */
    boolean covers(long atMicros) {
        return startMicros <= atMicros && atMicros <= endMicros;
    }

    void ended(CallEvent finished) {
        event = finished;
        endMicros = finished.endMicros();
    }

    /** The call as the explainer sees it: its event, or while it runs, what is known so far. */
    CallEvent asEvent() {
        if (event != null) {
            return event;
        }
        return new CallEvent(id, book == null ? "" : book.name(), op, args, startMicros,
                startMicros, new CallResult.NoResult(), Optional.empty(),
                book == null ? Optional.empty() : Optional.ofNullable(book.local),
                book == null ? Optional.empty() : Optional.ofNullable(book.remote),
                Optional.empty());
    }

    /** Bytes it asked to send (send, sendall), from its arguments. */
    long requested() {
        return args.get("len") instanceof Number n ? n.longValue() : 0;
    }

    /** True when the range [{@code start}, {@code end}) of stream offsets holds bytes of this call. */
    boolean carries(long start, long end) {
        return from >= 0 && start < to && end > from;
    }

    void explained(LiveRecord.Explained record) {
        if (explanations.size() < MAX_EXPLANATIONS) {
            explanations.add(record);
        }
    }

    /** Its group's records: segments (long runs folded), then explanations; once. */
    List<LiveRecord> takeGroup() {
        shown = true;
        List<LiveRecord> group = new ArrayList<>(segments.take());
        group.addAll(explanations);
        explanations.clear();
        return group;
    }
}

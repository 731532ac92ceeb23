package io.sockscope.shell.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Engine;
import io.sockscope.inspector.live.CallRecords;
import io.sockscope.inspector.live.Ending;
import io.sockscope.inspector.live.LiveOptions;
import io.sockscope.inspector.live.LiveRecord;
import io.sockscope.inspector.live.LiveSession;
import io.sockscope.inspector.live.LiveStart;
import io.sockscope.shell.lang.Expectation;
import io.sockscope.shell.run.CaptureCount;
import io.sockscope.shell.run.CaptureSettings;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.LiveCheck;
import io.sockscope.shell.run.LiveInspector;
import io.sockscope.shell.run.NoCapture;
import io.sockscope.shell.run.TranscriptRecord;
import io.sockscope.shell.run.TranscriptSink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live inspector of a session that captures: a {@link LiveSession} of {@code
 * inspector.live}, whose records become transcript records. Before a call's line its barrier
 * runs and what no call caused before the call began is shown; under the line, the call's
 * segments and explanations; between calls, the records the session hands out while idle.
 * Without capture (unavailable, or {@code --no-capture}) it is {@link NoCapture}.
 */
public final class CapturingInspector implements LiveInspector {

    /** Opens a capturing inspector, or {@link NoCapture} with {@code --no-capture}. */
    public static final LiveInspector.Factory FACTORY = settings -> settings.enabled()
            ? new CapturingInspector(settings)
            : new NoCapture(new CaptureStatus.Off());

    private final CaptureSettings settings;
    private final Map<Long, List<LiveRecord>> groups = new ConcurrentHashMap<>();
    private volatile LiveSession session;
    private TranscriptSink between;
    private CaptureStatus status = new CaptureStatus.Off();

    private CapturingInspector(CaptureSettings settings) {
        this.settings = settings;
    }

    @Override
    public CaptureStatus start(Engine engine, TranscriptSink transcript) {
        between = transcript;
        LiveStart started = LiveSession.start(engine, new LiveOptions(settings.iface(),
                settings.write()), take -> transcript.emitTogether(() -> records(take.get(), false)));
        status = switch (started) {
            case LiveStart.Started s -> {
                session = s.session();
                yield new CaptureStatus.Active();
            }
            case LiveStart.Unavailable u -> new CaptureStatus.Unavailable(u.reason());
        };
        return status;
    }

    @Override
    public void beforeCall(CallEvent call, TranscriptSink transcript) {
        if (session == null) {
            return;
        }
        CallRecords records = session.settle(call);
        records(records.before(), false).forEach(transcript::emit);
        groups.put(call.id(), records.call());
    }

    @Override
    public void afterCall(CallEvent call, TranscriptSink transcript) {
        List<LiveRecord> group = groups.remove(call.id());
        if (group != null) {
            records(group, true).forEach(transcript::emit);
        }
    }

    @Override
    public LiveCheck check(Expectation expectation, List<CallEvent> calls,
            Optional<String> socket) {
        if (session == null) {
            return new NoCapture(status).check(expectation, calls, socket);
        }
        between.emitTogether(() -> records(session.catchUp(), false));
        return LiveChecks.judge(expectation, calls.stream().map(c -> session.summary(c.id()))
                .toList(), calls, socket);
    }

    @Override
    public List<CaptureCount> counts() {
        LiveSession running = session;
        if (running == null) {
            return List.of();
        }
        return running.counts().stream()
                .map(c -> new CaptureCount(c.iface(), c.received(), c.dropped())).toList();
    }

    @Override
    public void stop(TranscriptSink transcript) {
        if (session == null) {
            return;
        }
        Ending ending = session.stop();
        session = null;
        records(ending.records(), false).forEach(transcript::emit);
        for (String note : ending.notes()) {
            transcript.emit(new TranscriptRecord.Note("capture: " + note));
        }
        for (Ending.InterfaceCount count : ending.counts()) {
            transcript.emit(new TranscriptRecord.Capture("ok", Optional.of(count.iface()),
                    Optional.empty(), OptionalLong.of(count.received()),
                    OptionalLong.of(count.dropped())));
        }
    }

    /** The transcript records of {@code records}, under a call's line or between groups. */
    static List<TranscriptRecord> records(List<LiveRecord> records, boolean underCall) {
        return records.stream().map(r -> record(r, underCall)).toList();
    }

    private static TranscriptRecord record(LiveRecord r, boolean underCall) {
        return switch (r) {
            case LiveRecord.Seen seen -> new TranscriptRecord.Segment(seen.segment(), seen.call(),
                    seen.origin(), underCall);
            case LiveRecord.Folded f -> new TranscriptRecord.SegmentsFolded(f.call(), f.count(),
                    f.firstFrame(), f.lastFrame(), underCall);
            case LiveRecord.Explained x -> new TranscriptRecord.Explain(x.explanation(), underCall);
            case LiveRecord.Released gone -> new TranscriptRecord.Released(gone.socket(),
                    gone.local(), gone.remote());
        };
    }
}

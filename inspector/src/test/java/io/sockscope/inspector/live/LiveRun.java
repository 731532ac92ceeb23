package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Engine;
import io.sockscope.engine.Family;
import io.sockscope.engine.Sock;
import io.sockscope.engine.peer.Peer;
import io.sockscope.engine.peer.PeerKind;
import io.sockscope.engine.peer.PeerStart;
import io.sockscope.inspector.capture.CaptureRequirement;
import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.explain.ExplanationCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A live session over a real engine for tests: every call is settled as a face would settle it,
 * and what came out is kept per call (its group), between calls (what the outlet and the
 * settles' {@code before} lists handed out) and at the end.
 */
final class LiveRun implements AutoCloseable {

    final Engine engine = new Engine();
    final LiveSession live;
    final Map<Long, List<LiveRecord>> groups = new LinkedHashMap<>();
    final List<LiveRecord> between = new CopyOnWriteArrayList<>();
    Ending ending;

    LiveRun() {
        this(LiveOptions.defaults());
    }

    LiveRun(LiveOptions options) {
        CaptureRequirement.assumeAvailable();
        LiveStart started = LiveSession.start(engine, options, take -> between.addAll(take.get()));
        assertThat(started).isInstanceOf(LiveStart.Started.class);
        live = ((LiveStart.Started) started).session();
    }

    Peer serve(PeerKind kind) {
        return ((PeerStart.Started) engine.serve(kind.wireName(), kind, "127.0.0.1", 0)).peer();
    }

    Sock socket(String name) {
        settle(engine.socket(name, Family.INET));
        return engine.sock(name).orElseThrow();
    }

    /** Settles {@code call} as a face does, keeping its records; returns the call. */
    CallEvent settle(CallEvent call) {
        CallRecords records = live.settle(call);
        between.addAll(records.before());
        groups.put(call.id(), records.call());
        return call;
    }

    List<LiveRecord.Seen> segments(CallEvent call) {
        return seen(groups.get(call.id()));
    }

    List<LiveExplanation> explanations(CallEvent call) {
        return explained(groups.get(call.id()));
    }

    /** The one explanation with {@code code} in the call's group. */
    LiveExplanation explanation(CallEvent call, ExplanationCode code) {
        List<LiveExplanation> found = explanations(call).stream().filter(e -> e.code() == code)
                .toList();
        assertThat(found).as("%s of [%s] in %s", code, call.id(), explanations(call)).hasSize(1);
        return found.getFirst();
    }

    /** tcpdump's flag letters of each segment of the call's group, in order. */
    List<String> flags(CallEvent call) {
        return segments(call).stream().map(s -> letters(s.segment().flags())).toList();
    }

    /** Every segment handed out anywhere: groups, between calls, at the end. */
    List<LiveRecord.Seen> everySegment() {
        List<LiveRecord> all = new ArrayList<>();
        groups.values().forEach(all::addAll);
        all.addAll(between);
        if (ending != null) {
            all.addAll(ending.records());
        }
        return seen(all);
    }

    Ending stop() {
        ending = live.stop();
        return ending;
    }

    @Override
    public void close() {
        if (ending == null) {
            stop();
        }
        engine.close();
    }

    static List<LiveRecord.Seen> seen(List<LiveRecord> records) {
        return records.stream().filter(LiveRecord.Seen.class::isInstance)
                .map(LiveRecord.Seen.class::cast).toList();
    }

    static List<LiveExplanation> explained(List<LiveRecord> records) {
        return records.stream().filter(LiveRecord.Explained.class::isInstance)
                .map(r -> ((LiveRecord.Explained) r).explanation()).toList();
    }

    static String letters(int flags) {
        StringBuilder text = new StringBuilder();
        char[] letters = {'F', 'S', 'R', 'P', '.'};
        int[] bits = {TcpFlags.FIN, TcpFlags.SYN, TcpFlags.RST, TcpFlags.PSH, TcpFlags.ACK};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                text.append(letters[i]);
            }
        }
        return text.toString();
    }

    static Optional<LiveExplanation> find(List<LiveExplanation> explanations,
            ExplanationCode code) {
        return explanations.stream().filter(e -> e.code() == code).findFirst();
    }
}

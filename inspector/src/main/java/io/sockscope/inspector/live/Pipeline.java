package io.sockscope.inspector.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Op;
import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.explain.ExplainContext;
import io.sockscope.inspector.explain.Explainer;
import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.explain.ExplanationCode;
import io.sockscope.inspector.explain.ExplanationListener;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The session's side of the pipeline: segments, in capture order, are attributed ({@link
 * Attribution}), followed per socket (bytes received, FINs, handshakes), explained by the
 * streaming {@link Explainer} with this as its {@link ExplainContext}, and routed: to the group
 * of the call they belong to while that group is still to be shown, else to the records shown
 * between groups, where they happen. Single-threaded: guarded by the session's pipeline lock.
 */
final class Pipeline implements ExplainContext, ExplanationListener {

    private static final int MAX_REMEMBERED_FRAMES = 65_536;
    private static final int MAX_HANDSHAKES = 4096;

    /** A connection's opening, for handshake_before_accept. */
    record Handshake(long synFrame, long synAckFrame, long ackFrame, long ackMicros) {
    }

    private final Books books;
    private final Attribution attribution;
    private final History history;
    private final Explainer explainer = new Explainer(this, this);
    private final Map<Long, List<CallEvent>> causes = bounded(MAX_REMEMBERED_FRAMES);
    private final Map<Long, Long> frameCalls = bounded(MAX_REMEMBERED_FRAMES);
    private final Map<String, Integer> streams = bounded(MAX_HANDSHAKES);
    private final Map<Integer, long[]> openings = bounded(MAX_HANDSHAKES);
    private final Set<String> toldLive = new HashSet<>();
    private final Between between = new Between();
    /** Time of the segment being processed, or of the last tick: when explanations complete. */
    private long nowMicros;
    private final List<Segment> held = new ArrayList<>();
    private final List<CallInfo> bytesPending = new ArrayList<>();

    Pipeline(Books books, History history) {
        this.books = books;
        this.attribution = new Attribution(books);
        this.history = history;
    }

    private static <K, V> Map<K, V> bounded(int limit) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > limit;
            }
        };
    }

    /** Attributes, explains and routes {@code segments}, after any held back before. */
    void process(List<Segment> segments) {
        List<Segment> all = held.isEmpty() ? segments : new ArrayList<>(held);
        if (!held.isEmpty()) {
            all.addAll(segments);
            held.clear();
        }
        for (int i = 0; i < all.size(); i++) {
            Segment s = all.get(i);
            nowMicros = Math.max(nowMicros, s.atMicros());
            Attribution.Attributed a = attribution.attribute(s);
            if (a.waits()) {
                held.addAll(all.subList(i, all.size()));
                break;
            }
            if (a.foreign()) {
                continue;
            }
            follow(s, a);
            causes.put(s.frame(), a.causes());
            a.call().ifPresent(c -> frameCalls.put(s.frame(), c.id));
            LiveRecord.Seen seen = new LiveRecord.Seen(s, a.call().map(c -> OptionalLong.of(c.id))
                    .orElse(OptionalLong.empty()), a.origin());
            if (a.call().isPresent()) {
                history.segment(a.call().get().id, s, a.sender().map(SocketBook::name),
                        a.receiver().map(SocketBook::name));
            }
            if (a.call().isPresent() && !a.call().get().shown) {
                a.call().get().segments.add(seen);
            } else {
                between.add(s.atMicros(), seen);
            }
            explainer.accept(s);
        }
        settleBytes();
    }

    /** What each socket has sent and received, the FINs and the handshakes. */
    private void follow(Segment s, Attribution.Attributed a) {
        boolean data = s.length() > 0 && !s.has(AnalysisFlag.RETRANSMISSION)
                && !s.has(AnalysisFlag.KEEP_ALIVE) && !s.has(AnalysisFlag.ZERO_WINDOW_PROBE);
        a.sender().ifPresent(book -> {
            if (data) {
                book.sentSeen = Math.max(book.sentSeen, Offsets.of(s.seq(), book.sentSeen)
                        + s.length());
            }
        });
        a.receiver().ifPresent(book -> {
            if (data) {
                long from = Offsets.of(s.seq(), book.receivedSeen());
                book.received(new SocketBook.Incoming(from, from + s.length(),
                        s.has(TcpFlags.PSH), s.frame()));
            }
            if (s.has(TcpFlags.FIN) && book.peerFinFrame == 0) {
                book.peerFinFrame = s.frame();
                book.peerFinMicros = s.atMicros();
            }
        });
        long[] opening = openings.computeIfAbsent(s.stream(), k -> new long[4]);
        if (s.has(TcpFlags.SYN) && !s.has(TcpFlags.ACK)) {
            streams.put(Books.key(s.source()) + ">" + Books.key(s.destination()), s.stream());
            opening[0] = s.frame();
        } else if (s.has(TcpFlags.SYN)) {
            opening[1] = s.frame();
        } else if (opening[1] != 0 && opening[2] == 0 && s.has(TcpFlags.ACK)) {
            opening[2] = s.frame();
            opening[3] = s.atMicros();
        }
    }

    /** The opening of the connection from {@code client} to {@code server}, if captured. */
    Optional<Handshake> handshake(io.sockscope.engine.Endpoint client,
            io.sockscope.engine.Endpoint server) {
        Integer stream = streams.get(Books.key(client) + ">" + Books.key(server));
        long[] o = stream == null ? null : openings.get(stream);
        return o == null || o[2] == 0 ? Optional.empty()
                : Optional.of(new Handshake(o[0], o[1], o[2], o[3]));
    }

    /** The stream of the connection from {@code client} to {@code server}, if its SYN was seen. */
    Optional<Integer> stream(io.sockscope.engine.Endpoint client,
            io.sockscope.engine.Endpoint server) {
        return Optional.ofNullable(streams.get(Books.key(client) + ">" + Books.key(server)));
    }

    /** The id of the call frame {@code frame} was attributed to, or -1. */
    long callOf(long frame) {
        Long call = frameCalls.get(frame);
        return call == null ? -1 : call;
    }

    /** A send or sendall ended: its data run is complete once its last byte is seen. */
    void sendEnded(CallInfo call) {
        if ((call.op == Op.SEND || call.op == Op.SENDALL) && call.book != null) {
            bytesPending.add(call);
            settleBytes();
        }
    }

    private void settleBytes() {
        bytesPending.removeIf(call -> {
            if (call.book.sentSeen >= call.to && !call.bytesDone) {
                call.bytesDone = true;
                explainer.callEnded(call.id);
            }
            return call.bytesDone;
        });
    }

    /** Time passed with no segments: completes what a pause completes. */
    void tick(long nowNanos) {
        nowMicros = Math.max(nowMicros, nowNanos / 1000);
        explainer.tick(nowNanos);
    }

    /** The capture ends: completes every explanation still open. */
    void finish() {
        if (!held.isEmpty()) {
            List<Segment> rest = new ArrayList<>(held);
            held.clear();
            rest.forEach(s -> explainer.accept(s));
        }
        explainer.finish();
    }

    /** A live explanation about {@code call}: in its group while that is to be shown. */
    void tell(CallInfo call, LiveExplanation explanation) {
        if (explanation.code() == ExplanationCode.CLOSE_WAIT) {
            explanation.stream().ifPresent(st -> toldLive.add(st + ":" + explanation.code()));
        }
        route(Optional.of(call), explanation, true);
    }

    /** A record no call caused (a connection leaving the kernel), at {@code atMicros}. */
    void between(long atMicros, LiveRecord record) {
        between.add(atMicros, record);
    }

    /** Every record waiting to be shown between groups, in order; takes them. */
    List<LiveRecord> takeBetween() {
        return between.takeAll();
    }

    /** The records waiting that happened before {@code beforeMicros}, in order; takes them. */
    List<LiveRecord> takeBetween(long beforeMicros) {
        return between.take(beforeMicros);
    }

    /** How long the oldest record to be shown between groups has waited, in ns (0: none). */
    long betweenWaitingNanos() {
        return between.waitingNanos();
    }

    @Override
    public boolean knowsCalls() {
        return true;
    }

    @Override
    public List<CallEvent> callsFor(Segment segment) {
        return causes.getOrDefault(segment.frame(), List.of());
    }

    @Override
    public void explained(Explanation e) {
        if (toldLive.contains(e.stream() + ":" + e.code())) {
            return;
        }
        Optional<CallInfo> keyCall = Optional.ofNullable(frameCalls.get(e.keyFrame()))
                .flatMap(books::call);
        Optional<CallInfo> call = e.call().isPresent() ? books.call(e.call().getAsLong())
                : keyCall.or(() -> Optional.ofNullable(frameCalls.get(e.firstFrame()))
                        .flatMap(books::call));
        LiveExplanation explanation = LiveExplanation.of(e, call.map(c -> OptionalLong.of(c.id))
                .orElse(e.call()));
        boolean inGroup = e.call().isPresent() || keyCall.isPresent() && keyCall.equals(call);
        route(call, explanation, inGroup);
    }

    /**
     * Shows {@code explanation} in {@code call}'s group when {@code inGroup} and the group is
     * still to be shown, else between groups where it completed; either way it concerns the call.
     */
    private void route(Optional<CallInfo> call, LiveExplanation explanation, boolean inGroup) {
        LiveRecord.Explained record = new LiveRecord.Explained(explanation);
        call.ifPresent(c -> history.explanation(c.id, explanation));
        if (inGroup && call.isPresent() && !call.get().shown) {
            call.get().explained(record);
        } else {
            between.add(nowMicros, record);
        }
    }
}

package io.sockscope.inspector.explain;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Op;
import io.sockscope.inspector.flow.Endpoint;
import io.sockscope.inspector.flow.Segment;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the explainer follows on one connection: both sides' {@link Direction}s and the
 * rules, in the order their explanations should come out for one segment (the handshake before
 * data, data before the FIN or RST that ends it). Bounded: every rule keeps counters and
 * {@link FrameSample}s, never the segments. Owned by the {@link Explainer}.
 */
final class ConnectionStory {

    final int stream;
    final Direction first;
    final Direction second;
    final boolean loopback;
    private final ExplainContext context;
    private final ExplanationListener listener;

    private final HandshakeRule handshake;
    private final RecoveryRule firstRecovery;
    private final RecoveryRule secondRecovery;
    private final FlowControlRule firstFlow;
    private final FlowControlRule secondFlow;
    private final KeepaliveRule firstKeepalive;
    private final KeepaliveRule secondKeepalive;
    private final TimingRule firstTiming;
    private final TimingRule secondTiming;
    private final DataRule firstData;
    private final DataRule secondData;
    private final ExchangeRule exchange;
    private final CloseRule close;
    /** Every rule, in the order they see a segment (see {@link #accept}). */
    private final Rule[] rules;

    /** Handshake round trip (tshark's iRTT), 0 until known. */
    long initialRttNanos;
    /** Smallest delay seen between data and the ACK that covered it, 0 until seen. */
    long minAckDelayNanos;
    long lastNanos;
    boolean ended;
    long endedNanos;

    ConnectionStory(Segment opening, ExplainContext context, ExplanationListener listener) {
        this.stream = opening.stream();
        this.context = context;
        this.listener = listener;
        this.first = new Direction(opening.source());
        this.second = new Direction(opening.destination());
        first.peer = second;
        second.peer = first;
        boolean portsDiffer = opening.source().port() != opening.destination().port();
        first.name = name(opening.source(), portsDiffer);
        second.name = name(opening.destination(), portsDiffer);
        this.loopback = isLoopback(opening.source()) && isLoopback(opening.destination())
                || opening.source().host().equals(opening.destination().host());
        this.handshake = new HandshakeRule(this);
        this.firstRecovery = new RecoveryRule(this, first);
        this.secondRecovery = new RecoveryRule(this, second);
        this.firstFlow = new FlowControlRule(this, first);
        this.secondFlow = new FlowControlRule(this, second);
        this.firstKeepalive = new KeepaliveRule(this, first);
        this.secondKeepalive = new KeepaliveRule(this, second);
        this.firstTiming = new TimingRule(this, first);
        this.secondTiming = new TimingRule(this, second);
        this.exchange = new ExchangeRule(this);
        this.firstData = new DataRule(this, first, exchange);
        this.secondData = new DataRule(this, second, exchange);
        this.close = new CloseRule(this, handshake);
        this.rules = new Rule[] {handshake, firstRecovery, secondRecovery, firstFlow, secondFlow,
            firstKeepalive, secondKeepalive, firstTiming, secondTiming, firstData, secondData,
            exchange, close};
    }

    private static String name(Endpoint endpoint, boolean portsDiffer) {
        return portsDiffer ? ":" + endpoint.port() : endpoint.toString();
    }

    private static boolean isLoopback(Endpoint endpoint) {
        return endpoint.ipVersion() == 4 ? endpoint.host().startsWith("127.")
                : endpoint.host().equals("::1");
    }

    /** Explains one segment of this connection; segments come in capture order. */
    void accept(Segment s, Moment m) {
        Endpoint source = s.source();
        Direction from = source == first.endpoint ? first : source == second.endpoint ? second
                : source.equals(first.endpoint) ? first : second;
        Direction to = from.peer;
        m.fill(s, from, to);
        // called one by one rather than through the rules array: each call site then sees one
        // class, which the JIT inlines (a million segments a second pass through here)
        handshake.segment(m, from, to);
        firstRecovery.segment(m, from, to);
        secondRecovery.segment(m, from, to);
        firstFlow.segment(m, from, to);
        secondFlow.segment(m, from, to);
        firstKeepalive.segment(m, from, to);
        secondKeepalive.segment(m, from, to);
        firstTiming.segment(m, from, to);
        secondTiming.segment(m, from, to);
        firstData.segment(m, from, to);
        secondData.segment(m, from, to);
        exchange.segment(m, from, to);
        close.segment(m, from, to);
        update(m, from, to);
        lastNanos = m.now;
    }

    /** The bookkeeping every rule reads next time: done after the rules saw the segment. */
    private static void update(Moment m, Direction from, Direction to) {
        Segment s = m.segment;
        if (from.segments == 0) {
            from.firstNanos = m.now;
        }
        from.segments++;
        from.lastNanos = m.now;
        if (m.syn) {
            from.synFrame = m.frame;
            from.synNanos = m.now;
            if (s.options().isEmpty()) {
                from.mssOffered = -1;
            } else {
                s.options().mss().ifPresent(mss -> from.mssOffered = mss);
            }
        }
        if (m.advance > 0) {
            from.maxEnd = s.seq() + s.length();
            from.newBytes += m.advance;
        }
        if (m.advance > 0 || m.fin && from.finFrame == 0) {
            from.lastDataFrame = m.frame;
            from.lastDataNanos = m.now;
            from.lastDataEnd = s.nextSeq();
            from.lastDataLength = s.length();
        }
        if (m.fin && from.finFrame == 0) {
            from.finFrame = m.frame;
            from.finNanos = m.now;
            from.finEnd = s.nextSeq();
            if (Direction.diff(from.finEnd, from.maxEnd) > 0) {
                from.maxEnd = from.finEnd;
            }
        }
        if (m.rst && from.rstFrame == 0) {
            from.rstFrame = m.frame;
        }
        if (m.ack && !m.rst) {
            if (to.lastDataFrame != 0 && Direction.diff(s.ack(), to.lastDataEnd) >= 0
                    && (!from.ackSeen || Direction.diff(from.highestAck, to.lastDataEnd) < 0)) {
                from.coveringAckFrame = m.frame;
            }
            if (!from.ackSeen || Direction.diff(s.ack(), from.highestAck) > 0) {
                from.highestAck = s.ack();
                from.ackSeen = true;
            }
            if (to.finFrame != 0 && to.finAckFrame == 0
                    && Direction.diff(s.ack(), to.finEnd) >= 0) {
                to.finAckFrame = m.frame;
                to.finAckNanos = m.now;
            }
        }
        if (!m.rst) {
            from.window = m.syn ? s.window() : s.calculatedWindow();
            from.windowZero = !m.syn && s.window() == 0;
        }
    }

    /** Time passed without segments (live). */
    void idle(long nowNanos) {
        for (Rule rule : rules) {
            rule.idle(nowNanos);
        }
    }

    /** Live: call {@code callId} ended and all its bytes were seen; see {@link Explainer#callEnded}. */
    void callEnded(long callId) {
        firstData.callEnded(callId);
        secondData.callEnded(callId);
    }

    /** No more segments: completes everything still open. */
    void end() {
        for (Rule rule : rules) {
            rule.end();
        }
    }

    /** The handshake's client, when a SYN showed who it is. */
    Optional<Direction> client() {
        return handshake.client();
    }

    /** Round-trip estimate for timing rules: iRTT, else the quickest ACK seen; 0 unknown. */
    long pathNanos() {
        return initialRttNanos != 0 ? initialRttNanos : minAckDelayNanos;
    }

    void markEnded(long atNanos) {
        if (!ended) {
            ended = true;
            endedNanos = atNanos;
        }
    }

    boolean knowsCalls() {
        return context.knowsCalls();
    }

    /** The calls of {@code ops} that caused {@code s}, in call order; empty offline. */
    List<CallEvent> calls(Segment s, Op... ops) {
        if (s == null || !context.knowsCalls()) {
            return List.of();
        }
        return context.callsFor(s).stream()
                .filter(call -> List.of(ops).contains(call.op()))
                .toList();
    }

    /** The first call of {@code ops} that caused {@code s}. */
    Optional<CallEvent> call(Segment s, Op... ops) {
        List<CallEvent> found = calls(s, ops);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Completes an explanation resting on {@code frames}. */
    void tell(ExplanationCode code, FrameSample frames, long keyFrame, Optional<CallEvent> call,
            String text, boolean inferred) {
        tell(code, frames.toList(), frames.count(), keyFrame, call, text, inferred);
    }

    void tell(ExplanationCode code, List<Long> frames, long frameCount, long keyFrame,
            Optional<CallEvent> call, String text, boolean inferred) {
        OptionalLong id = call.map(c -> OptionalLong.of(c.id())).orElse(OptionalLong.empty());
        listener.explained(new Explanation(code, stream, frames, frameCount, keyFrame, id,
                inferred ? text + Wording.INFERRED : text, inferred));
    }

    /** {@code connect() [2]} for a known call, {@code connect()} offline. */
    static String callName(Optional<CallEvent> call, String offlineName) {
        return call.map(c -> c.op().wireName() + "() [" + c.id() + "]").orElse(offlineName);
    }
}

package io.sockscope.inspector.flow;

import io.sockscope.inspector.decode.DecodeProblem;
import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.decode.TcpOptionCursor;
import io.sockscope.inspector.decode.TcpOptionKind;
import io.sockscope.inspector.decode.TcpView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * tshark 4.0's TCP conversation tracking and sequence analysis, frame by frame, bit-exact
 * (TCP-ANALYSIS.md is the specification: §3 pipeline, §5 flags, §8 two passes).
 *
 * <p>Two ways to drive it:
 * <ul>
 *   <li><b>One pass</b> ({@link #onePass()}): frames arrive one at a time (live capture, or the
 *       first pass over a file). Relative numbers and scaled windows use what is known so far,
 *       as tshark without {@code -2} shows them.</li>
 *   <li><b>Two passes</b> over a file, as {@code tshark -2}: run a one-pass analyser over every
 *       frame, take its {@link #facts()}, then run {@link #secondPass(StreamFacts)} over the same
 *       frames in the same order. The flags come out the same (the analysis is deterministic);
 *       the displayed fields use each direction's final window scale and the final bases, with
 *       SYN+ACK re-basing re-applied as tshark's second pass does.</li>
 * </ul>
 *
 * <p>Per frame, {@link #analyze} updates the state and keeps the frame's results in this
 * analyser without allocating; {@link #segment()} copies them into an immutable {@link Segment}
 * when a caller wants one. Memory is per connection (tshark's bounded unacked list included);
 * {@link #forgetEnded} and {@link #forgetIdle} let a long-running live analyser drop connections
 * that ended, or went quiet, long ago.
 * Not thread-safe.
 */
public final class TcpAnalyzer {

    private static final long MASK = FlowState.SEQ_MASK;
    private static final int MAX_WINDOW_SHIFT = 14;
    private static final int REUSED = AnalysisFlag.REUSED_PORTS.bit();

    private final StreamFacts facts;
    private final Map<ConversationKey, Conversation> conversations = new HashMap<>();
    private final List<Conversation> byStream = new ArrayList<>();
    /** One pass: conversations a new one on the same 4-tuple replaced, until forgotten. */
    private final List<Conversation> superseded = new ArrayList<>();
    private final ConversationKey probe = new ConversationKey();
    private Conversation cached;

    private final Result last = new Result();

    private TcpAnalyzer(StreamFacts facts) {
        this.facts = facts;
    }

    /** An analyser that shows what is known so far: live capture, or pass 1 over a file. */
    public static TcpAnalyzer onePass() {
        return new TcpAnalyzer(null);
    }

    /** The second pass over a file, printing with the first pass's final facts. */
    public static TcpAnalyzer secondPass(StreamFacts firstPassFacts) {
        return new TcpAnalyzer(java.util.Objects.requireNonNull(firstPassFacts));
    }

    /** The per-frame results of the last {@link #analyze}; overwritten by the next. */
    private static final class Result {
        long frame;
        long atNanos;
        Conversation conversation;
        FlowState fwd;
        FlowState rev;
        int flags;
        long rawSeq;
        long rawAck;
        long seq;
        long ack;
        long nextSeq;
        int length;
        int window;
        int urgentPointer;
        long calculatedWindow;
        int scaleFactor;
        int analysis;
        long dupAckNumber;
        long dupAckFrame;
        long sackBase;
        java.nio.ByteBuffer optionsBuffer;
        int optionsOffset;
        int optionsLength;
    }

    /**
     * Analyses one decoded frame. Returns false when the decoder did not reach a complete TCP
     * header (not TCP, truncated, malformed, an IP fragment); a TCP header with an impossible
     * length still numbers its stream, as in tshark, but is not analysed. Frames must be fed
     * in capture order; {@code frame} is the 1-based frame number, {@code atNanos} its time.
     */
    public boolean analyze(FrameDecoder decoder, long frame, long atNanos) {
        if (!decoder.isTcp()) {
            if (decoder.problem() == DecodeProblem.TCP_HEADER_LENGTH
                    || decoder.problem() == DecodeProblem.TCP_LONGER_THAN_PACKET) {
                noteMalformedSegment(decoder);
            }
            return false;
        }
        TcpView tcp = decoder.tcp();
        long seq = tcp.sequence();
        long ack = tcp.acknowledgment();
        int flags = tcp.flags();
        int window = tcp.window();
        int len = tcp.payloadLength();
        boolean syn = (flags & TcpFlags.SYN) != 0;
        boolean hasAck = (flags & TcpFlags.ACK) != 0;
        boolean pureSyn = syn && !hasAck;

        probe.fill(decoder);
        Conversation conv = cached != null && cached.key.equals(probe) ? cached
                : conversations.get(probe);
        if (conv == null) {
            conv = create(decoder, false);
        }
        FlowState fwd = probe.senderIsA(conv.aIsFirst) ? conv.a : conv.b;
        boolean reused = false;
        if (pureSyn && fwd.baseSet) {
            if (seq != fwd.base) {
                conv = create(decoder, true);
                fwd = conv.a;
                reused = true;
            } else {
                fwd.nextSeq = fwd.maxSeqToBeAcked;
            }
        }
        cached = conv;
        FlowState rev = fwd == conv.a ? conv.b : conv.a;
        if (syn && hasAck && fwd.baseSet && seq != fwd.base) {
            fwd.base = seq;
            reused = true;
        }
        if (!fwd.baseSet) {
            fwd.base = syn ? seq : (seq - 1) & MASK;
            fwd.baseSet = true;
        }
        if (!rev.baseSet && hasAck) {
            rev.base = (ack - 1) & MASK;
            rev.baseSet = true;
        }
        if (facts == null) {
            fwd.displayBase = fwd.base;
            fwd.displayBaseSet = fwd.baseSet;
            rev.displayBase = rev.base;
            rev.displayBaseSet = rev.baseSet;
        } else if (syn && hasAck && fwd.displayBaseSet && seq != fwd.displayBase) {
            fwd.displayBase = seq;
            reused = true;
        }

        Result r = last;
        int analysis = SequenceAnalysis.analyse(conv, fwd, rev, frame, atNanos, seq, ack, flags,
                window, len, reused ? REUSED : 0);
        boolean duplicate = AnalysisFlag.DUPLICATE_ACK.in(analysis);
        r.dupAckNumber = duplicate ? fwd.dupAckNum : 0;
        r.dupAckFrame = duplicate ? fwd.lastNonDupAck : 0;

        if (syn) {
            fwd.isFirstAck = true;
        }
        if (pureSyn) {
            conv.tsMruSyn = atNanos;
        }
        if (hasAck && !syn) {
            if (conv.tsMruSyn != 0 && conv.tsFirstRtt == 0) {
                conv.tsFirstRtt = atNanos - conv.tsMruSyn;
            }
            fwd.isFirstAck = false;
        }
        scanOptions(tcp, fwd, syn, window);
        if (syn) {
            if (fwd.winScale == -1) {
                fwd.winScale = -2;
                rev.winScale = -2;
            } else if (hasAck && rev.winScale == -2) {
                fwd.winScale = -2;
            }
        }

        conv.record(fwd, rev, frame, atNanos, flags, seq, ack, len, window, analysis);

        r.frame = frame;
        r.atNanos = atNanos;
        r.conversation = conv;
        r.fwd = fwd;
        r.rev = rev;
        r.flags = flags;
        r.rawSeq = seq;
        r.rawAck = ack;
        r.length = len;
        r.window = window;
        r.urgentPointer = tcp.urgentPointer();
        r.analysis = analysis;
        r.seq = (seq - fwd.displayBase) & MASK;
        r.ack = hasAck ? (ack - rev.displayBase) & MASK : ack;
        r.nextSeq = (r.seq + len + ((flags & (TcpFlags.SYN | TcpFlags.FIN)) != 0 ? 1 : 0)) & MASK;
        r.sackBase = rev.displayBaseSet ? rev.displayBase : 0;
        if (syn) {
            r.scaleFactor = Segment.NO_SCALE_FACTOR;
            r.calculatedWindow = window;
        } else {
            int shift = facts == null ? fwd.winScale
                    : facts.windowScale(conv.stream, fwd == conv.a ? 0 : 1);
            r.scaleFactor = shift >= 0 ? 1 << shift : shift;
            r.calculatedWindow = shift >= 0 ? (long) window << shift : window;
        }
        r.optionsBuffer = tcp.buffer();
        r.optionsOffset = tcp.optionsOffset();
        r.optionsLength = tcp.optionsLength();
        return true;
    }

    /**
     * tshark still finds (or creates, numbering a new stream) the conversation of a TCP header
     * whose length field is impossible, without analysing it; doing the same keeps the stream
     * numbers of later frames equal to tshark's.
     */
    private void noteMalformedSegment(FrameDecoder decoder) {
        probe.fill(decoder);
        if (conversations.get(probe) == null) {
            create(decoder, false);
        }
    }

    private Conversation create(FrameDecoder decoder, boolean reusedPorts) {
        ConversationKey key = probe.copy();
        Endpoint sender;
        Endpoint receiver;
        TcpView tcp = decoder.tcp();
        if (decoder.ipVersion() == 4) {
            sender = new Endpoint(IpAddressText.ipv4(decoder.ipv4().source()), tcp.sourcePort(), 4);
            receiver = new Endpoint(IpAddressText.ipv4(decoder.ipv4().destination()),
                    tcp.destinationPort(), 4);
        } else {
            sender = new Endpoint(IpAddressText.ipv6(decoder.ipv6().sourceHigh(),
                    decoder.ipv6().sourceLow()), tcp.sourcePort(), 6);
            receiver = new Endpoint(IpAddressText.ipv6(decoder.ipv6().destinationHigh(),
                    decoder.ipv6().destinationLow()), tcp.destinationPort(), 6);
        }
        Conversation conv = new Conversation(byStream.size(), key, probe.senderFirst(), sender,
                receiver, reusedPorts);
        if (facts != null) {
            conv.a.displayBase = facts.base(conv.stream, 0);
            conv.a.displayBaseSet = facts.baseSet(conv.stream, 0);
            conv.b.displayBase = facts.base(conv.stream, 1);
            conv.b.displayBaseSet = facts.baseSet(conv.stream, 1);
        }
        byStream.add(conv);
        Conversation replaced = conversations.put(key, conv);
        if (replaced != null && facts == null) {
            superseded.add(replaced);
        }
        return conv;
    }

    /** Linux's options on every non-SYN segment: NOP, NOP, Timestamps (kind 8, length 10). */
    private static final int NOP_NOP_TIMESTAMPS = 0x0101080A;

    /** §3 step 7 (window scale option on any frame) and the handshake summary of a SYN. */
    private static void scanOptions(TcpView tcp, FlowState fwd, boolean syn, int window) {
        int length = tcp.optionsLength();
        if (!syn) {
            if (length == 0 || length == 12
                    && tcp.buffer().getInt(tcp.optionsOffset()) == NOP_NOP_TIMESTAMPS) {
                return;
            }
            findWindowScale(tcp.buffer(), tcp.optionsOffset(), tcp.optionsOffset() + length, fwd);
            return;
        }
        if (length == 0) {
            fwd.handshake = new HandshakeOptions(-1, -1, false, false, false, window);
            return;
        }
        TcpOptionCursor cursor = tcp.options();
        int mss = -1;
        int shift = -1;
        boolean sackOk = false;
        boolean timestamps = false;
        boolean fastOpen = false;
        while (cursor.next()) {
            switch (cursor.kind()) {
                case TcpOptionKind.WINDOW_SCALE -> {
                    int sent = cursor.windowScaleShift();
                    if (sent >= 0) {
                        shift = sent;
                        fwd.winScale = Math.min(sent, MAX_WINDOW_SHIFT);
                    }
                }
                case TcpOptionKind.MSS -> mss = cursor.mss();
                case TcpOptionKind.SACK_PERMITTED -> sackOk = true;
                case TcpOptionKind.TIMESTAMPS -> timestamps = cursor.isTimestamps();
                case TcpOptionKind.FAST_OPEN -> fastOpen = true;
                default -> {
                }
            }
        }
        fwd.handshake = new HandshakeOptions(mss, shift, sackOk, timestamps, fastOpen, window);
    }

    /** The option walk of {@link TcpOptionCursor}, inlined for non-SYN frames: only WS matters. */
    private static void findWindowScale(java.nio.ByteBuffer b, int at, int end, FlowState fwd) {
        while (at < end) {
            int kind = b.get(at) & 0xFF;
            if (kind == TcpOptionKind.EOL) {
                return;
            }
            if (kind == TcpOptionKind.NOP) {
                at++;
                continue;
            }
            if (at + 1 >= end) {
                return;
            }
            int length = b.get(at + 1) & 0xFF;
            if (length < 2 || at + length > end) {
                return;
            }
            if (kind == TcpOptionKind.WINDOW_SCALE && length == 3) {
                fwd.winScale = Math.min(b.get(at + 2) & 0xFF, MAX_WINDOW_SHIFT);
            }
            at += length;
        }
    }

    /** The last analysed frame as an immutable segment (allocates; call only when needed). */
    public Segment segment() {
        Result r = last;
        if (r.conversation == null) {
            throw new IllegalStateException("no frame analysed yet");
        }
        TcpOptions options = TcpOptions.copyOf(r.optionsBuffer, r.optionsOffset, r.optionsLength,
                r.sackBase);
        return new Segment(r.frame, r.atNanos, r.fwd.endpoint, r.rev.endpoint,
                r.conversation.stream, r.flags, r.seq, r.ack, r.nextSeq, r.length, r.window,
                r.urgentPointer, r.calculatedWindow, r.scaleFactor, options, r.analysis, r.dupAckNumber,
                r.dupAckFrame, r.rawSeq, r.rawAck);
    }

    /** {@code tcp.stream} of the last analysed frame. */
    public int lastStream() {
        return last.conversation.stream;
    }

    /** Analysis flag bits of the last analysed frame. */
    public int lastAnalysis() {
        return last.analysis;
    }

    /** Number of streams numbered so far (the next stream index). */
    public int streamCount() {
        return byStream.size();
    }

    /**
     * Snapshots of every connection still remembered, in stream order. A stream numbered only
     * by malformed TCP headers has no analysed frame and is not listed.
     */
    public List<Flow> flows() {
        List<Flow> flows = new ArrayList<>();
        for (Conversation c : byStream) {
            if (c != null && c.lastFrame != 0) {
                flows.add(c.snapshot());
            }
        }
        return flows;
    }

    /** A snapshot of one stream, if it exists and was not forgotten. */
    public Optional<Flow> flow(int stream) {
        if (stream < 0 || stream >= byStream.size() || byStream.get(stream) == null) {
            return Optional.empty();
        }
        return Optional.of(byStream.get(stream).snapshot());
    }

    /** The facts a second pass needs; call after the last frame of the first pass. */
    public StreamFacts facts() {
        return StreamFacts.of(byStream);
    }

    /**
     * Forgets connections whose last frame came before {@code lastFrameBeforeNanos} and that
     * ended (both sides closed, reset or in TIME_WAIT), keeping a live analyser's memory bounded.
     * A forgotten 4-tuple seen again starts a new stream, where tshark would remember it.
     * Returns how many were forgotten.
     */
    public int forgetEnded(long lastFrameBeforeNanos) {
        return forget(lastFrameBeforeNanos, true).size();
    }

    /**
     * Forgets connections, ended or not, whose last frame came before {@code
     * lastFrameBeforeNanos}: a live analyser's bound for connections whose end it never sees (a
     * SYN nobody answers, a FIN the capture dropped, a connection left idle). Returns their last
     * snapshots, in stream order. A forgotten connection seen again starts a new stream.
     */
    public List<Flow> forgetIdle(long lastFrameBeforeNanos) {
        return forget(lastFrameBeforeNanos, false).stream().map(Conversation::snapshot).toList();
    }

    private List<Conversation> forget(long lastFrameBeforeNanos, boolean endedOnly) {
        List<Conversation> forgotten = new ArrayList<>();
        Iterator<Map.Entry<ConversationKey, Conversation>> it =
                conversations.entrySet().iterator();
        while (it.hasNext()) {
            Conversation c = it.next().getValue();
            if ((!endedOnly || c.ended()) && c.lastNanos < lastFrameBeforeNanos) {
                it.remove();
                forgotten.add(c);
            }
        }
        Iterator<Conversation> old = superseded.iterator();
        while (old.hasNext()) {
            Conversation c = old.next();
            if ((!endedOnly || c.ended()) && c.lastNanos < lastFrameBeforeNanos) {
                old.remove();
                forgotten.add(c);
            }
        }
        for (Conversation c : forgotten) {
            byStream.set(c.stream, null);
            if (cached == c) {
                cached = null;
            }
        }
        forgotten.sort(Comparator.comparingInt(c -> c.stream));
        return forgotten;
    }
}

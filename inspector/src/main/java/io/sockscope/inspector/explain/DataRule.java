package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wording.bytes;
import static io.sockscope.inspector.explain.Wording.count;
import static io.sockscope.inspector.explain.Wording.duration;
import static io.sockscope.inspector.explain.Wording.grouped;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Op;
import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bytes one side sends: one {@code data} explanation per run, {@code split} when a run shows
 * writes that went out as several segments, {@code loopback_offload} the first time a segment is
 * larger than any real link would carry, and (live) {@code coalesced} when one segment carries
 * the bytes of several calls.
 *
 * <p>A run is the new bytes one side sends until the other side sends data, either side sends
 * FIN or RST, or it pauses for longer than {@link #PAUSE_NANOS} (or four round trips); live, also
 * where the calls that caused the segments change. Within a run, Linux sets PSH on the segment
 * that empties what one write handed over, so segments up to a PSH are one write: a write of
 * two or more segments is a split.
 */
final class DataRule implements Rule {

    static final long PAUSE_NANOS = 200_000_000L;
    private static final int ETHERNET_MTU = 1500;
    private static final int MAX_CALLS_NAMED = 4;

    private final ConnectionStory story;
    private final Direction sender;
    private final ExchangeRule exchange;

    /** The open run, or null; {@link #spare} is reused for the next one. */
    private DataRun run;
    private final DataRun spare;
    private int writeSegments;
    private final FrameSample writeFrames = new FrameSample();

    private boolean offloadTold;

    DataRule(ConnectionStory story, Direction sender, ExchangeRule exchange) {
        this.story = story;
        this.sender = sender;
        this.exchange = exchange;
        this.spare = new DataRun(sender);
    }

    @Override
    public void segment(Moment m, Direction from, Direction to) {
        Segment s = m.segment;
        if (from != sender) {
            if (run != null && m.ack && run.ackFrame == 0
                    && Direction.diff(s.ack(), run.seqEnd) >= 0) {
                run.ackFrame = m.frame;
            }
            if (run != null && (m.advance > 0 || m.fin || m.rst)) {
                close();
            }
            return;
        }
        if (m.advance > 0) {
            if (!offloadTold) {
                checkOffload(s, to);
            }
            List<CallEvent> segmentCalls = story.knowsCalls()
                    ? story.calls(s, Op.SEND, Op.SENDALL) : List.of();
            if (run != null && (m.now - run.lastNanos > pauseNanos()
                    || newCalls(segmentCalls))) {
                close();
            }
            add(m, segmentCalls);
        }
        if (run != null && (m.fin || m.rst)) {
            close();
        }
    }

    @Override
    public void idle(long nowNanos) {
        if (run != null && nowNanos - run.lastNanos > pauseNanos()) {
            close();
        }
    }

    @Override
    public void end() {
        if (run != null) {
            close();
        }
    }

    /**
     * Live: {@code callId} has ended and every byte it handed over was seen, so an open run
     * whose latest call it is gets no more segments from it and is complete.
     */
    void callEnded(long callId) {
        if (run != null && !run.calls.isEmpty() && run.calls.getLast().id() == callId) {
            close();
        }
    }

    private long pauseNanos() {
        return pauseNanos(story);
    }

    static long pauseNanos(ConnectionStory story) {
        return Math.max(PAUSE_NANOS, 4 * story.pathNanos());
    }

    private boolean newCalls(List<CallEvent> segmentCalls) {
        if (segmentCalls.isEmpty() || run.calls.isEmpty()) {
            return false;
        }
        long last = run.calls.getLast().id();
        return segmentCalls.stream().noneMatch(c -> c.id() == last);
    }

    private void add(Moment m, List<CallEvent> segmentCalls) {
        Segment s = m.segment;
        if (run == null) {
            run = spare;
            run.clear();
            run.firstNanos = m.now;
            run.seqStart = s.seq();
            writeSegments = 0;
            writeFrames.clear();
        }
        run.frames.add(m.frame);
        run.lastNanos = m.now;
        run.byteCount += m.advance;
        run.seqEnd = s.seq() + s.length();
        run.ackFrame = 0;
        run.maxLength = Math.max(run.maxLength, s.length());
        for (int i = 0; i < segmentCalls.size(); i++) {
            CallEvent call = segmentCalls.get(i);
            if (run.calls.isEmpty() || run.calls.getLast().id() != call.id()) {
                run.callCount++;
                if (run.calls.size() < MAX_CALLS_NAMED) {
                    run.calls.add(call);
                }
            }
        }
        if (segmentCalls.size() > 1) {
            coalesced(s, segmentCalls);
        }
        writeSegments++;
        writeFrames.add(m.frame);
        if (s.has(TcpFlags.PSH)) {
            if (writeSegments > 1) {
                run.splitWrites++;
                if (run.firstSplit.isEmpty()) {
                    run.firstSplit.addAll(writeFrames);
                }
            }
            writeSegments = 0;
            writeFrames.clear();
        }
    }

    private void close() {
        DataRun ended = run;
        run = null;
        exchange.runEnded(ended);
    }

    /** Tells one run: its {@code data} explanation, and {@code split} if it shows split writes. */
    static void tell(ConnectionStory story, DataRun run) {
        Direction sender = run.sender;
        Direction receiver = sender.peer;
        long segments = run.segments();
        String acked = run.ackFrame == 0 ? "" : "; " + receiver.name + "'s kernel acknowledged "
                + (segments == 1 ? "them" : "the last of them") + " in " + run.ackFrame;
        String what = sender.name + " sent " + bytes(run.byteCount) + " (seq " + run.seqStart
                + ":" + (run.seqEnd & 0xFFFFFFFFL) + ")" + (segments == 1 ? " in one segment"
                : " in " + count(segments, "segment", "segments") + " of up to "
                + bytes(run.maxLength) + (run.lastNanos > run.firstNanos ? " over "
                + duration(run.lastNanos - run.firstNanos) : ""));
        String text;
        if (!run.calls.isEmpty()) {
            text = what + ": the bytes of " + callList(run) + acked + ".";
        } else {
            text = what + acked + ". Most likely " + (segments == 1
                    ? "one send() or sendall() of " + bytes(run.byteCount)
                    + " (a segment can also hold several small sends, or part of a larger one)"
                    : "send()/sendall() calls of " + sender.name + "'s program; "
                    + receiver.name + "'s recv() gets them in whatever pieces have arrived when"
                    + " it reads, since TCP keeps no message boundaries") + ".";
        }
        story.tell(ExplanationCode.DATA, run.frames, run.frames.first(), Optional.ofNullable(
                run.calls.isEmpty() ? null : run.calls.getFirst()), text, run.calls.isEmpty());
        if (run.splitWrites > 0) {
            split(story, sender, run.splitWrites, run.firstSplit);
        }
    }

    private static String callList(DataRun run) {
        List<String> names = new ArrayList<>();
        for (CallEvent call : run.calls) {
            names.add(call.op().wireName() + "() [" + call.id() + "]");
        }
        String list = String.join(", ", names);
        return run.callCount > run.calls.size() ? list + " and "
                + grouped(run.callCount - run.calls.size()) + " more calls" : list;
    }

    static void split(ConnectionStory story, Direction sender, long splitWrites,
            FrameSample firstSplit) {
        Direction receiver = sender.peer;
        String mss = receiver.mssOffered > 0 ? " (the MSS " + receiver.name + " announced is "
                + bytes(receiver.mssOffered) + ")" : "";
        String text = sender.name + " handed over " + (splitWrites == 1 ? "a write"
                : grouped(splitWrites) + " writes") + " that went out as several segments"
                + (splitWrites == 1 ? "" : " (the first shown here)") + ": Linux marks the"
                + " segment that ends what one write handed over with PSH, and the segments"
                + " before it carry no PSH. Most likely one send()/sendall() larger than a segment"
                + " may carry" + mss + " or than the window " + receiver.name + " offered, which"
                + " the kernel cut up. The receiver's recv() may return such a message in pieces:"
                + " loop until the whole message is there.";
        story.tell(ExplanationCode.SPLIT, firstSplit, firstSplit.first(), Optional.empty(), text,
                true);
    }

    private void coalesced(Segment s, List<CallEvent> segmentCalls) {
        List<String> names = new ArrayList<>();
        for (CallEvent call : segmentCalls) {
            names.add(call.op().wireName() + "() [" + call.id() + "]");
        }
        String text = "One segment (" + s.frame() + ", " + bytes(s.length()) + ") carries the"
                + " bytes of " + String.join(", ", names) + ": the kernel merged small writes"
                + " that waited for an ACK (Nagle's algorithm) or for the previous segment to"
                + " leave (autocorking). The receiver sees one stream of bytes either way.";
        story.tell(ExplanationCode.COALESCED, List.of(s.frame()), 1, s.frame(),
                Optional.of(segmentCalls.getFirst()), text, false);
    }

    private void checkOffload(Segment s, Direction receiver) {
        int ipHeaders = s.ipVersion() == 4 ? 40 : 60;
        int linkLimit = ETHERNET_MTU - ipHeaders;
        int mss = receiver.mssOffered;
        boolean overMss = mss > 0 && s.length() > mss;
        boolean overLink = story.loopback && s.length() > linkLimit;
        if (!overMss && !overLink) {
            return;
        }
        offloadTold = true;
        String why = story.loopback
                ? "on loopback the MTU is 64 KiB and the kernel hands whole chunks of the send"
                + " buffer to the capture as one segment (segmentation offload, GSO), so a"
                + " loopback capture shows segments no real link carries: an Ethernet link (MTU"
                + " 1,500) takes at most " + bytes(linkLimit) + " per segment"
                : "the capture point is on the sending host, before the network card (TSO) or the"
                + " kernel (GSO) cuts such a segment into MSS-sized ones: on the wire they are at"
                + " most " + bytes(mss) + " each";
        String text = sender.name + " sent a segment of " + bytes(s.length())
                + (overMss ? ", more than the " + bytes(mss) + " MSS " + receiver.name
                + " announced" : "") + ": " + why + ". Nothing to fix; the programs see the same"
                + " bytes either way.";
        story.tell(ExplanationCode.LOOPBACK_OFFLOAD, List.of(s.frame()), 1, s.frame(),
                Optional.empty(), text, false);
    }
}

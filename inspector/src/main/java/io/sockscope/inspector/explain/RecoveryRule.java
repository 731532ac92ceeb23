package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wording.count;
import static io.sockscope.inspector.explain.Wording.duration;
import static io.sockscope.inspector.explain.Wording.grouped;

import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Segment;
import java.util.Optional;

/**
 * Loss and recovery of one side's data, told once per recovery episode: the receiver's
 * {@code duplicate_ack}s, the sender's {@code fast_retransmission}s, other
 * {@code retransmission}s (after a timeout or during recovery), {@code spurious_retransmission}s,
 * what tshark calls {@code out_of_order}, and the {@code lost_segment}s the capture never saw.
 *
 * <p>An episode opens at the first such event for the direction. It is recovered when the
 * receiver acknowledges everything the sender had sent by the episode's last event (the recovery
 * point); it ends when {@link #QUIET_NANOS} pass after that with no new loss (a loss within that
 * time continues the episode), or when the connection ends. Within an episode each kind is one
 * explanation listing its frames, so a lossy bulk transfer gives a few explanations, not one per
 * segment. SYNs sent again belong to {@link HandshakeRule} ({@code syn_retry}).
 */
final class RecoveryRule implements Rule {

    /** A resend this long after the sender's previous segment was a retransmission timeout. */
    static final long TIMEOUT_GAP_NANOS = 150_000_000L;
    /** How long a recovered episode waits for more loss before it is told. */
    static final long QUIET_NANOS = 1_000_000_000L;

    private final ConnectionStory story;
    private final Direction sender;

    private boolean open;
    private boolean recovered;
    private long recoveredNanos;
    private long recoveryPoint;
    private long firstNanos;
    private long lastNanos;
    private final FrameSample duplicates = new FrameSample();
    private long series;
    private long lastDuplicateAck;
    private final FrameSample fast = new FrameSample();
    private final FrameSample resent = new FrameSample();
    private long timeouts;
    private long longestTimeoutNanos;
    private final FrameSample spurious = new FrameSample();
    private final FrameSample outOfOrder = new FrameSample();
    private final FrameSample lost = new FrameSample();
    private long ackedUnseen;
    /** Whether the capture missed any of the sender's bytes (a gap) so far. */
    private boolean gapSeen;

    RecoveryRule(ConnectionStory story, Direction sender) {
        this.story = story;
        this.sender = sender;
    }

    @Override
    public void segment(Moment m, Direction from, Direction to) {
        Segment s = m.segment;
        if (recovered && m.now - recoveredNanos > QUIET_NANOS) {
            tell();
        }
        if (from == sender) {
            if (!m.syn && s.analysis() != 0) {
                fromSender(m, s);
            }
            if (open && m.rst) {
                tell();
            }
            return;
        }
        if (s.has(AnalysisFlag.DUPLICATE_ACK)) {
            openAt(m);
            duplicates.add(m.frame);
            if (duplicates.count() == 1 || s.ack() != lastDuplicateAck) {
                series++;
                lastDuplicateAck = s.ack();
            }
        } else if (s.has(AnalysisFlag.ACK_LOST_SEGMENT)) {
            openAt(m);
            lost.add(m.frame);
            ackedUnseen++;
            gapSeen = true;
        } else if (open && !recovered && m.ack
                && Direction.diff(s.ack(), recoveryPoint) >= 0) {
            recovered = true;
            recoveredNanos = m.now;
        }
        if (open && m.rst) {
            tell();
        }
    }

    private void fromSender(Moment m, Segment s) {
        boolean lostBefore = s.has(AnalysisFlag.LOST_SEGMENT);
        boolean any = lostBefore || s.has(AnalysisFlag.RETRANSMISSION)
                || s.has(AnalysisFlag.OUT_OF_ORDER);
        if (!any) {
            return;
        }
        long gapBefore = m.now - sender.lastNanos;
        openAt(m);
        long end = s.nextSeq();
        if (Direction.diff(end, recoveryPoint) > 0) {
            recoveryPoint = end;
        }
        if (lostBefore) {
            lost.add(m.frame);
            gapSeen = true;
        }
        if (s.has(AnalysisFlag.SPURIOUS_RETRANSMISSION)) {
            spurious.add(m.frame);
        } else if (s.has(AnalysisFlag.FAST_RETRANSMISSION)) {
            fast.add(m.frame);
        } else if (s.has(AnalysisFlag.RETRANSMISSION)) {
            resent.add(m.frame);
            if (sender.segments > 0 && gapBefore >= TIMEOUT_GAP_NANOS) {
                timeouts++;
                longestTimeoutNanos = Math.max(longestTimeoutNanos, gapBefore);
            }
        } else if (s.has(AnalysisFlag.OUT_OF_ORDER)) {
            outOfOrder.add(m.frame);
        }
    }

    private void openAt(Moment m) {
        recovered = false;
        if (!open) {
            open = true;
            firstNanos = m.now;
            recoveryPoint = sender.maxEnd;
        }
        if (Direction.diff(sender.maxEnd, recoveryPoint) > 0) {
            recoveryPoint = sender.maxEnd;
        }
        lastNanos = m.now;
    }

    @Override
    public void idle(long nowNanos) {
        if (recovered && nowNanos - recoveredNanos > QUIET_NANOS) {
            tell();
        }
    }

    @Override
    public void end() {
        if (open) {
            tell();
        }
    }

    private void tell() {
        Direction receiver = sender.peer;
        String within = lastNanos > firstNanos ? " within " + duration(lastNanos - firstNanos)
                : "";
        if (!duplicates.isEmpty()) {
            String text = receiver.name + " sent " + count(duplicates.count(),
                    "duplicate ACK", "duplicate ACKs") + (series > 1 ? " in " + grouped(series)
                    + " series" : "") + within + ": each repeats the"
                    + " last byte it has in order, because segments after a hole arrived (SACK"
                    + " blocks, when present, say which). Three in a row make " + sender.name
                    + " resend the missing segment at once. No call causes this: segments were"
                    + " lost or reordered on the way.";
            story.tell(ExplanationCode.DUPLICATE_ACK, duplicates, duplicates.first(),
                    Optional.empty(), text, false);
        }
        if (!fast.isEmpty()) {
            String text = sender.name + " resent " + count(fast.count(), "segment", "segments")
                    + " right after duplicate ACKs: fast retransmit, TCP"
                    + " repairing a lost segment without waiting for a timeout. No call causes this"
                    + " and none fails: the programs only see a short delay while the receiving"
                    + " kernel holds the bytes after the hole until it is filled.";
            story.tell(ExplanationCode.FAST_RETRANSMISSION, fast, fast.first(), Optional.empty(),
                    text, false);
        }
        if (!resent.isEmpty()) {
            String timeout = timeouts == 0 ? "" : " (" + (timeouts == 1 ? "one" : grouped(timeouts))
                    + " after a retransmission timeout of about " + duration(longestTimeoutNanos)
                    + ")";
            String text = sender.name + " sent " + (resent.count() == 1 ? "a segment"
                    : count(resent.count(), "segment", "segments")) + " again" + timeout + ": "
                    + (resent.count() == 1 ? "its first copy, or its ACK, was" : "the first copies,"
                    + " or their ACKs, were") + " lost. TCP recovers by itself and the programs only"
                    + " see a delay;"
                    + " if it happens often, look at the path (a lossy link, a full queue, Wi-Fi).";
            story.tell(ExplanationCode.RETRANSMISSION, resent, resent.first(), Optional.empty(),
                    text, false);
        }
        if (!spurious.isEmpty()) {
            String text = sender.name + " resent data " + receiver.name + " had already"
                    + " acknowledged: a spurious retransmission —"
                    + " the retransmission timer fired too early, or an ACK was delayed or lost."
                    + " Harmless apart from the bytes sent twice.";
            story.tell(ExplanationCode.SPURIOUS_RETRANSMISSION, spurious, spurious.first(),
                    Optional.empty(), text, false);
        }
        if (!outOfOrder.isEmpty()) {
            String text = gapSeen
                    ? count(outOfOrder.count(), "segment", "segments") + " of " + sender.name
                    + " came out of order: earlier bytes after later"
                    + " ones. The network reordered them, or their first copies were lost before"
                    + " the capture point and these are the resends."
                    : "tshark calls " + count(outOfOrder.count(), "segment", "segments") + " of "
                    + sender.name + " out-of-order: "
                    + (outOfOrder.count() == 1 ? "it carries" : "they carry") + " bytes sent once"
                    + " already, within a round trip of the segment before. The capture saw the"
                    + " first copies, so " + (outOfOrder.count() == 1 ? "it is a resend" : "these"
                    + " are resends") + " of lost segments during recovery, not reordering in the"
                    + " network.";
            story.tell(ExplanationCode.OUT_OF_ORDER, outOfOrder, outOfOrder.first(),
                    Optional.empty(), text, false);
        }
        if (!lost.isEmpty()) {
            String acked = ackedUnseen == 0 ? "" : " (" + receiver.name + " acknowledged bytes"
                    + " the capture never saw " + Wording.times(ackedUnseen) + ")";
            String text = "The capture missed some of " + sender.name + "'s segments" + acked
                    + ": they were lost before reaching the capture"
                    + " point, or the capture itself dropped them (look at its drop count).";
            story.tell(ExplanationCode.LOST_SEGMENT, lost, lost.first(), Optional.empty(), text,
                    false);
        }
        reset();
    }

    private void reset() {
        open = false;
        recovered = false;
        duplicates.clear();
        fast.clear();
        resent.clear();
        spurious.clear();
        outOfOrder.clear();
        lost.clear();
        series = 0;
        timeouts = 0;
        longestTimeoutNanos = 0;
        ackedUnseen = 0;
    }
}

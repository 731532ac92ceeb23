package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wording.bytes;
import static io.sockscope.inspector.explain.Wording.duration;
import static io.sockscope.inspector.explain.Wording.grouped;
import static io.sockscope.inspector.explain.Wording.times;

import io.sockscope.inspector.flow.AnalysisFlag;
import java.util.List;
import java.util.Optional;

/**
 * Receiver-side flow control as one story per episode: {@code window_full} (the sender filled
 * the window it was offered), {@code zero_window} (the receiver's buffer is full),
 * {@code zero_window_probe} (the sender's probes while it waits) and {@code window_update} (the
 * receiver read again and reopened the window).
 *
 * <p>An episode opens at the first full window or zero window of one direction. A zero window
 * that reopens is told at once, with the full windows before it. A zero window that opens and
 * reopens within {@link #BRIEF_ZERO_NANOS}, unprobed, while the sender is already filling the
 * window, is part of that episode rather than a story of its own. An episode of full windows
 * ends when no window fills for {@link #QUIET_NANOS}, or when the connection ends; it is told
 * then, with the window updates the receiver sent meanwhile.
 */
final class FlowControlRule implements Rule {

    static final long QUIET_NANOS = 1_000_000_000L;
    static final long BRIEF_ZERO_NANOS = 200_000_000L;

    private enum Phase { IDLE, LIMITED, ZERO }

    private final ConnectionStory story;
    private final Direction sender;

    private Phase phase = Phase.IDLE;
    private final FrameSample full = new FrameSample();
    private final FrameSample zero = new FrameSample();
    private final FrameSample probes = new FrameSample();
    private final FrameSample briefZeros = new FrameSample();
    private long updates;
    private long briefZeroCount;
    private long fullWindow = -1;
    private long limitedSinceNanos;
    private long lastLimitedNanos;
    private long zeroSinceNanos;
    private boolean zeroFromLimited;
    private long firstProbeNanos;
    private long lastProbeNanos;

    FlowControlRule(ConnectionStory story, Direction sender) {
        this.story = story;
        this.sender = sender;
    }

    @Override
    public void segment(Moment m, Direction from, Direction to) {
        if (phase == Phase.LIMITED && m.now - lastLimitedNanos > QUIET_NANOS) {
            tellLimited();
        }
        if (from == sender) {
            fromSender(m);
        } else {
            fromReceiver(m, from);
        }
    }

    private void fromSender(Moment m) {
        if (m.segment.has(AnalysisFlag.WINDOW_FULL)) {
            if (full.isEmpty()) {
                fullWindow = sender.peer.window;
            }
            full.add(m.frame);
            lastLimitedNanos = m.now;
            if (phase == Phase.IDLE) {
                phase = Phase.LIMITED;
                limitedSinceNanos = m.now;
            }
        }
        if (phase == Phase.ZERO && m.probe) {
            if (probes.isEmpty()) {
                firstProbeNanos = m.now;
            }
            lastProbeNanos = m.now;
            probes.add(m.frame);
        }
        if (m.fin || m.rst) {
            endEpisode(m.rst ? "the connection was reset" : "the sender closed");
        }
    }

    private void fromReceiver(Moment m, Direction receiver) {
        if (m.rst) {
            endEpisode("the connection was reset");
            return;
        }
        boolean zeroAdvertised = m.segment.window() == 0 && !m.syn;
        if (zeroAdvertised) {
            if (phase != Phase.ZERO) {
                zeroFromLimited = phase == Phase.LIMITED;
                zeroSinceNanos = m.now;
                phase = Phase.ZERO;
                zero.clear();
            }
            zero.add(m.frame);
            lastLimitedNanos = m.now;
        } else if (phase == Phase.ZERO && m.ack) {
            if (zeroFromLimited && probes.isEmpty() && m.now - zeroSinceNanos < BRIEF_ZERO_NANOS) {
                briefZeroCount++;
                briefZeros.addAll(zero);
                briefZeros.add(m.frame);
                zero.clear();
                phase = Phase.LIMITED;
                lastLimitedNanos = m.now;
            } else {
                tellReopened(m, receiver);
            }
        } else if (phase == Phase.LIMITED && m.segment.has(AnalysisFlag.WINDOW_UPDATE)) {
            updates++;
        }
    }

    @Override
    public void idle(long nowNanos) {
        if (phase == Phase.LIMITED && nowNanos - lastLimitedNanos > QUIET_NANOS) {
            tellLimited();
        }
    }

    @Override
    public void end() {
        endEpisode("the capture ended");
    }

    private void endEpisode(String why) {
        if (phase == Phase.LIMITED) {
            tellLimited();
        } else if (phase == Phase.ZERO) {
            tellFull();
            tellZero("It was still 0 when " + why + ".");
            tellProbes();
            reset();
        }
    }

    private void tellReopened(Moment m, Direction receiver) {
        tellFull();
        tellZero("");
        tellProbes();
        long closedFor = m.now - zeroSinceNanos;
        String text = receiver.name + " reopened its window to "
                + bytes(m.segment.calculatedWindow())
                + " after " + duration(closedFor) + " at 0: most likely its program called recv() again"
                + " and freed buffer space, and " + sender.name + " may send again. Fix, if the"
                + " stall is unwanted: have the receiver read continuously (a reader thread, or a"
                + " select()/poll() loop), or give it a larger SO_RCVBUF.";
        story.tell(ExplanationCode.WINDOW_UPDATE, List.of(m.frame), 1, m.frame, Optional.empty(),
                text, true);
        reset();
    }

    private void tellFull() {
        if (full.isEmpty()) {
            return;
        }
        Direction receiver = sender.peer;
        String offered = fullWindow > 0 ? " (" + bytes(fullWindow) + ")" : "";
        String text = sender.name + " filled the window " + receiver.name + " offered" + offered
                + (full.count() == 1 ? "" : " " + times(full.count())) + ": it may send no more"
                + " until "
                + receiver.name + " acknowledges and reopens it. The receive buffer fills"
                + " most likely because " + receiver.name + "'s program is not calling recv() as fast as"
                + " data arrives.";
        story.tell(ExplanationCode.WINDOW_FULL, full, full.first(), Optional.empty(), text, true);
    }

    private void tellZero(String after) {
        if (zero.isEmpty()) {
            return;
        }
        Direction receiver = sender.peer;
        String text = receiver.name + " advertised a zero window"
                + (zero.count() == 1 ? "" : " " + times(zero.count())) + ": its receive buffer is"
                + " full."
                + " Most likely its program stopped calling recv() (or calls it less often than"
                + " data arrives). " + sender.name + "'s send() calls fill its own send buffer"
                + " next, then block — or, non-blocking, return short counts and then fail with"
                + " BlockingIOError (EAGAIN)." + (after.isEmpty() ? "" : " " + after);
        story.tell(ExplanationCode.ZERO_WINDOW, zero, zero.first(), Optional.empty(), text,
                true);
    }

    private void tellProbes() {
        if (probes.isEmpty()) {
            return;
        }
        Direction receiver = sender.peer;
        String text = "While the window was 0, " + sender.name + "'s kernel probed it "
                + times(probes.count()) + (probes.count() > 1 ? " over "
                + duration(lastProbeNanos - firstProbeNanos) + ", with growing gaps," : "")
                + " and " + receiver.name + " answered with"
                + " window 0: zero-window probes, segments with no new data sent one below the"
                + " next sequence number so that the receiver must answer with its current window."
                + " tshark labels Linux's 0-byte probes keep_alive; they are zero-window probes."
                + " They go on until the receiver's program reads again; no call causes them.";
        story.tell(ExplanationCode.ZERO_WINDOW_PROBE, probes, probes.first(), Optional.empty(),
                text, false);
    }

    private void tellLimited() {
        Direction receiver = sender.peer;
        String offered = fullWindow > 0 ? " (" + bytes(fullWindow) + " at first)" : "";
        String zeros = briefZeroCount == 0 ? "" : "; the window fell to 0 "
                + times(briefZeroCount) + " and reopened at once ("
                + Wording.frames(briefZeros.toList(), briefZeros.count()) + ")";
        String updated = updates == 0 ? "" : "; " + receiver.name + " sent " + grouped(updates)
                + " window update" + (updates == 1 ? "" : "s") + " as it read";
        String text = sender.name + " filled the window " + receiver.name + " offered" + offered
                + " " + times(full.count()) + " over " + duration(lastLimitedNanos
                - limitedSinceNanos) + zeros
                + updated + ": most likely the receiver's program reads more slowly than " + sender.name
                + " sends, so the receive window, not the network, sets the pace. Fix, if"
                + " throughput matters: read more often or in larger pieces, or raise SO_RCVBUF"
                + " on the receiver.";
        story.tell(ExplanationCode.WINDOW_FULL, full, full.first(), Optional.empty(), text, true);
        reset();
    }

    private void reset() {
        phase = Phase.IDLE;
        full.clear();
        zero.clear();
        probes.clear();
        briefZeros.clear();
        updates = 0;
        briefZeroCount = 0;
        fullWindow = -1;
    }
}

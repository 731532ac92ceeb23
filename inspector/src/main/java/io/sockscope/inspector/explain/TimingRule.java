package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wording.bytes;
import static io.sockscope.inspector.explain.Wording.duration;

import java.util.List;
import java.util.Optional;

/**
 * Stalls that only timing shows: {@code delayed_ack} when the receiver acknowledges a sender's
 * data some 40 ms late with no data of its own, and {@code nagle_delay} when the sender's next
 * small segment leaves the moment a late ACK of its previous small segment arrives, with no data
 * from the peer in between (which would make it an answer) — Nagle's algorithm held it back.
 *
 * <p>A delay counts when it lies between {@link #MIN_HOLD_NANOS} and {@link #MAX_HOLD_NANOS}
 * and is at least ten times the connection's round trip (its iRTT, else the quickest ACK seen),
 * so that a slow path is not mistaken for a held ACK. Only an ACK answering the sender's latest
 * segment counts (after a retransmission the wait was for the resend, not a held ACK), and ACKs
 * that close the window (flow control) do not.
 */
final class TimingRule implements Rule {

    static final long MIN_HOLD_NANOS = 30_000_000L;
    static final long MAX_HOLD_NANOS = 500_000_000L;
    private static final long PROMPT_NANOS = 2_000_000L;
    private static final int SMALL_DEFAULT = 536;

    private final ConnectionStory story;
    private final Direction sender;

    private long heldFrame;
    private long heldEnd;
    private int heldLength;
    private long heldNanos;
    private long ackFrame;
    private long ackNanos;
    private boolean ackDelayed;

    TimingRule(ConnectionStory story, Direction sender) {
        this.story = story;
        this.sender = sender;
    }

    @Override
    public void segment(Moment m, Direction from, Direction to) {
        if (from == sender) {
            if (m.advance > 0) {
                if (ackFrame != 0) {
                    checkNagle(m);
                }
                ackFrame = 0;
            }
            return;
        }
        if (m.advance > 0) {
            ackFrame = 0;
        }
        if (!m.pureAck || !m.ack || sender.lastDataFrame == 0
                || sender.lastNanos != sender.lastDataNanos) {
            return;
        }
        boolean coversNow = Direction.diff(m.segment.ack(), sender.lastDataEnd) >= 0;
        boolean coveredBefore = from.ackSeen && Direction.diff(from.highestAck,
                sender.lastDataEnd) >= 0;
        if (!coversNow || coveredBefore) {
            return;
        }
        long delay = m.now - sender.lastDataNanos;
        long path = story.pathNanos();
        if (delay > 0 && (story.minAckDelayNanos == 0 || delay < story.minAckDelayNanos)) {
            story.minAckDelayNanos = delay;
        }
        if (delay < MIN_HOLD_NANOS || delay > MAX_HOLD_NANOS || m.segment.window() == 0) {
            return;
        }
        heldFrame = sender.lastDataFrame;
        heldEnd = sender.lastDataEnd;
        heldLength = sender.lastDataLength;
        heldNanos = sender.lastDataNanos;
        ackFrame = m.frame;
        ackNanos = m.now;
        ackDelayed = path > 0 && delay >= 10 * path;
        if (ackDelayed) {
            delayedAck(from, delay);
        }
    }

    @Override
    public void end() {
        ackFrame = 0;
    }

    private void delayedAck(Direction receiver, long delay) {
        String what = heldLength == 0 ? "the FIN" : bytes(heldLength);
        String text = receiver.name + " acknowledged " + what + " of " + heldFrame + " only "
                + duration(delay) + " later (" + ackFrame + "), with no data of its own, on a"
                + " connection whose round trip is " + duration(story.pathNanos()) + ": its"
                + " kernel held the ACK back hoping to send it along with a reply (delayed ACK,"
                + " 40 ms or more on Linux). Alone it costs nothing; against a sender whose"
                + " Nagle algorithm waits for that ACK it stalls every small write. Most likely "
                + receiver.name + "'s program did not answer right away (it was still reading,"
                + " or waiting for more). Fix, where it hurts: TCP_NODELAY on the sender, or"
                + " TCP_QUICKACK on the receiver.";
        story.tell(ExplanationCode.DELAYED_ACK, List.of(heldFrame, ackFrame), 2, ackFrame,
                Optional.empty(), text, true);
    }

    private void checkNagle(Moment m) {
        long prompt = Math.max(PROMPT_NANOS, 2 * story.pathNanos() + 1_000_000L);
        Direction receiver = sender.peer;
        int small = receiver.mssOffered > 0 ? receiver.mssOffered - 40 : SMALL_DEFAULT;
        boolean follows = Direction.diff(m.segment.seq(), heldEnd) == 0;
        if (!follows || heldLength == 0 || heldLength >= small || m.now - ackNanos > prompt) {
            return;
        }
        long hold = ackNanos - heldNanos;
        String text = sender.name + " sent " + bytes(heldLength) + " (" + heldFrame + ") and"
                + " held its next " + bytes(m.segment.length()) + " back until "
                + receiver.name + "'s ACK (" + ackFrame + ") arrived " + duration(hold)
                + " later; they left " + duration(m.now - ackNanos) + " after it (" + m.frame
                + "). That is Nagle's algorithm: while a small segment is unacknowledged, more"
                + " small data waits" + (ackDelayed ? ", and the receiver delayed its ACK" : "")
                + ". Most likely " + sender.name + "'s program wrote one message in several small"
                + " send() calls (write-write-read). Fix: build the message and send it with one"
                + " sendall(), or set TCP_NODELAY on " + sender.name + "'s socket.";
        story.tell(ExplanationCode.NAGLE_DELAY, List.of(heldFrame, ackFrame, m.frame), 3,
                m.frame, Optional.empty(), text, true);
    }
}

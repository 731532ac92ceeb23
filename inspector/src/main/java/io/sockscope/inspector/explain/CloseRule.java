package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wording.bytes;
import static io.sockscope.inspector.explain.Wording.duration;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Op;
import io.sockscope.engine.OptValue;
import io.sockscope.inspector.flow.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a connection ends: {@code fin} for each side's orderly close, {@code half_close} when one
 * side keeps sending after the other's FIN, {@code time_wait} for the side that closed first,
 * {@code close_wait} for a side that got a FIN and never closed, and the resets:
 * {@code rst_unread_data} / {@code rst_abort} (the wire cannot always tell which; the live
 * session can), {@code rst_closed} for a RST answering a segment of a connection that no longer
 * exists. A RST that answers a SYN is {@link HandshakeRule}'s {@code connect_refused}.
 */
final class CloseRule implements Rule {

    /** Live: a FIN unanswered this long is told as {@code close_wait} before the end. */
    static final long CLOSE_WAIT_NANOS = 5_000_000_000L;

    private final ConnectionStory story;
    private final HandshakeRule handshake;

    /** Per side (index: first, second): new data sent after the other side's FIN. */
    private final FrameSample[] afterPeerFin = {new FrameSample(), new FrameSample()};
    private final long[] bytesAfterPeerFin = new long[2];
    private final boolean[] halfCloseTold = new boolean[2];
    private final boolean[] closeWaitTold = new boolean[2];
    private final Segment[] fins = new Segment[2];
    private boolean timeWaitTold;
    private boolean resetTold;

    CloseRule(ConnectionStory story, HandshakeRule handshake) {
        this.story = story;
        this.handshake = handshake;
    }

    private int index(Direction side) {
        return side == story.first ? 0 : 1;
    }

    @Override
    public void segment(Moment m, Direction from, Direction to) {
        Segment s = m.segment;
        int i = index(from);
        if (m.advance > 0 && to.finFrame != 0 && to.finFrame < m.frame) {
            afterPeerFin[i].add(m.frame);
            bytesAfterPeerFin[i] += m.advance;
        }
        if (m.rst) {
            if (!resetTold && !handshake.refused()) {
                reset(m, from, to);
            }
            resetTold = true;
            story.markEnded(m.now);
            return;
        }
        if (m.fin && from.finFrame == 0) {
            fins[i] = s;
            fin(m, from, to);
            if (to.finFrame != 0 && !afterPeerFin[i].isEmpty()) {
                halfClose(to, from, m.frame);
            }
        }
        if (m.ack && to.finFrame != 0 && to.finAckFrame == 0
                && Direction.diff(s.ack(), to.finEnd) >= 0 && from.finAcked()) {
            if (from.finFrame < to.finFrame && !timeWaitTold) {
                timeWait(from, to, m.frame);
            }
            story.markEnded(m.now);
        }
    }

    @Override
    public void idle(long nowNanos) {
        for (Direction closer : new Direction[] {story.first, story.second}) {
            Direction other = closer.peer;
            if (closer.finAcked() && !other.closed() && !closeWaitTold[index(other)]
                    && nowNanos - closer.finAckNanos >= CLOSE_WAIT_NANOS) {
                closeWait(closer, other, "for " + duration(nowNanos - closer.finAckNanos));
            }
        }
    }

    @Override
    public void end() {
        for (Direction closer : new Direction[] {story.first, story.second}) {
            Direction other = closer.peer;
            int o = index(other);
            if (closer.finFrame == 0 || other.closed()) {
                continue;
            }
            if (!afterPeerFin[o].isEmpty() && !halfCloseTold[o]) {
                halfClose(closer, other, 0);
            }
            if (closer.finAcked() && !closeWaitTold[o]) {
                closeWait(closer, other, "before the capture ended");
            }
        }
    }

    private void fin(Moment m, Direction closer, Direction other) {
        Optional<CallEvent> call = story.call(m.segment, Op.CLOSE, Op.SHUTDOWN);
        String text;
        if (other.finFrame != 0) {
            text = closer.name + " closed its side too (FIN, " + m.frame + "), "
                    + duration(m.now - other.finNanos) + " after " + other.name + "'s FIN: "
                    + call.map(c -> "its program called " + ConnectionStory.callName(call, "")
                            + ".")
                    .orElse("most likely its recv() returned b'' and it called close().");
        } else {
            long total = closer.newBytes + m.advance;
            String sent = total == 0 ? "" : " after sending " + bytes(total);
            text = closer.name + " sent FIN (" + m.frame + ")" + sent + ": "
                    + call.map(c -> "its program called " + ConnectionStory.callName(call, "")
                            + ", so it sends nothing more.")
                    .orElse("its program most likely called close() or shutdown(SHUT_WR), and"
                            + " it sends nothing more.")
                    + " " + other.name + "'s recv() returns b'' once it has read everything"
                    + " before the FIN.";
        }
        story.tell(ExplanationCode.FIN, List.of(m.frame), 1, m.frame, call, text,
                call.isEmpty());
    }

    private void halfClose(Direction closer, Direction sender, long senderFinFrame) {
        int i = index(sender);
        halfCloseTold[i] = true;
        FrameSample frames = new FrameSample();
        frames.add(closer.finFrame);
        frames.addAll(afterPeerFin[i]);
        if (senderFinFrame != 0) {
            frames.add(senderFinFrame);
        }
        String then = senderFinFrame != 0 ? ", then closed its side too (FIN, " + senderFinFrame
                + ")" : ", and had not closed its side when the capture ended";
        String text = closer.name + " shut down its sending side (FIN, " + closer.finFrame
                + ") but kept receiving: " + sender.name + " sent " + bytes(bytesAfterPeerFin[i])
                + " more after it (" + Wording.frames(afterPeerFin[i].toList(),
                afterPeerFin[i].count()) + ")" + then + ". " + closer.name + "'s kernel took"
                + " those bytes, so its socket was still open: most likely its program called"
                + " shutdown(SHUT_WR), not close(), and went on calling recv() until b''. A half"
                + " close is how a client says it is done sending without hanging up.";
        story.tell(ExplanationCode.HALF_CLOSE, frames, closer.finFrame,
                story.call(fins[index(closer)], Op.SHUTDOWN), text, true);
    }

    private void timeWait(Direction first, Direction second, long lastAckFrame) {
        timeWaitTold = true;
        boolean firstIsServer = story.client().map(c -> c != first).orElse(false);
        boolean firstIsClient = story.client().map(c -> c == first).orElse(false);
        String consequence = firstIsServer
                ? " If " + first.name + "'s program is a server that restarts meanwhile, its"
                + " bind() to port " + first.endpoint.port() + " fails with OSError [Errno 98]"
                + " Address already in use. Fix: set SO_REUSEADDR before bind() (on Linux the"
                + " old socket must have had it too)."
                : firstIsClient
                ? " For a client this is harmless: only this port pair is held for a minute."
                : " Meanwhile a bind() to that port without SO_REUSEADDR fails with EADDRINUSE.";
        Optional<CallEvent> closing = story.call(fins[index(first)], Op.CLOSE, Op.SHUTDOWN);
        String how = closing.isPresent() ? "" : "; most likely its program called close() or"
                + " shutdown(SHUT_WR)";
        String text = first.name + " closed first (FIN, " + first.finFrame + how + "), so once it"
                + " acknowledged " + second.name + "'s FIN (" + lastAckFrame + ") its socket"
                + " stays in TIME_WAIT for 60 s, holding the port pair to absorb late segments;"
                + " " + second.name + "'s socket is gone at once." + consequence;
        List<Long> frames = new ArrayList<>(List.of(first.finFrame, second.finFrame,
                lastAckFrame));
        frames.sort(null);
        story.tell(ExplanationCode.TIME_WAIT, frames, frames.size(), lastAckFrame,
                Optional.empty(), text, closing.isEmpty());
    }

    private void closeWait(Direction closer, Direction other, String during) {
        closeWaitTold[index(other)] = true;
        List<Long> frames = new ArrayList<>(List.of(closer.finFrame, closer.finAckFrame));
        frames.sort(null);
        String text = other.name + " received " + closer.name + "'s FIN (" + closer.finFrame
                + ") and acknowledged it (" + closer.finAckFrame + ") but did not close its own"
                + " side " + during + ": its socket sits in CLOSE_WAIT and " + closer.name
                + "'s in FIN_WAIT_2. Most likely its program got b'' from recv() (or never"
                + " read again) and forgot to call close() — the classic leak of an accepted"
                + " socket, which keeps a file descriptor open for good. Fix: close() the socket"
                + " when recv() returns b'' (a with-block does it).";
        story.tell(ExplanationCode.CLOSE_WAIT, frames, frames.size(), closer.finAckFrame,
                Optional.empty(), text, true);
    }

    private void reset(Moment m, Direction resetter, Direction peer) {
        Optional<CallEvent> close = story.call(m.segment, Op.CLOSE);
        Optional<io.sockscope.engine.Closing> closing = close.flatMap(CallEvent::closing);
        if (closing.isPresent() && closing.get().unreadBytes() > 0) {
            long unread = closing.get().unreadBytes();
            String lingerToo = isAbortive(closing.get().linger())
                    ? " (SO_LINGER was (on, 0) as well, so close() would have aborted with RST"
                    + " even with nothing unread)" : "";
            tell(ExplanationCode.RST_UNREAD_DATA, m, resetter, peer, close,
                    ConnectionStory.callName(close, "close()") + " with " + Wording.grouped(unread)
                    + " unread " + (unread == 1 ? "byte" : "bytes") + ": the kernel sent RST"
                    + " instead of FIN and discarded " + (unread == 1 ? "it" : "them") + lingerToo
                    + ". " + peer.name + "'s next recv() or send() fails with ConnectionResetError"
                    + " [Errno 104]. Fix: read what the peer sent before closing, or"
                    + " shutdown(SHUT_WR) first and drain.", false);
            return;
        }
        if (closing.isPresent() && isAbortive(closing.get().linger())) {
            tell(ExplanationCode.RST_ABORT, m, resetter, peer, close,
                    "SO_LINGER was (on, 0), so " + ConnectionStory.callName(close, "close()")
                    + " aborted the connection: RST instead of FIN, unsent data discarded, no"
                    + " TIME_WAIT. " + peer.name + "'s next recv() or send() fails with"
                    + " ConnectionResetError [Errno 104]. Fix: keep the default SO_LINGER unless"
                    + " dropping the connection is the point.", false);
            return;
        }
        if (resetter.finFrame != 0) {
            rstClosed(m, resetter, peer);
        } else if (resetter.segments == 0 && !handshake.completed()) {
            String text = resetter.name + " answered with RST (" + m.frame + "): its kernel has"
                    + " no such connection — most likely it ended earlier (the program closed it, or the"
                    + " host restarted) or never existed there. " + peer.name + "'s pending"
                    + " call fails with ConnectionResetError [Errno 104].";
            tell(ExplanationCode.RST_CLOSED, m, resetter, peer, close, text, true);
        } else if (peer.newBytes > 0) {
            String acked = resetter.coveringAckFrame == 0 ? ""
                    : " (acknowledged in " + resetter.coveringAckFrame + ")";
            String text = resetter.name + " received " + bytes(peer.newBytes) + acked + ", then"
                    + " reset the connection (RST, " + m.frame + ") instead of closing it with"
                    + " FIN. Most likely its program called close() while some of those bytes"
                    + " were still unread (Linux then sends RST), or set SO_LINGER to (on, 0) —"
                    + " the wire cannot tell which. " + peer.name + "'s next recv() or send()"
                    + " fails with ConnectionResetError [Errno 104]. Fix: read what the peer sent"
                    + " before closing, or shutdown(SHUT_WR) first and drain.";
            tell(ExplanationCode.RST_UNREAD_DATA, m, resetter, peer, close, text, true);
        } else {
            String text = resetter.name + " reset the connection (RST, " + m.frame + ") without"
                    + " having received any data that could lie unread: most likely its program"
                    + " set SO_LINGER to (on, 0) and called close() — an abortive close that"
                    + " discards unsent data and skips TIME_WAIT. " + peer.name + "'s next recv()"
                    + " or send() fails with ConnectionResetError [Errno 104]. Fix: keep the"
                    + " default SO_LINGER unless dropping the connection is the point.";
            tell(ExplanationCode.RST_ABORT, m, resetter, peer, close, text, true);
        }
    }

    private void rstClosed(Moment m, Direction resetter, Direction peer) {
        int p = index(peer);
        long after = bytesAfterPeerFin[p];
        String text = resetter.name + " had closed (FIN, " + resetter.finFrame + ")"
                + (after > 0 ? " and " + peer.name + " then sent " + bytes(after) + " ("
                + Wording.frames(afterPeerFin[p].toList(), afterPeerFin[p].count()) + ")"
                : "") + "; " + resetter.name + "'s kernel answered with RST (" + m.frame + ")"
                + " because most likely its program had closed the socket (close(), not"
                + " shutdown()), so nobody could read them. "
                + peer.name + "'s next send() or recv() fails with ConnectionResetError [Errno"
                + " 104] (or BrokenPipeError). Fix: stop sending once recv() returns b'', or"
                + " close with shutdown(SHUT_WR) and read until b'' first.";
        tell(ExplanationCode.RST_CLOSED, m, resetter, peer, Optional.empty(), text, true);
    }

    private void tell(ExplanationCode code, Moment m, Direction resetter, Direction peer,
            Optional<CallEvent> call, String text, boolean inferred) {
        FrameSample frames = new FrameSample();
        if (code == ExplanationCode.RST_UNREAD_DATA || code == ExplanationCode.RST_ABORT) {
            if (peer.lastDataFrame != 0) {
                frames.add(peer.lastDataFrame);
            }
            if (resetter.coveringAckFrame != 0) {
                frames.add(resetter.coveringAckFrame);
            }
        } else if (code == ExplanationCode.RST_CLOSED && resetter.finFrame != 0) {
            frames.add(resetter.finFrame);
            frames.addAll(afterPeerFin[index(peer)]);
        }
        frames.add(m.frame);
        story.tell(code, frames, m.frame, call, text, inferred);
    }

    private static boolean isAbortive(OptValue.Linger linger) {
        return linger.on() && linger.seconds() == 0;
    }
}

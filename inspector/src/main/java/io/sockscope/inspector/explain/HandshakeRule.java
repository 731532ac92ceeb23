package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wording.duration;
import static io.sockscope.inspector.explain.Wording.times;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Op;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Segment;
import java.util.List;
import java.util.Optional;

/**
 * The opening of a connection: {@code handshake} when SYN, SYN+ACK and ACK complete it,
 * {@code connect_refused} when a RST answers the SYN, {@code syn_retry} when a SYN or SYN+ACK
 * had to be sent again, {@code reused_ports} when the SYN reuses a remembered 4-tuple.
 */
final class HandshakeRule implements Rule {

    private final ConnectionStory story;
    private Direction client;
    private Segment firstSyn;
    private long lastSynFrame;
    private final FrameSample syns = new FrameSample();
    private final FrameSample synAcks = new FrameSample();
    private long synAckNanos;
    private long firstSynNanos;
    private long lastSynNanos;
    private boolean done;
    private boolean refused;

    HandshakeRule(ConnectionStory story) {
        this.story = story;
    }

    Optional<Direction> client() {
        return Optional.ofNullable(client);
    }

    /** True once a RST answered the SYN: the close rule leaves that RST to this rule. */
    boolean refused() {
        return refused;
    }

    boolean completed() {
        return done;
    }

    @Override
    public void segment(Moment m, Direction from, Direction to) {
        if (done || refused) {
            return;
        }
        Segment s = m.segment;
        if (m.syn && !m.ack) {
            if (client == null) {
                client = from;
                firstSyn = s;
                firstSynNanos = m.now;
                if (s.has(AnalysisFlag.REUSED_PORTS)) {
                    reusedPorts(s, from, to);
                }
            }
            if (from == client) {
                syns.add(m.frame);
                lastSynFrame = m.frame;
                lastSynNanos = m.now;
            }
        } else if (m.syn) {
            if (client == null) {
                client = to;
            }
            if (from != client) {
                synAcks.add(m.frame);
                synAckNanos = m.now;
            }
        } else if (client == null) {
            return;
        } else if (m.rst && from != client && synAcks.isEmpty() && !syns.isEmpty()) {
            refused = true;
            retries();
            refused(s, from, to);
        } else if (from == client && m.ack && !m.rst && !synAcks.isEmpty()) {
            done = true;
            story.initialRttNanos = Math.max(1, m.now - lastSynNanos);
            retries();
            completed(s, to);
        }
    }

    @Override
    public void end() {
        if (!done && !refused && client != null) {
            retries();
        }
        done = true;
    }

    private void completed(Segment ack, Direction server) {
        Optional<CallEvent> connect = story.call(firstSyn, Op.CONNECT, Op.CONNECT_EX);
        List<Long> frames = lastSynFrame == 0 ? List.of(synAcks.last(), ack.frame())
                : List.of(lastSynFrame, synAcks.last(), ack.frame());
        String opener = lastSynFrame == 0
                ? "The capture begins after " + client.name + "'s SYN; "
                : connect.isPresent() ? client.name + " called "
                + ConnectionStory.callName(connect, "connect()") + "; "
                : "Most likely " + client.name + "'s program called connect(); ";
        String accepts = connect.isPresent() ? "its accept() returns this connection"
                : "its accept() returns this connection once it calls accept()";
        String text = opener + "the kernel at " + server.name + " answered with SYN+ACK ("
                + synAcks.last() + ") and " + client.name + "'s ACK (" + ack.frame()
                + ") completed the three-way handshake"
                + (lastSynFrame == 0 ? "" : " in " + duration(story.initialRttNanos))
                + ": both sides are ESTABLISHED. A program at " + server.name
                + " listens (listen()); " + accepts + " — the kernel completes handshakes into"
                + " the listen backlog even before accept() is called.";
        story.tell(ExplanationCode.HANDSHAKE, frames, frames.size(), synAcks.last(), connect,
                text, connect.isEmpty());
    }

    private void refused(Segment rst, Direction server, Direction opener) {
        Optional<CallEvent> connect = story.call(firstSyn, Op.CONNECT, Op.CONNECT_EX);
        List<Long> frames = List.of(lastSynFrame, rst.frame());
        String failed = connect.map(c -> c.op() == Op.CONNECT_EX
                        ? c.op().wireName() + "() [" + c.id() + "] returned 111 (ECONNREFUSED)"
                        : c.op().wireName() + "() [" + c.id() + "] failed with"
                                + " ConnectionRefusedError [Errno 111] Connection refused")
                .orElse("connect() fails with ConnectionRefusedError [Errno 111] Connection"
                        + " refused (ECONNREFUSED; connect_ex() returns 111)");
        String text = opener.name + " asked for a connection (SYN, " + lastSynFrame + ") and the"
                + " kernel at " + server.name + " answered with RST (" + rst.frame() + "): no"
                + " socket listens on that port. Its " + failed + ". "
                + (connect.isPresent() ? "Nothing listens there" : "Most likely the server is not"
                + " running, listens on another port or address,")
                + " or its socket is bound but listen() was never called. Fix: start the server"
                + " (bind() then listen()) before connecting, and check the host and port.";
        story.tell(ExplanationCode.CONNECT_REFUSED, frames, frames.size(), rst.frame(), connect,
                text, connect.isEmpty());
    }

    private void retries() {
        if (syns.count() > 1) {
            String answer = refused ? "before a RST answered it"
                    : !synAcks.isEmpty() ? "before the SYN+ACK (" + synAcks.first() + ") answered"
                    : "and no answer came in the capture";
            String text = client.name + " sent its SYN " + times(syns.count()) + " ("
                    + Wording.frames(syns.toList(), syns.count()) + ", over "
                    + duration(lastSynNanos - firstSynNanos) + ") " + answer + ": the kernel"
                    + " sends an unanswered SYN again after 1 s, then 2 s, 4 s and so on while"
                    + " connect() waits. Most likely the listener's backlog was full (Linux then"
                    + " drops SYNs instead of refusing them), a firewall dropped them, or the host"
                    + " was unreachable; connect() fails with TimeoutError [Errno 110] once the"
                    + " retries run out (about 2 minutes with 6 retries). Fix: accept()"
                    + " connections sooner or give listen() a larger backlog; check firewalls.";
            story.tell(ExplanationCode.SYN_RETRY, syns, syns.last(),
                    story.call(firstSyn, Op.CONNECT, Op.CONNECT_EX), text, true);
        }
        if (synAcks.count() > 1) {
            Direction server = client.peer;
            String text = server.name + " sent its SYN+ACK " + times(synAcks.count()) + " ("
                    + Wording.frames(synAcks.toList(), synAcks.count()) + "): "
                    + client.name + "'s ACK did not reach it in time, so its kernel repeated the"
                    + " answer (1 s, 2 s, 4 s apart). Until the ACK arrives the connection waits"
                    + " in SYN_RECEIVED and accept() does not return it. Most likely segments"
                    + " toward " + server.name + " were lost, or its accept queue was full.";
            story.tell(ExplanationCode.SYN_RETRY, synAcks, synAcks.last(), Optional.empty(), text,
                    true);
        }
    }

    private void reusedPorts(Segment syn, Direction opener, Direction server) {
        String text = opener.name + " opened a new connection (SYN, " + syn.frame() + ") on the"
                + " same address and port pair as an earlier connection in this capture. The"
                + " side that closed that one first may still hold it in TIME_WAIT; Linux accepts"
                + " the new SYN when its sequence number or timestamp is newer, otherwise it"
                + " answers with an ACK for the old connection or a RST. Most likely "
                + opener.name + "'s program bound a fixed port (bind() before connect(), with"
                + " SO_REUSEADDR) or the ephemeral port range wrapped around.";
        story.tell(ExplanationCode.REUSED_PORTS, List.of(syn.frame()), 1, syn.frame(),
                story.call(syn, Op.CONNECT, Op.CONNECT_EX), text, true);
    }
}

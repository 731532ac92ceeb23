package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wording.duration;
import static io.sockscope.inspector.explain.Wording.grouped;

import io.sockscope.inspector.flow.AnalysisFlag;
import java.util.Optional;

/**
 * {@code keepalive}: one explanation per series of keep-alive probes one side sends on an idle
 * connection (a segment with no new data, one below the next sequence number, that forces the
 * peer to answer), with the answers. A probe sent while the peer's window is 0 is a zero-window
 * probe and belongs to {@link FlowControlRule}, whatever tshark calls it. The series ends when
 * either side sends data, FIN or RST.
 */
final class KeepaliveRule implements Rule {

    private final ConnectionStory story;
    private final Direction sender;

    private final FrameSample frames = new FrameSample();
    private long probes;
    private long answers;
    private long idleBeforeNanos;
    private long firstNanos;
    private long firstGapNanos;

    KeepaliveRule(ConnectionStory story, Direction sender) {
        this.story = story;
        this.sender = sender;
    }

    @Override
    public void segment(Moment m, Direction from, Direction to) {
        if (from == sender && m.keepAlive) {
            if (probes == 0) {
                idleBeforeNanos = m.now - Math.max(story.lastNanos, 0);
                firstNanos = m.now;
            } else if (probes == 1) {
                firstGapNanos = m.now - firstNanos;
            }
            probes++;
            frames.add(m.frame);
            return;
        }
        if (probes == 0) {
            return;
        }
        if (from != sender && m.segment.has(AnalysisFlag.KEEP_ALIVE_ACK)) {
            answers++;
            frames.add(m.frame);
        } else if (m.advance > 0 || m.fin || m.rst) {
            tell();
        }
    }

    @Override
    public void end() {
        if (probes > 0) {
            tell();
        }
    }

    private void tell() {
        Direction peer = sender.peer;
        String series = probes == 1 ? "a keep-alive probe"
                : grouped(probes) + " keep-alive probes " + duration(firstGapNanos) + " apart";
        String answered = answers == 0 ? "and " + peer.name + " never answered"
                : answers >= probes ? "and " + peer.name + " answered each"
                : "and " + peer.name + " answered " + grouped(answers);
        String text = sender.name + " sent " + series + " after " + duration(idleBeforeNanos)
                + " of silence, " + answered + ": segments with no new data, one below the next"
                + " sequence number,"
                + " which the peer must acknowledge. Most likely " + sender.name + "'s program set"
                + " SO_KEEPALIVE (and TCP_KEEPIDLE/TCP_KEEPINTVL near these times; Linux's"
                + " defaults are 2 hours idle and 75 s between probes). Nothing reaches recv();"
                + " if the probes go unanswered the kernel ends the connection and recv() fails"
                + " with TimeoutError [Errno 110].";
        story.tell(ExplanationCode.KEEPALIVE, frames, frames.first(), Optional.empty(), text,
                true);
        probes = 0;
        answers = 0;
        frames.clear();
    }
}

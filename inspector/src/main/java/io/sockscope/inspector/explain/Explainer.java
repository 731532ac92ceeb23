package io.sockscope.inspector.explain;

import io.sockscope.inspector.flow.Segment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Turns segments into explanations as they go by: the same code explains a capture file, live
 * traffic of any program ({@code sockscope capture}) and the live session, where an
 * {@link ExplainContext} tells which calls caused which segments.
 *
 * <p>Feed it every analysed {@link Segment} in capture order with {@link #accept}; it hands each
 * {@link Explanation} to its {@link ExplanationListener} as soon as the evidence is complete (a
 * handshake at its ACK, a RST at once, a run of data when the run ends). Tell it what else it
 * cannot see: {@link #endOfStream} when a connection will get no more segments (a file's first
 * pass knows each stream's last frame), {@link #tick} when time passes without segments (live),
 * {@link #finish} at the end of a capture. Explanations of one connection come in the order they
 * complete, which is not always the order of their first frames.
 *
 * <p>Memory is bounded per open connection: each keeps counters and bounded frame samples, never
 * the segments. A connection that ended (RST, or both FINs acknowledged) is forgotten once
 * {@link #FORGET_AFTER_NANOS} of capture time passed without it; later segments of it are
 * ignored. Single-threaded.
 */
public final class Explainer {

    /** How long an ended connection is kept for late segments (a retransmitted FIN, the last ACK). */
    public static final long FORGET_AFTER_NANOS = 10_000_000_000L;

    private final ExplainContext context;
    private final ExplanationListener listener;
    private final List<ConnectionStory> byStream = new ArrayList<>();
    private final BitSet finished = new BitSet();
    private final ArrayDeque<ConnectionStory> ended = new ArrayDeque<>();
    private final Moment moment = new Moment();
    private ConnectionStory cached;
    private int open;
    private long latestNanos;

    public Explainer(ExplainContext context, ExplanationListener listener) {
        this.context = Objects.requireNonNull(context, "context");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** An explainer for segments whose calls are unknown: files, other programs' traffic. */
    public static Explainer offline(ExplanationListener listener) {
        return new Explainer(ExplainContext.OFFLINE, listener);
    }

    /** Explains the next segment; segments must come in capture order. */
    public void accept(Segment segment) {
        int stream = segment.stream();
        if (finished.get(stream)) {
            return;
        }
        latestNanos = Math.max(latestNanos, segment.atNanos());
        ConnectionStory story = cached != null && cached.stream == stream ? cached : find(stream);
        if (story == null) {
            story = new ConnectionStory(segment, context, listener);
            while (byStream.size() <= stream) {
                byStream.add(null);
            }
            byStream.set(stream, story);
            open++;
        }
        cached = story;
        boolean wasEnded = story.ended;
        story.accept(segment, moment);
        if (story.ended && !wasEnded) {
            ended.addLast(story);
        }
        forgetEnded();
    }

    /**
     * The connection {@code stream} gets no more segments: completes its explanations and tells
     * the listener it is {@link ExplanationListener#closed closed}.
     */
    public void endOfStream(int stream) {
        ConnectionStory story = find(stream);
        if (story != null) {
            close(story);
        }
        finished.set(stream);
    }

    /**
     * Time passed without segments (live): completes what a pause completes — a run of data,
     * a flow-control episode, a FIN left unanswered for long.
     */
    public void tick(long nowNanos) {
        latestNanos = Math.max(latestNanos, nowNanos);
        for (ConnectionStory story : byStream) {
            if (story != null) {
                story.idle(nowNanos);
            }
        }
        forgetEnded();
    }

    /**
     * Live: the send() or sendall() {@code callId} has ended and every byte it handed over has
     * been given to {@link #accept}. A run of data whose latest call it is is then complete
     * (runs split where the calls change, so no later segment can extend it): its {@code data}
     * explanation is told now rather than at the next segment or pause.
     */
    public void callEnded(long callId) {
        for (ConnectionStory story : byStream) {
            if (story != null) {
                story.callEnded(callId);
            }
        }
    }

    /** The capture ended: completes the explanations of every connection still open. */
    public void finish() {
        for (ConnectionStory story : byStream) {
            if (story != null) {
                close(story);
                finished.set(story.stream);
            }
        }
        ended.clear();
    }

    /** Connections followed now (open, or ended and kept for late segments). */
    public int openConnections() {
        return open;
    }

    private ConnectionStory find(int stream) {
        return stream < byStream.size() ? byStream.get(stream) : null;
    }

    private void close(ConnectionStory story) {
        story.end();
        byStream.set(story.stream, null);
        if (cached == story) {
            cached = null;
        }
        open--;
        listener.closed(story.stream);
    }

    private void forgetEnded() {
        while (!ended.isEmpty()) {
            ConnectionStory story = ended.peekFirst();
            if (byStream.get(story.stream) != story) {
                ended.removeFirst();
            } else if (latestNanos - story.endedNanos > FORGET_AFTER_NANOS) {
                ended.removeFirst();
                close(story);
                finished.set(story.stream);
            } else {
                return;
            }
        }
    }
}

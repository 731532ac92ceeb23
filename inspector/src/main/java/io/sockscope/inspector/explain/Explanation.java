package io.sockscope.inspector.explain;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Why some segments look the way they do, in plain words: the unit every face shows after the
 * segments (the {@code explain} report, JSON {@code explain} lines, the live transcript).
 *
 * <p>An explanation rests on frames. A grouped one (a run of data, a recovery episode) can rest on
 * thousands, so {@link #frames()} is a bounded sample in ascending order that always holds the
 * first and the last frame, and {@link #frameCount()} says how many there were in all.
 *
 * @param code       the stable code (SPEC §6)
 * @param stream     the connection ({@code tcp.stream})
 * @param frames     the frames it rests on, ascending; at most {@link FrameSample#LIMIT}, first
 *                   and last always included
 * @param frameCount how many frames it rests on in all
 * @param keyFrame   the frame a ladder marks with the code (e.g. the SYN+ACK of a handshake, the
 *                   RST of a reset)
 * @param call       the call it concerns, when the calls are known (live); empty offline
 * @param text       the explanation: what happened, the calls involved, the fix where one exists
 * @param inferred   true when the text guesses the calls from the wire ("most likely"); such a
 *                   text ends with {@code (inferred from the wire)}
 */
public record Explanation(ExplanationCode code, int stream, List<Long> frames, long frameCount,
        long keyFrame, OptionalLong call, String text, boolean inferred) {

    public Explanation {
        Objects.requireNonNull(code, "code");
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an explanation rests on at least one frame");
        }
        if (frameCount < frames.size()) {
            throw new IllegalArgumentException("frameCount " + frameCount + " below the "
                    + frames.size() + " frames listed");
        }
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(text, "text");
    }

    public long firstFrame() {
        return frames.getFirst();
    }

    public long lastFrame() {
        return frames.getLast();
    }

    /**
     * The frames as people read them: {@code 4}, {@code 1–3}, {@code 8, 10}; a long or sampled
     * list as {@code 16–267 (126 frames)}.
     */
    public String framesText() {
        return Wording.frames(frames, frameCount);
    }

    /** True when {@link #frames()} lists every frame, not a sample. */
    public boolean complete() {
        return frameCount == frames.size();
    }
}

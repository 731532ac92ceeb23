package io.sockscope.inspector.live;

import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.explain.ExplanationCode;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An explanation as the live session tells it: the explainer's, tied to the call it concerns,
 * or one only a live session can give (what send() or recv() returned, a bind() refused), which
 * may rest on no segment at all.
 *
 * @param code       the stable code (SPEC §6)
 * @param call       the call it concerns, when one does
 * @param stream     the connection ({@code tcp.stream}), when it rests on segments
 * @param frames     the frames it rests on, ascending; a bounded sample (first and last kept)
 * @param frameCount how many frames it rests on in all
 * @param keyFrame   the frame a ladder marks with the code, when it rests on segments
 * @param text       what happened, the calls involved, the fix where there is one
 * @param inferred   true when the text guesses calls from the wire
 */
public record LiveExplanation(ExplanationCode code, OptionalLong call, OptionalInt stream,
        List<Long> frames, long frameCount, OptionalLong keyFrame, String text,
        boolean inferred) {

    public LiveExplanation {
        Objects.requireNonNull(code, "code");
        frames = List.copyOf(frames);
        Objects.requireNonNull(text, "text");
    }

    /** The explainer's explanation, concerning {@code call}. */
    static LiveExplanation of(Explanation e, OptionalLong call) {
        return new LiveExplanation(e.code(), call, OptionalInt.of(e.stream()), e.frames(),
                e.frameCount(), OptionalLong.of(e.keyFrame()), e.text(), e.inferred());
    }

    /** One told by the live session about {@code call}, resting on {@code frames} (maybe none). */
    static LiveExplanation told(ExplanationCode code, long call, OptionalInt stream,
            List<Long> frames, String text) {
        List<Long> sorted = frames.stream().distinct().sorted().toList();
        return new LiveExplanation(code, OptionalLong.of(call), sorted.isEmpty()
                ? OptionalInt.empty() : stream, sorted, sorted.size(), sorted.isEmpty()
                ? OptionalLong.empty() : OptionalLong.of(sorted.getLast()), text, false);
    }
}

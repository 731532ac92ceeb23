package io.sockscope.shell.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.live.LiveExplanation;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes an explanation as the SPEC §5 JSON line {@code {"type":"explain",...}}: {@code code},
 * {@code call} (null offline), {@code frames}, {@code text} as the spec has them, then
 * {@code stream}, {@code frame_count} (how many frames it rests on; {@code frames} is a sample
 * holding the first and last when there are more than 64), {@code key_frame} and
 * {@code inferred}. docs/JSON.md describes every field. A live session's explanations
 * ({@link LiveExplanation}) are written the same way.
 */
public final class ExplainJson {

    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString EXPLAIN = new SerializedString("explain");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString CALL = new SerializedString("call");
    private static final SerializedString FRAMES = new SerializedString("frames");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString STREAM = new SerializedString("stream");
    private static final SerializedString FRAME_COUNT = new SerializedString("frame_count");
    private static final SerializedString KEY_FRAME = new SerializedString("key_frame");
    private static final SerializedString INFERRED = new SerializedString("inferred");

    private ExplainJson() {
    }

    /** Writes one explanation line, with its newline. */
    public static void write(JsonGenerator g, Explanation e) throws IOException {
        write(g, e.code().wireName(), e.call(), e.frames(), e.text(), OptionalInt.of(e.stream()),
                e.frameCount(), OptionalLong.of(e.keyFrame()), e.inferred());
    }

    /**
     * Writes a live session's explanation line, with its newline. One that rests on no segment
     * ({@code addr_in_use}) has no frames, and {@code stream} and {@code key_frame} are null.
     */
    public static void write(JsonGenerator g, LiveExplanation e) throws IOException {
        write(g, e.code().wireName(), e.call(), e.frames(), e.text(), e.stream(), e.frameCount(),
                e.keyFrame(), e.inferred());
    }

    private static void write(JsonGenerator g, String code, OptionalLong call, List<Long> frames,
            String text, OptionalInt stream, long frameCount, OptionalLong keyFrame,
            boolean inferred) throws IOException {
        g.writeStartObject();
        g.writeFieldName(TYPE);
        g.writeString(EXPLAIN);
        g.writeFieldName(CODE);
        g.writeString(code);
        g.writeFieldName(CALL);
        if (call.isPresent()) {
            g.writeNumber(call.getAsLong());
        } else {
            g.writeNull();
        }
        g.writeFieldName(FRAMES);
        g.writeStartArray();
        for (long frame : frames) {
            g.writeNumber(frame);
        }
        g.writeEndArray();
        g.writeFieldName(TEXT);
        g.writeString(text);
        g.writeFieldName(STREAM);
        if (stream.isPresent()) {
            g.writeNumber(stream.getAsInt());
        } else {
            g.writeNull();
        }
        g.writeFieldName(FRAME_COUNT);
        g.writeNumber(frameCount);
        g.writeFieldName(KEY_FRAME);
        if (keyFrame.isPresent()) {
            g.writeNumber(keyFrame.getAsLong());
        } else {
            g.writeNull();
        }
        g.writeFieldName(INFERRED);
        g.writeBoolean(inferred);
        g.writeEndObject();
        g.writeRaw('\n');
    }
}

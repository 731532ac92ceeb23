package io.sockscope.shell.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.sockscope.inspector.explain.Explanation;
import java.io.IOException;

/**
 * Writes an explanation as the SPEC §5 JSON line {@code {"type":"explain",...}}: {@code code},
 * {@code call} (null offline), {@code frames}, {@code text} as the spec has them, then
 * {@code stream}, {@code frame_count} (how many frames it rests on; {@code frames} is a sample
 * holding the first and last when there are more than 64), {@code key_frame} and
 * {@code inferred}. docs/JSON.md describes every field.
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
        g.writeStartObject();
        g.writeFieldName(TYPE);
        g.writeString(EXPLAIN);
        g.writeFieldName(CODE);
        g.writeString(e.code().wireName());
        g.writeFieldName(CALL);
        if (e.call().isPresent()) {
            g.writeNumber(e.call().getAsLong());
        } else {
            g.writeNull();
        }
        g.writeFieldName(FRAMES);
        g.writeStartArray();
        for (long frame : e.frames()) {
            g.writeNumber(frame);
        }
        g.writeEndArray();
        g.writeFieldName(TEXT);
        g.writeString(e.text());
        g.writeFieldName(STREAM);
        g.writeNumber(e.stream());
        g.writeFieldName(FRAME_COUNT);
        g.writeNumber(e.frameCount());
        g.writeFieldName(KEY_FRAME);
        g.writeNumber(e.keyFrame());
        g.writeFieldName(INFERRED);
        g.writeBoolean(e.inferred());
        g.writeEndObject();
        g.writeRaw('\n');
    }
}

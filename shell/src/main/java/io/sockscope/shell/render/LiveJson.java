package io.sockscope.shell.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.inspector.live.SegmentOrigin;
import io.sockscope.shell.run.TranscriptRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The live inspector's segment and explanation records as JSON lines: the segment record of
 * SPEC §5 as {@link SegmentJson} makes it, with three members added at its end (docs/JSON.md):
 * {@code by} ({@code call}, {@code kernel} or {@code peer}), {@code socket} (the session socket
 * it belongs to) and {@code peer} (the built-in peer at the other end); the explain record as
 * {@link ExplainJson} makes it. One instance per writer; callers serialise its use.
 */
final class LiveJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private final SegmentJson segments = new SegmentJson();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private final JsonGenerator generator;

    LiveJson() {
        try {
            generator = FACTORY.createGenerator(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized String segment(TranscriptRecord.Segment s) {
        bytes.reset();
        try {
            segments.write(generator, bytes, s.segment(), s.call());
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a segment record", e);
        }
        String record = bytes.toString(StandardCharsets.UTF_8).strip();
        SegmentOrigin origin = s.origin();
        StringWriter extra = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(extra)) {
            g.writeStartObject();
            g.writeStringField("by", origin.source().name().toLowerCase(Locale.ROOT));
            string(g, "socket", origin.socket());
            string(g, "peer", origin.peer());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a segment record", e);
        }
        return record.substring(0, record.length() - 1) + "," + extra.toString().substring(1);
    }

    String explanation(TranscriptRecord.Explain x) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            ExplainJson.write(g, x.explanation());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an explain record", e);
        }
        return text.toString().strip();
    }

    private static void string(JsonGenerator g, String field, Optional<String> value)
            throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        } else {
            g.writeNullField(field);
        }
    }
}

package io.sockscope.shell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.shell.render.ExplainJson;
import io.sockscope.shell.render.ExplainReport;
import io.sockscope.shell.render.FlowJson;
import io.sockscope.shell.render.SegmentJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/** Where {@code explain} puts what it finds: JSON lines or the text report. */
sealed interface ExplainOutput {

    void segment(Segment s) throws IOException;

    void explained(Explanation e) throws IOException;

    /** The connection is complete: its flow record or its printed block. */
    void closed(int stream) throws IOException;

    /** The closing line of the text report; nothing in JSON. */
    void note(String line) throws IOException;

    void finish() throws IOException;

    /** SPEC §5 JSON lines: segment, explain and flow records. */
    final class Json implements ExplainOutput {
        private final JsonGenerator generator;
        private final OutputStream out;
        private final SegmentJson segments = new SegmentJson();
        private final IntFunction<Optional<Flow>> flows;

        Json(OutputStream out, IntFunction<Optional<Flow>> flows) throws IOException {
            JsonFactory factory = new JsonFactory();
            factory.setRootValueSeparator(null);
            factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            factory.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            this.generator = factory.createGenerator(out);
            this.out = out;
            this.flows = flows;
        }

        @Override
        public void segment(Segment s) throws IOException {
            segments.write(generator, out, s, OptionalLong.empty());
        }

        @Override
        public void explained(Explanation e) throws IOException {
            ExplainJson.write(generator, e);
        }

        @Override
        public void closed(int stream) throws IOException {
            Optional<Flow> flow = flows.apply(stream);
            if (flow.isPresent()) {
                FlowJson.write(generator, flow.get());
            }
        }

        @Override
        public void note(String line) {
        }

        @Override
        public void finish() throws IOException {
            generator.flush();
            out.flush();
        }
    }

    /** The text report of SPEC §4.1. */
    final class Text implements ExplainOutput {
        private final ExplainReport report;
        private final Writer writer;

        Text(ExplainReport report, Writer writer) {
            this.report = report;
            this.writer = writer;
        }

        @Override
        public void segment(Segment s) {
            report.segment(s);
        }

        @Override
        public void explained(Explanation e) {
            report.explained(e);
        }

        @Override
        public void closed(int stream) throws IOException {
            report.closed(stream);
        }

        @Override
        public void note(String line) throws IOException {
            report.note(line);
        }

        @Override
        public void finish() throws IOException {
            report.finish();
            writer.flush();
        }
    }
}

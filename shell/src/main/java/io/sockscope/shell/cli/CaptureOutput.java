package io.sockscope.shell.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.shell.render.CaptureJson;
import io.sockscope.shell.render.CaptureTally;
import io.sockscope.shell.render.ExplainJson;
import io.sockscope.shell.render.FlowJson;
import io.sockscope.shell.render.LiveReport;
import io.sockscope.shell.render.SegmentJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where {@code capture} puts what it sees, as it sees it: JSON lines or the streaming text
 * report. Everything is written on the capture's explaining thread; {@link #flush} hands it to
 * the terminal or pipe whenever the capture catches up.
 */
sealed interface CaptureOutput {

    void segment(Segment s) throws IOException;

    void explained(Explanation e) throws IOException;

    /** The explainer is done with a segment or a tick: what it completed is printed now (text). */
    void settle() throws IOException;

    /** The connection is done: its flow record, or its summary line (and no more rows). */
    void closed(int stream, Optional<Flow> flow) throws IOException;

    /**
     * The connection was quiet for {@code quietNanos} without being seen to end and is no longer
     * followed: its flow record, or its summary line saying so.
     */
    void quiet(int stream, Flow flow, long quietNanos) throws IOException;

    /** Time passes without frames: held ladder rows are drawn (text). */
    void idle(long nowNanos) throws IOException;

    /** A warning between the records (text only: JSON says it in the capture record). */
    void note(String line) throws IOException;

    void flush() throws IOException;

    /** The closing capture record or line; flushes. */
    void finish(CaptureTally tally) throws IOException;

    /** JSON lines (SPEC §5): segment (without {@code --summary}), explain, flow and capture records. */
    final class Json implements CaptureOutput {
        private final OutputStream out;
        private final JsonGenerator generator;
        private final SegmentJson segments = new SegmentJson();
        private final boolean withSegments;

        Json(OutputStream out, boolean withSegments) throws IOException {
            this.out = out;
            this.generator = CaptureCommand.json(out);
            this.withSegments = withSegments;
        }

        @Override
        public void segment(Segment s) throws IOException {
            if (withSegments) {
                segments.write(generator, out, s, OptionalLong.empty());
            }
        }

        @Override
        public void explained(Explanation e) throws IOException {
            ExplainJson.write(generator, e);
        }

        @Override
        public void closed(int stream, Optional<Flow> flow) throws IOException {
            if (flow.isPresent()) {
                FlowJson.write(generator, flow.get());
            }
        }

        @Override
        public void quiet(int stream, Flow flow, long quietNanos) throws IOException {
            FlowJson.write(generator, flow);
        }

        @Override
        public void settle() {
        }

        @Override
        public void idle(long nowNanos) {
        }

        @Override
        public void note(String line) {
        }

        @Override
        public void flush() throws IOException {
            generator.flush();
            out.flush();
        }

        @Override
        public void finish(CaptureTally tally) throws IOException {
            CaptureJson.write(generator, tally);
            flush();
        }
    }

    /** The streaming text report ({@link LiveReport}) and its closing line. */
    final class Text implements CaptureOutput {
        private final LiveReport report;
        private final Writer writer;

        Text(LiveReport report, Writer writer) {
            this.report = report;
            this.writer = writer;
        }

        @Override
        public void segment(Segment s) throws IOException {
            report.segment(s);
        }

        @Override
        public void explained(Explanation e) throws IOException {
            report.explained(e);
        }

        @Override
        public void closed(int stream, Optional<Flow> flow) throws IOException {
            report.closed(stream, flow);
        }

        @Override
        public void quiet(int stream, Flow flow, long quietNanos) throws IOException {
            report.quiet(stream, flow, quietNanos);
        }

        @Override
        public void settle() throws IOException {
            report.settle();
        }

        @Override
        public void idle(long nowNanos) throws IOException {
            report.idle(nowNanos);
        }

        @Override
        public void note(String line) throws IOException {
            report.note(line);
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
        }

        @Override
        public void finish(CaptureTally tally) throws IOException {
            report.note(tally.line());
            writer.flush();
        }
    }
}

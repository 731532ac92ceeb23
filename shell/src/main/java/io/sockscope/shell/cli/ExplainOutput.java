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
import java.util.concurrent.ArrayBlockingQueue;
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

    /** Releases what the output holds (the JSON writer thread) if {@link #finish} did not run. */
    default void close() {
    }

    /**
     * SPEC §5 JSON lines: segment, explain and flow records. Formatting a million records is
     * most of the work of {@code explain --json}, so it happens on a second thread: the pass
     * hands records over in batches through a small bounded queue (memory stays a few MB) and the
     * writer thread formats and writes them in order. A write failure stops the pass at its next
     * batch; {@link #finish} waits for the writer and reports the failure.
     */
    final class Json implements ExplainOutput {
        private static final int BATCH = 512;
        private static final int BATCHES_IN_FLIGHT = 8;
        private static final Object END = new Object();

        private final JsonGenerator generator;
        private final OutputStream out;
        private final SegmentJson segments = new SegmentJson();
        private final IntFunction<Optional<Flow>> flows;
        private final ArrayBlockingQueue<Object[]> full = new ArrayBlockingQueue<>(
                BATCHES_IN_FLIGHT);
        private final ArrayBlockingQueue<Object[]> spare = new ArrayBlockingQueue<>(
                BATCHES_IN_FLIGHT + 2);
        private final Thread writer;
        private volatile IOException failure;
        private Object[] batch = new Object[BATCH + 1];
        private int count;

        Json(OutputStream out, IntFunction<Optional<Flow>> flows) throws IOException {
            JsonFactory factory = new JsonFactory();
            factory.setRootValueSeparator(null);
            factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            factory.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            this.generator = factory.createGenerator(out);
            this.out = out;
            this.flows = flows;
            this.writer = Thread.ofPlatform().name("explain-json").daemon().start(this::writeAll);
        }

        @Override
        public void segment(Segment s) throws IOException {
            hand(s);
        }

        @Override
        public void explained(Explanation e) throws IOException {
            hand(e);
        }

        @Override
        public void closed(int stream) throws IOException {
            Optional<Flow> flow = flows.apply(stream);
            if (flow.isPresent()) {
                hand(flow.get());
            }
        }

        @Override
        public void note(String line) {
        }

        @Override
        public void finish() throws IOException {
            batch[count++] = END;
            send();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the output", e);
            }
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void close() {
            if (writer.isAlive()) {
                writer.interrupt();
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void hand(Object record) throws IOException {
            batch[count++] = record;
            if (count == BATCH) {
                send();
            }
        }

        private void send() throws IOException {
            if (failure != null) {
                throw failure;
            }
            batch[count] = null;
            try {
                full.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the output", e);
            }
            Object[] next = spare.poll();
            batch = next != null ? next : new Object[BATCH + 1];
            count = 0;
        }

        /** The writer thread: formats every record in order; after a failure it only drains. */
        private void writeAll() {
            while (true) {
                Object[] records;
                try {
                    records = full.take();
                } catch (InterruptedException e) {
                    failure = new IOException("interrupted while writing the output", e);
                    return;
                }
                for (Object record : records) {
                    if (record == null) {
                        break;
                    }
                    if (record == END) {
                        finishWriting();
                        return;
                    }
                    if (failure == null) {
                        try {
                            write(record);
                        } catch (IOException e) {
                            failure = e;
                        }
                    }
                }
                spare.offer(records);
            }
        }

        private void write(Object record) throws IOException {
            switch (record) {
                case Segment s -> segments.write(generator, out, s, OptionalLong.empty());
                case Explanation e -> ExplainJson.write(generator, e);
                case Flow flow -> FlowJson.write(generator, flow);
                default -> throw new IllegalStateException("not a record: " + record);
            }
        }

        private void finishWriting() {
            if (failure == null) {
                try {
                    generator.flush();
                    out.flush();
                } catch (IOException e) {
                    failure = e;
                }
            }
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

package io.sockscope.shell.cli;

import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.explain.Explainer;
import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.explain.ExplanationListener;
import io.sockscope.inspector.flow.CaptureAnalysis;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpAnalyzer;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureProblem;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.RawFrame;
import io.sockscope.inspector.pcap.ReadStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The passes of {@code explain} over a file. Full: pass 1 for the flows and final facts, pass 2
 * printing every segment as {@code tshark -2} would, explained as it goes, each connection
 * completed at its last frame. Summary: one pass, no segment output, connections completed as
 * the explainer finishes them. Frames of other streams than the one asked for are analysed but
 * not explained.
 */
final class ExplainPasses {

    /** How a run over a file ended. */
    sealed interface Result {
        /** Read to its end or to {@code problem}; counts of what was seen. */
        record Done(long frames, long segments, int connections, Optional<CaptureProblem> problem)
                implements Result {
        }

        /** The file could not be opened as a capture: one line. */
        record Unreadable(String message) implements Result {
        }

        /** The stream asked for does not exist: one line. */
        record NoSuchStream(String message) implements Result {
        }
    }

    /** Sends the explainer's findings to the output; output errors travel unchecked. */
    private record Relay(ExplainOutput output) implements ExplanationListener {
        @Override
        public void explained(Explanation explanation) {
            try {
                output.explained(explanation);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void closed(int stream) {
            try {
                output.closed(stream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ExplainPasses() {
    }

    /** Pass 1's flows by stream, for the output to look up; empty for unknown streams. */
    static IntFunction<Optional<Flow>> byStream(List<Flow> flows, int streamCount) {
        Flow[] table = new Flow[Math.max(streamCount, 1)];
        for (Flow flow : flows) {
            if (flow.stream() < table.length) {
                table[flow.stream()] = flow;
            }
        }
        return stream -> stream >= 0 && stream < table.length ? Optional.ofNullable(table[stream])
                : Optional.empty();
    }

    /** What a pass does with each segment of the stream asked for, and at the file's end. */
    private interface Step {
        void segment(Segment s, int stream) throws IOException;

        /** The file is read: {@code frames} frames, {@code segments} TCP segments analysed. */
        Result end(long frames, long segments, Optional<CaptureProblem> problem)
                throws IOException;
    }

    /** Both passes; {@code firstPass} is {@link CaptureAnalysis#summarize}'s outcome for the file. */
    static Result full(Path file, CaptureAnalysis.Outcome.Completed firstPass, OptionalInt only,
            ExplainOutput output) throws IOException {
        long[] lastFrame = new long[Math.max(firstPass.facts().streamCount(), 1)];
        for (Flow flow : firstPass.flows()) {
            lastFrame[flow.stream()] = flow.lastFrame();
        }
        Explainer explainer = Explainer.offline(new Relay(output));
        return pass(file, only, TcpAnalyzer.secondPass(firstPass.facts()), new Step() {
            @Override
            public void segment(Segment s, int stream) throws IOException {
                output.segment(s);
                explainer.accept(s);
                if (stream < lastFrame.length && lastFrame[stream] == s.frame()) {
                    explainer.endOfStream(stream);
                }
            }

            @Override
            public Result end(long frames, long segments, Optional<CaptureProblem> problem) {
                explainer.finish();
                return new Result.Done(frames, segments, firstPass.flows().size(),
                        firstPass.problem());
            }
        });
    }

    /**
     * One pass with {@code analyzer} (a fresh {@link TcpAnalyzer#onePass()}): flows and
     * explanations, no segments.
     */
    static Result summary(Path file, OptionalInt only, TcpAnalyzer analyzer, ExplainOutput output)
            throws IOException {
        Explainer explainer = Explainer.offline(new Relay(output));
        return pass(file, only, analyzer, new Step() {
            @Override
            public void segment(Segment s, int stream) {
                explainer.accept(s);
            }

            @Override
            public Result end(long frames, long segments, Optional<CaptureProblem> problem) {
                if (only.isPresent() && analyzer.flow(only.getAsInt()).isEmpty()) {
                    return noSuchStream(file, only.getAsInt(), analyzer.streamCount());
                }
                explainer.finish();
                return new Result.Done(frames, segments, analyzer.flows().size(), problem);
            }
        });
    }

    /**
     * Reads {@code file} through {@code analyzer}, handing {@code step} each segment of the stream
     * asked for ({@code only}, or every one); the other streams are analysed, not handed on.
     */
    private static Result pass(Path file, OptionalInt only, TcpAnalyzer analyzer, Step step)
            throws IOException {
        CaptureOpen open = CaptureReader.open(file);
        if (open instanceof CaptureOpen.Unreadable(String message)) {
            return new Result.Unreadable(message);
        }
        FrameDecoder decoder = new FrameDecoder();
        long frames = 0;
        long segments = 0;
        try (CaptureReader reader = ((CaptureOpen.Opened) open).reader()) {
            RawFrame frame = reader.frame();
            while (reader.next() == ReadStatus.FRAME) {
                frames++;
                decoder.decode(frame);
                if (!analyzer.analyze(decoder, frame.frameNumber(), frame.atNanos())) {
                    continue;
                }
                segments++;
                int stream = analyzer.lastStream();
                if (only.isEmpty() || only.getAsInt() == stream) {
                    step.segment(analyzer.segment(), stream);
                }
            }
            return step.end(frames, segments, reader.problem());
        }
    }

    static Result.NoSuchStream noSuchStream(Path file, int stream, int streamCount) {
        return new Result.NoSuchStream(file + ": no stream " + stream + " (" + (streamCount == 0
                ? "the capture has no TCP connections"
                : streamCount == 1 ? "the capture has one TCP connection, stream 0"
                : "its " + streamCount + " TCP connections are streams 0 to " + (streamCount - 1))
                + ")");
    }
}

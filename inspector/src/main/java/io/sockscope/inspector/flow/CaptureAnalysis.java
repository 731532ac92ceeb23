package io.sockscope.inspector.flow;

import io.sockscope.inspector.decode.DecodeStatus;
import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureProblem;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.RawFrame;
import io.sockscope.inspector.pcap.ReadStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Drives reader → decoder → analyser over a capture file: one pass for flow summaries, or the two
 * passes of {@code tshark -2} for segments printed with final window scales and bases
 * (TCP-ANALYSIS §8). Frames that are not analysable TCP are reported, not dropped silently.
 */
public final class CaptureAnalysis {

    /** Receives the frames of the printing pass, in capture order. */
    public interface FrameListener {

        /** A TCP frame, analysed. */
        void segment(Segment segment);

        /**
         * A frame that is not analysable TCP: not IP or not TCP ({@code UNSUPPORTED}), or cut
         * short or damaged ({@code TRUNCATED}, {@code MALFORMED}); {@code problem} says what.
         */
        void otherFrame(long frame, long atNanos, DecodeStatus status, String problem);
    }

    /** How a run over a file ended. */
    public sealed interface Outcome {

        /**
         * The file was read to its end or to {@code problem}, the first thing that stopped
         * reading (the frames before it were analysed).
         */
        record Completed(long frames, List<Flow> flows, StreamFacts facts,
                Optional<CaptureProblem> problem) implements Outcome {
        }

        /** The file could not be opened as a capture. */
        record Unreadable(String message) implements Outcome {
        }
    }

    private CaptureAnalysis() {
    }

    /** One pass: flows and final facts, no segments (the {@code --summary} path). */
    public static Outcome summarize(Path file) {
        return pass(file, TcpAnalyzer.onePass(), null);
    }

    /**
     * Both passes: the first for the facts, the second delivering every frame to
     * {@code listener} as tshark {@code -2} prints it. The flows are the first pass's.
     */
    public static Outcome twoPasses(Path file, FrameListener listener) {
        Outcome first = summarize(file);
        if (!(first instanceof Outcome.Completed done)) {
            return first;
        }
        Outcome second = pass(file, TcpAnalyzer.secondPass(done.facts()), listener);
        if (!(second instanceof Outcome.Completed)) {
            return second;
        }
        return done;
    }

    /** One pass of {@code analyzer} over the file, delivering frames to {@code listener} if any. */
    public static Outcome pass(Path file, TcpAnalyzer analyzer, FrameListener listener) {
        CaptureOpen open = CaptureReader.open(file);
        if (open instanceof CaptureOpen.Unreadable(String message)) {
            return new Outcome.Unreadable(message);
        }
        FrameDecoder decoder = new FrameDecoder();
        long frames = 0;
        try (CaptureReader reader = ((CaptureOpen.Opened) open).reader()) {
            RawFrame frame = reader.frame();
            while (reader.next() == ReadStatus.FRAME) {
                frames++;
                decoder.decode(frame);
                boolean tcp = analyzer.analyze(decoder, frame.frameNumber(), frame.atNanos());
                if (listener == null) {
                    continue;
                }
                if (tcp) {
                    listener.segment(analyzer.segment());
                } else {
                    listener.otherFrame(frame.frameNumber(), frame.atNanos(), decoder.status(),
                            decoder.describeProblem());
                }
            }
            return new Outcome.Completed(frames, analyzer.flows(), analyzer.facts(),
                    reader.problem());
        }
    }
}

package io.sockscope.inspector.live;

import io.sockscope.inspector.capture.LiveFrame;
import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpAnalyzer;
import io.sockscope.inspector.pcap.CaptureInfo;
import io.sockscope.inspector.pcap.PcapWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The capture threads' part of the pipeline: each frame is decoded once, markers are told apart
 * and swallowed, every other frame is numbered (as in a {@code -w} file, which gets it whole) and,
 * when it is TCP, analysed into a {@link Segment} that waits here for the session to attribute
 * and explain it. One lock for every interface, so frame numbers and the analysis follow the
 * order frames were delivered in; nothing in here waits.
 */
final class FrameIntake {

    /** Connections that ended this long ago (capture time) are forgotten by the analyser. */
    private static final long FORGET_AFTER_NANOS = 120_000_000_000L;
    private static final long FORGET_EVERY_FRAMES = 4096;

    private final Marker marker;
    private final FrameDecoder decoder = new FrameDecoder();
    private final TcpAnalyzer analyzer = TcpAnalyzer.onePass();
    private final ArrayDeque<Segment> waiting = new ArrayDeque<>();
    private PcapWriter writer;
    private int writerLinkType;
    private long frames;
    private long waitingSince;
    private long notWritten;
    private Optional<String> writeFailure = Optional.empty();

    FrameIntake(Marker marker) {
        this.marker = marker;
    }

    /** From now on every frame of {@code linkType} is also written to {@code file} ({@code -w}). */
    synchronized void writeTo(PcapWriter file, int linkType) {
        this.writer = file;
        this.writerLinkType = linkType;
    }

    /** Takes one frame; returns the marker it is, or null for any other frame. */
    synchronized Marker.Seen accept(LiveFrame frame) {
        decoder.decode(frame.bytes(), new CaptureInfo(frame.atNanos(), frame.capturedLength(),
                frame.wireLength(), frame.linkType()));
        Marker.Seen mark = marker.recognise(decoder, frame.bytes());
        if (mark != null) {
            return mark;
        }
        frames++;
        write(frame);
        if (analyzer.analyze(decoder, frames, frame.atNanos())) {
            if (waiting.isEmpty()) {
                waitingSince = System.nanoTime();
            }
            waiting.addLast(analyzer.segment());
        }
        if (frames % FORGET_EVERY_FRAMES == 0) {
            analyzer.forgetEnded(frame.atNanos() - FORGET_AFTER_NANOS);
        }
        return null;
    }

    private void write(LiveFrame frame) {
        if (writer == null || writeFailure.isPresent()) {
            return;
        }
        if (frame.linkType() != writerLinkType) {
            notWritten++;
            return;
        }
        if (writer.write(frame.atNanos(), frame.wireLength(), frame.bytes(), 0,
                frame.capturedLength()) instanceof PcapWriter.Failed failed) {
            writeFailure = Optional.of(failed.line());
        }
    }

    /** The segments analysed since the last call, in capture order. */
    synchronized List<Segment> take() {
        List<Segment> taken = new ArrayList<>(waiting);
        waiting.clear();
        return taken;
    }

    /** How long the oldest segment not taken yet has waited, in ns; 0 when none waits. */
    synchronized long waitingNanos() {
        return waiting.isEmpty() ? 0 : System.nanoTime() - waitingSince;
    }

    /** Closes the pcap file, if any; returns what went wrong with it, one line each. */
    synchronized List<String> close() {
        List<String> notes = new ArrayList<>();
        if (writer != null) {
            if (writer.close() instanceof PcapWriter.Failed failed && writeFailure.isEmpty()) {
                writeFailure = Optional.of(failed.line());
            }
            writeFailure.ifPresent(notes::add);
            if (notWritten > 0) {
                notes.add(notWritten + " frames of another link type were not written to the"
                        + " pcap file (a classic pcap file holds one)");
            }
        }
        return notes;
    }
}

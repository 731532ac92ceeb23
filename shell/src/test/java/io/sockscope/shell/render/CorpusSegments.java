package io.sockscope.shell.render;

import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpAnalyzer;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.ReadStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real segments for renderer tests: a recorded corpus capture, analysed in one pass. */
final class CorpusSegments {

    private CorpusSegments() {
    }

    /** The segments of corpus capture {@code name} ({@code handshake_echo}), in frame order. */
    static List<Segment> of(String name) {
        Path file;
        try (InputStream in = CorpusSegments.class.getResourceAsStream("/corpus/" + name + ".pcap")) {
            if (in == null) {
                throw new IllegalStateException("no corpus capture " + name);
            }
            file = Files.createTempFile(name, ".pcap");
            Files.write(file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            CaptureReader reader = ((CaptureOpen.Opened) CaptureReader.open(file)).reader();
            List<Segment> segments = new ArrayList<>();
            FrameDecoder decoder = new FrameDecoder();
            TcpAnalyzer analyzer = TcpAnalyzer.onePass();
            long frame = 0;
            try (reader) {
                while (reader.next() == ReadStatus.FRAME) {
                    decoder.decode(reader.frame());
                    if (analyzer.analyze(decoder, ++frame, reader.frame().atNanos())) {
                        segments.add(analyzer.segment());
                    }
                }
            }
            return segments;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

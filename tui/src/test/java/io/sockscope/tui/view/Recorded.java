package io.sockscope.tui.view;

import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.explain.Explainer;
import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpAnalyzer;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.RawFrame;
import io.sockscope.inspector.pcap.ReadStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Segments, payloads and explanations of a recorded capture of the inspector's corpus, read as
 * {@code sockscope explain} reads it: the real thing the panes show, without live capture.
 */
public record Recorded(List<Segment> segments, List<byte[]> payloads,
    List<Explanation> explanations) {

  /** The capture {@code corpus/NAME.pcap}. */
  public static Recorded of(String name) {
    Path file;
    try (InputStream in = Recorded.class.getResourceAsStream("/corpus/" + name + ".pcap")) {
      if (in == null) {
        throw new IllegalStateException("no corpus capture " + name);
      }
      file = Files.createTempFile("sockscope-" + name, ".pcap");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Segment> segments = new ArrayList<>();
    List<byte[]> payloads = new ArrayList<>();
    List<Explanation> explanations = new ArrayList<>();
    Explainer explainer = Explainer.offline(explanations::add);
    TcpAnalyzer analyzer = TcpAnalyzer.onePass();
    FrameDecoder decoder = new FrameDecoder();
    CaptureOpen open = CaptureReader.open(file);
    try (CaptureReader reader = ((CaptureOpen.Opened) open).reader()) {
      RawFrame frame = reader.frame();
      while (reader.next() == ReadStatus.FRAME) {
        decoder.decode(frame);
        if (analyzer.analyze(decoder, frame.frameNumber(), frame.atNanos())) {
          Segment s = analyzer.segment();
          segments.add(s);
          payloads.add(decoder.tcp().copyPayload());
          explainer.accept(s);
        }
      }
      explainer.finish();
    }
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Recorded(segments, payloads, explanations);
  }

  /** Segment {@code i} as the live inspector hands it over, caused by {@code call} if given. */
  public WireSegment wire(int i, OptionalLong call, WireSegment.Origin origin) {
    return new WireSegment(segments.get(i), call, origin, Optional.of(payloads.get(i)));
  }
}

package io.sockscope.tui.view;

import io.sockscope.shell.run.CaptureCount;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The status bar's account of the session: whether capture runs, on which interfaces and with
 * libpcap's counts so far (received, dropped: drops are never silent), or how many segments it
 * has shown until the first counts come; and the built-in peers running now.
 */
final class SessionStatus {

  private final Map<String, String> peers = new LinkedHashMap<>();
  private String capture = "capture off";
  private boolean capturing;
  private long captured;
  private List<CaptureCount> counts = List.of();

  /** {@code count} more segments were captured. */
  void captured(long count) {
    captured += count;
  }

  /** Whether capture runs, as the session started it. */
  void capture(CaptureStatus status) {
    capturing = status instanceof CaptureStatus.Active;
    capture = switch (status) {
      case CaptureStatus.Active a -> "capture on";
      case CaptureStatus.Off o -> "capture off";
      case CaptureStatus.Unavailable u -> "no capture";
    };
  }

  /** Capture's counts so far, per interface (empty while none is open). */
  void counts(List<CaptureCount> now) {
    counts = List.copyOf(now);
  }

  /** Capture ended with this record. */
  void captureEnded(TranscriptRecord.Capture c) {
    capturing = false;
    if (!c.status().equals("ok")) {
      capture = "no capture";
      return;
    }
    capture = c.iface().orElse("?") + " ● " + (c.received().isPresent()
        ? c.received().getAsLong() : 0) + " captured, " + (c.dropped().isPresent()
            ? c.dropped().getAsLong() : 0) + " dropped";
  }

  /** While capture runs: its interfaces and counts, or the segments shown until counts come. */
  private String running() {
    if (counts.isEmpty()) {
      return "capture ● " + captured + " segment" + (captured == 1 ? "" : "s");
    }
    String ifaces = counts.stream().map(CaptureCount::iface).collect(Collectors.joining("+"));
    long received = counts.stream().mapToLong(CaptureCount::received).sum();
    long dropped = counts.stream().mapToLong(CaptureCount::dropped).sum();
    return ifaces + " ● " + received + " captured, " + dropped + " dropped";
  }

  /** A peer started or stopped. */
  void peer(TranscriptRecord.Peer p) {
    if (p.event() == TranscriptRecord.PeerEvent.STARTED) {
      peers.put(p.name(), p.kind() + " " + p.endpoint());
    } else {
      peers.remove(p.name());
    }
  }

  /** The bar's first part: capture, then the peers, each followed by a separator. */
  List<Span> spans() {
    return List.of(
        new Span(" " + (capturing ? running() : capture), Tone.STATE),
        new Span(" │ ", Tone.DIM),
        new Span(peers.isEmpty() ? "no peer" : peers.size() == 1
            ? peers.entrySet().iterator().next().getValue()
            : peers.size() + " peers", Tone.PEER),
        new Span(" │ ", Tone.DIM));
  }
}

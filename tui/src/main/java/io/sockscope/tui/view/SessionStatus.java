package io.sockscope.tui.view;

import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status bar's account of the session, kept from its records: whether capture runs and how
 * many segments it has shown (or, once it ended, its interface and libpcap's counts), and the
 * built-in peers running now.
 */
final class SessionStatus {

  private final Map<String, String> peers = new LinkedHashMap<>();
  private String capture = "capture off";
  private boolean capturing;
  private long captured;

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
        new Span(" " + (capturing ? "capture ● " + captured + " segment"
            + (captured == 1 ? "" : "s") : capture), Tone.STATE),
        new Span(" │ ", Tone.DIM),
        new Span(peers.isEmpty() ? "no peer" : peers.size() == 1
            ? peers.entrySet().iterator().next().getValue()
            : peers.size() + " peers", Tone.PEER),
        new Span(" │ ", Tone.DIM));
  }
}

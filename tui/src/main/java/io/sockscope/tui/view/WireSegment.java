package io.sockscope.tui.view;

import io.sockscope.inspector.flow.Segment;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A captured segment as the segments pane receives it: the segment, the call that caused it (if
 * one did), who put it on the wire when no call did, and its payload bytes when the capture kept
 * them.
 *
 * @param segment the segment (relative numbers, flags, options, analysis)
 * @param call    the id of the call that caused it; empty for the kernel's or the peer's own
 * @param origin  {@link Origin#CALL} when a call caused it, else whose it is
 * @param payload the TCP payload, {@code segment.length()} bytes or fewer when the capture was
 *                cut short; empty when not kept
 * @param socket  the session socket it belongs to, when the live inspector says
 * @param peer    the built-in peer that sent or received it, when the live inspector says
 */
public record WireSegment(Segment segment, OptionalLong call, Origin origin,
    Optional<byte[]> payload, Optional<String> socket, Optional<String> peer) {

  /** A segment with nothing said of its socket or peer: those are found from the endpoints. */
  public WireSegment(Segment segment, OptionalLong call, Origin origin,
      Optional<byte[]> payload) {
    this(segment, call, origin, payload, Optional.empty(), Optional.empty());
  }

  /** Who put a segment on the wire. */
  public enum Origin {
    /** A call of the session caused it. */
    CALL,
    /** The session's kernel on its own: a delayed ACK, a retransmission, a keep-alive. */
    KERNEL,
    /** The other end: the peer's data, its ACKs, its FIN or RST. */
    PEER
  }

  public WireSegment {
    payload = payload.map(byte[]::clone);
  }

  @Override
  public Optional<byte[]> payload() {
    return payload.map(byte[]::clone);
  }
}

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
 */
public record WireSegment(Segment segment, OptionalLong call, Origin origin,
    Optional<byte[]> payload) {

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

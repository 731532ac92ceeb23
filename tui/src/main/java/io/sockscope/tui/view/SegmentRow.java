package io.sockscope.tui.view;

import io.sockscope.inspector.live.LiveExplanation;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the segments pane: the head of a call's group, a segment, an explanation, or a
 * count of segments left out of a long run.
 * Segments and explanations carry the session socket they concern, which the filter matches.
 */
public sealed interface SegmentRow {

  /** The call a group's rows belong to: {@code [3] send s}. */
  record Head(long call, String socket, String op, String source) implements SegmentRow {}

  /**
   * A segment.
   *
   * @param side which of the session's sockets it concerns, and whether that socket sent it
   * @param peer the built-in peer at its other end, if any
   */
  record Wire(WireSegment wire, Optional<SocketBook.Side> side, Optional<String> peer)
      implements SegmentRow {

    /** The call that caused it, if one did. */
    public OptionalLong call() {
      return wire.call();
    }
  }

  /** An explanation; {@code socket} is the session socket of the call it concerns, if known. */
  record Why(LiveExplanation explanation, Optional<String> socket) implements SegmentRow {}

  /** Segments of a long run the live inspector left out: {@code count}, frames first–last. */
  record Folded(OptionalLong call, long count, long firstFrame, long lastFrame)
      implements SegmentRow {}
}

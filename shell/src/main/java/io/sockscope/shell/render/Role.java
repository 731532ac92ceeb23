package io.sockscope.shell.render;

/**
 * What a piece of a transcript line is, so that a terminal face can colour each kind its own
 * way: the text renderer builds its lines from {@link Styled} pieces and asks a {@link Styler}
 * to dress each one.
 */
public enum Role {
  /** {@code [2]}, {@code [&1]}. */
  CALL_ID,
  /** The statement as written. */
  SOURCE,
  /** {@code ok}, {@code fd 5}. */
  OK,
  /** {@code → b'hi'}. */
  VALUE,
  /** {@code ConnectionRefusedError: [Errno 111] Connection refused}. */
  FAILURE,
  /** {@code 0.21 ms}. */
  DURATION,
  /** {@code (end of with block)}, {@code note: ...}. */
  NOTE,
  /** The kernel's view of a socket. */
  STATE,
  /** An expectation that held. */
  EXPECT_MET,
  /** An expectation that did not. */
  EXPECT_FAILED,
  /** A built-in peer's life. */
  PEER,
  /** A table header. */
  HEADER,
  /** A segment opening a connection (SYN). */
  SEGMENT_SYN,
  /** A segment closing one side (FIN). */
  SEGMENT_FIN,
  /** A reset (RST). */
  SEGMENT_RST,
  /** A retransmission, duplicate ACK or other sign of loss. */
  SEGMENT_LOSS,
  /** Flow-control trouble: a zero window, a probe, a full window. */
  SEGMENT_FLOW,
  /** A segment carrying data. */
  SEGMENT_DATA,
  /** A pure acknowledgment or window update. */
  SEGMENT_ACK,
  /** Who sent a segment no call caused: {@code (peer echo)}, {@code (kernel s)}. */
  ORIGIN,
  /** An explanation. */
  EXPLANATION,
  /** Anything else. */
  PLAIN
}

package io.sockscope.shell.lang;

import java.util.Optional;
import java.util.Set;

/**
 * What an {@code expect} statement asserts about the statement just before it (SPEC §7). The
 * parser only checks that the names are real (an errno, an explanation code, a TCP state); the
 * runner compares them with what happened.
 */
public sealed interface Expectation {

  /** {@code expect ok}: the statement succeeded. */
  record Ok() implements Expectation {}

  /**
   * {@code expect error NAME}: the statement failed with one of {@code errnos}. {@code name} is
   * as canonically spelled: an errno ({@code ECONNREFUSED}, matching itself) or a Python
   * exception ({@code ConnectionRefusedError}, matching the errnos Python maps to it, PEP 3151;
   * {@code TimeoutError} also matches a socket timeout, which the runner reports as
   * {@code ETIMEDOUT}). {@code OSError} has no errnos: it matches any failure.
   */
  record Error(String name, Set<String> errnos) implements Expectation {

    public Error {
      errnos = Set.copyOf(errnos);
    }

    /** Whether a failure with errno {@code errnoName} meets this expectation. */
    public boolean matches(String errnoName) {
      return errnos.isEmpty() || errnos.contains(errnoName);
    }
  }

  /** {@code expect recv DATA}: the statement received exactly these bytes. */
  record Recv(Expr data) implements Expectation {}

  /**
   * {@code expect segment [SOCKET] > FLAGS}: a segment with exactly these flags went out
   * ({@code >}) or came in ({@code <}) on the statement's socket (or the named one).
   */
  record Segment(Optional<String> socket, Direction direction, Set<TcpFlag> flags)
      implements Expectation {

    public Segment {
      flags = Set.copyOf(flags);
    }

    /** The flags as tcpdump prints them: {@code S.}, {@code FP.}, or {@code none}. */
    public String flagText() {
      StringBuilder text = new StringBuilder();
      for (TcpFlag flag : TcpFlag.values()) {
        if (flags.contains(flag)) {
          text.append(flag.letter());
        }
      }
      return text.isEmpty() ? "none" : text.toString();
    }
  }

  /** {@code expect explain CODE}: the statement brought an explanation with this code (SPEC §6). */
  record Explain(String code) implements Expectation {}

  /** {@code expect state [SOCKET] STATE}: the socket is now in this TCP state. */
  record State(Optional<String> socket, TcpState state) implements Expectation {}

  /** Which way a segment went, seen from the socket: {@code >} sent, {@code <} received. */
  enum Direction {
    SENT('>'),
    RECEIVED('<');

    private final char symbol;

    Direction(char symbol) {
      this.symbol = symbol;
    }

    /** {@code >} or {@code <}. */
    public char symbol() {
      return symbol;
    }
  }
}

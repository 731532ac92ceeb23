package io.sockscope.shell.lang;

import java.util.List;

/**
 * The value of a {@code STRING} token: its prefix letters as flags and where its body lies in the
 * source (between the quotes, escapes not yet decoded). An f-string also carries the pieces its
 * body splits into, so that the parser can parse each replacement field in place.
 */
record StringToken(
    boolean raw,
    boolean bytes,
    boolean formatted,
    int bodyStart,
    int bodyEnd,
    List<StringScanner.Piece> pieces) {

  StringToken {
    pieces = List.copyOf(pieces);
  }
}

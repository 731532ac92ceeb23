package io.sockscope.shell.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a Python string literal ends and, for an f-string, how its body splits into
 * literal text and replacement fields. Decoding escapes is {@link Escapes}'s job; parsing the
 * expressions of fields is the parser's. One scanner reads one literal.
 *
 * <p>Inside a replacement field the outer quote ends the literal, as before Python 3.12 (so
 * {@code f"{d["k"]}"} is an error, while {@code f"{d['k']}"} works); strings in other quotes nest.
 */
final class StringScanner {

  /** A piece of an f-string body, as offsets in the source. */
  sealed interface Piece {

    /** Literal text {@code [start, end)}, escapes still encoded; a doubled brace is one. */
    record Literal(int start, int end) implements Piece {}

    /**
     * A replacement field: its expression {@code [exprStart, exprEnd)}; {@code debugEnd} is the
     * end of the {@code x = } text of a self-documenting field, or -1; {@code conversion} the
     * letter after {@code !}, or 0; {@code spec} the pieces of the format spec, or null.
     */
    record Field(int exprStart, int exprEnd, int debugEnd, char conversion, List<Piece> spec)
        implements Piece {}
  }

  /** How scanning a literal ended. */
  sealed interface Result {

    /** The body ends at {@code bodyEnd}, the literal (closing quote included) at {@code end}. */
    record Scanned(int bodyEnd, int end, List<Piece> pieces) implements Result {}

    /** The input (or, for a one-line literal, the line) ended first. */
    record Unterminated() implements Result {}

    /** An f-string whose fields are malformed at {@code offset}. */
    record Malformed(int offset, String message) implements Result {}
  }

  private final String src;
  private final int limit;
  private final char quote;
  private final boolean triple;
  private final boolean raw;
  private int i;

  StringScanner(String src, int limit, char quote, boolean triple, boolean raw) {
    this.src = src;
    this.limit = limit;
    this.quote = quote;
    this.triple = triple;
    this.raw = raw;
  }

  Result scanPlain(int start) {
    i = start;
    while (i < limit) {
      char c = src.charAt(i);
      if (c == '\\') {
        if (i + 1 >= limit) {
          return new Result.Unterminated();
        }
        i += 2;
      } else if (c == '\n' && !triple) {
        return new Result.Unterminated();
      } else if (closesAt(i)) {
        return new Result.Scanned(i, i + quoteLength(), List.of());
      } else {
        i++;
      }
    }
    return new Result.Unterminated();
  }

  Result scanFormatted(int start) {
    i = start;
    try {
      List<Piece> pieces = literal(false);
      return new Result.Scanned(i, i + quoteLength(), pieces);
    } catch (Stop stop) {
      return stop.message == null
          ? new Result.Unterminated()
          : new Result.Malformed(stop.offset, stop.message);
    }
  }

  private int quoteLength() {
    return triple ? 3 : 1;
  }

  private boolean closesAt(int at) {
    if (src.charAt(at) != quote) {
      return false;
    }
    return !triple || (at + 2 < limit && src.charAt(at + 1) == quote && src.charAt(at + 2) == quote);
  }

  private char peek(int at) {
    return at < limit ? src.charAt(at) : '\0';
  }

  /** Literal text and fields, up to the closing quote, or in a format spec up to its '}'. */
  private List<Piece> literal(boolean inSpec) {
    List<Piece> pieces = new ArrayList<>();
    int textStart = i;
    while (true) {
      char c = current();
      if (closesAt(i)) {
        if (inSpec) {
          throw new Stop(i, "f-string: expecting '}'");
        }
        flush(pieces, textStart, i);
        return pieces;
      }
      if (c == '\\') {
        if (peek(i + 1) == '{' || peek(i + 1) == '}') {
          i++;
        } else if (!raw && peek(i + 1) == 'N' && peek(i + 2) == '{') {
          int close = src.indexOf('}', i + 3);
          if (close < 0 || close >= limit) {
            throw new Stop(limit, null);
          }
          i = close + 1;
        } else {
          if (i + 1 >= limit) {
            throw new Stop(limit, null);
          }
          i += 2;
        }
        continue;
      }
      if (c == '{') {
        if (!inSpec && peek(i + 1) == '{') {
          flush(pieces, textStart, i + 1);
          i += 2;
        } else {
          flush(pieces, textStart, i);
          i++;
          pieces.add(field());
        }
        textStart = i;
        continue;
      }
      if (c == '}') {
        if (inSpec) {
          flush(pieces, textStart, i);
          return pieces;
        }
        if (peek(i + 1) != '}') {
          throw new Stop(i, "f-string: single '}' is not allowed");
        }
        flush(pieces, textStart, i + 1);
        i += 2;
        textStart = i;
        continue;
      }
      i++;
    }
  }

  /** The current character, failing when the literal cannot continue. */
  private char current() {
    if (i >= limit) {
      throw new Stop(limit, null);
    }
    char c = src.charAt(i);
    if (c == '\n' && !triple) {
      throw new Stop(i, null);
    }
    return c;
  }

  private static void flush(List<Piece> pieces, int start, int end) {
    if (end > start) {
      pieces.add(new Piece.Literal(start, end));
    }
  }

  /** A replacement field, from just after its '{' to just after its '}'. */
  private Piece field() {
    int exprStart = i;
    int depth = 0;
    while (true) {
      char c = current();
      if (closesAt(i)) {
        throw new Stop(i, "f-string: expecting '}'");
      }
      if (c == '\'' || c == '"') {
        skipNestedString(c);
        continue;
      }
      if (c == '\\') {
        throw new Stop(i, "f-string expression part cannot include a backslash");
      }
      if (c == '#') {
        throw new Stop(i, "f-string expression part cannot include '#'");
      }
      if (depth == 0 && endsExpression(c)) {
        break;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      }
      i++;
    }
    int exprEnd = i;
    if (src.substring(exprStart, exprEnd).isBlank()) {
      throw new Stop(i, "f-string: valid expression required before '" + src.charAt(i) + "'");
    }
    int debugEnd = -1;
    if (src.charAt(i) == '=') {
      i++;
      while (i < limit && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
        i++;
      }
      debugEnd = i;
    }
    char conversion = 0;
    if (current() == '!') {
      char letter = peek(i + 1);
      if (letter != 's' && letter != 'r' && letter != 'a') {
        throw new Stop(i + 1, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      conversion = letter;
      i += 2;
    }
    List<Piece> spec = null;
    if (current() == ':') {
      i++;
      spec = literal(true);
    }
    if (closesAt(i) || current() != '}') {
      throw new Stop(i, "f-string: expecting '}'");
    }
    i++;
    return new Piece.Field(exprStart, exprEnd, debugEnd, conversion, spec);
  }

  /** Whether {@code c}, outside brackets, ends a field's expression. */
  private boolean endsExpression(char c) {
    return switch (c) {
      case '}', ':' -> true;
      case '!' -> peek(i + 1) != '=';
      case '=' -> {
        char before = src.charAt(i - 1);
        yield peek(i + 1) != '=' && "=!<>".indexOf(before) < 0;
      }
      default -> false;
    };
  }

  /** Skips a string literal nested in a field's expression. */
  private void skipNestedString(char q) {
    boolean nestedTriple = peek(i + 1) == q && peek(i + 2) == q;
    i += nestedTriple ? 3 : 1;
    while (true) {
      if (i >= limit) {
        throw new Stop(limit, null);
      }
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '\n' && !(nestedTriple && triple)) {
        throw new Stop(i, null);
      } else if (c == q && (!nestedTriple || (peek(i + 1) == q && peek(i + 2) == q))) {
        i += nestedTriple ? 3 : 1;
        return;
      } else {
        i++;
      }
    }
  }

  /** Ends the scan: unterminated when {@code message} is null, malformed otherwise. */
  private static final class Stop extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int offset;
    final String message;

    Stop(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
      this.message = message;
    }
  }
}

package io.sockscope.shell.lang;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a run of adjacent string tokens into one literal, as Python does: a str, a bytes, or an
 * f-string whose replacement fields are parsed as expressions where they stand in the source.
 * Mixing bytes with str is an error.
 */
final class StringLiterals {

  private final Cursor c;

  StringLiterals(Cursor c) {
    this.c = c;
  }

  Expr parse() {
    Token first = c.tok;
    List<Token> tokens = new ArrayList<>();
    while (c.is(Token.Kind.STRING)) {
      StringToken value = (StringToken) c.tok.value();
      if (value.bytes() != ((StringToken) first.value()).bytes()) {
        throw c.error("cannot mix bytes and nonbytes literals");
      }
      tokens.add(c.tok);
      c.advance();
    }
    Span span = c.spanFrom(first);
    if (((StringToken) first.value()).bytes()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Token t : tokens) {
        StringToken v = (StringToken) t.value();
        out.writeBytes(octets(t, Escapes.pythonBytes(c.src(), v.bodyStart(), v.bodyEnd(), v.raw())));
      }
      return new Expr.BytesLiteral(out.toByteArray(), span);
    }
    boolean formatted = tokens.stream().anyMatch(t -> ((StringToken) t.value()).formatted());
    List<Expr.FStringPart> parts = new ArrayList<>();
    for (Token t : tokens) {
      StringToken v = (StringToken) t.value();
      if (v.formatted()) {
        parts.addAll(pieces(t, v.pieces(), v.raw()));
      } else {
        parts.add(new Expr.FStringPart.Text(text(t, v.bodyStart(), v.bodyEnd(), v.raw())));
      }
    }
    List<Expr.FStringPart> joined = join(parts);
    if (formatted) {
      return new Expr.FString(joined, span);
    }
    return new Expr.StrLiteral(
        joined.isEmpty() ? "" : ((Expr.FStringPart.Text) joined.getFirst()).text(), span);
  }

  private List<Expr.FStringPart> pieces(Token t, List<StringScanner.Piece> pieces, boolean raw) {
    List<Expr.FStringPart> parts = new ArrayList<>();
    for (StringScanner.Piece piece : pieces) {
      switch (piece) {
        case StringScanner.Piece.Literal lit ->
            parts.add(new Expr.FStringPart.Text(text(t, lit.start(), lit.end(), raw)));
        case StringScanner.Piece.Field field -> parts.addAll(field(t, field, raw));
      }
    }
    return join(parts);
  }

  private List<Expr.FStringPart> field(Token t, StringScanner.Piece.Field field, boolean raw) {
    String src = c.src();
    int line = t.line() + (int) src.substring(t.start(), field.exprStart()).chars()
        .filter(ch -> ch == '\n').count();
    Cursor inner = new Cursor(
        new PythonLexer(src, field.exprStart(), field.exprEnd(), line, PythonLexer.Mode.FIELD),
        c.depth() + 1);
    inner.enter();
    Expr value = new ExpressionParser(inner).expressions();
    if (!inner.is(Token.Kind.END)) {
      throw inner.error("f-string: invalid syntax");
    }
    List<Expr.FStringPart> spec =
        field.spec() == null ? List.of() : pieces(t, field.spec(), raw);
    Optional<Expr.Conversion> conversion = Expr.Conversion.ofLetter(field.conversion());
    List<Expr.FStringPart> parts = new ArrayList<>();
    if (field.debugEnd() >= 0) {
      parts.add(new Expr.FStringPart.Text(src.substring(field.exprStart(), field.debugEnd())));
      if (conversion.isEmpty() && field.spec() == null) {
        conversion = Optional.of(Expr.Conversion.REPR);
      }
    }
    parts.add(new Expr.FStringPart.Field(value, conversion, spec));
    return parts;
  }

  private String text(Token t, int from, int to, boolean raw) {
    return switch (Escapes.pythonStr(c.src(), from, to, raw)) {
      case Escapes.Decoded.Chars chars -> chars.value();
      case Escapes.Decoded.Bad bad -> throw Cursor.at(t, bad.message());
      case Escapes.Decoded.Octets octets -> throw new IllegalStateException("str decoded to bytes");
    };
  }

  private static byte[] octets(Token t, Escapes.Decoded decoded) {
    return switch (decoded) {
      case Escapes.Decoded.Octets octets -> octets.value();
      case Escapes.Decoded.Bad bad -> throw Cursor.at(t, bad.message());
      case Escapes.Decoded.Chars chars -> throw new IllegalStateException("bytes decoded to str");
    };
  }

  /** Adjacent texts joined, empty texts dropped: the shape Python's parser gives. */
  static List<Expr.FStringPart> join(List<Expr.FStringPart> parts) {
    List<Expr.FStringPart> out = new ArrayList<>();
    for (Expr.FStringPart part : parts) {
      if (part instanceof Expr.FStringPart.Text text) {
        if (text.text().isEmpty()) {
          continue;
        }
        if (!out.isEmpty() && out.getLast() instanceof Expr.FStringPart.Text previous) {
          out.set(out.size() - 1, new Expr.FStringPart.Text(previous.text() + text.text()));
          continue;
        }
      }
      out.add(part);
    }
    return out;
  }
}

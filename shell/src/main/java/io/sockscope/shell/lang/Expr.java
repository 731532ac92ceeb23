package io.sockscope.shell.lang;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An expression of the statement language. The variants mirror Python's own {@code ast} module
 * (a parenthesised expression is its inner node, adjacent string literals are one literal,
 * {@code a and b and c} is one {@link BoolOp}), so the interpreter gives each the meaning Python
 * gives it. Two variants exist only in the short form, as data sources Python has no literal
 * for: {@link FileData} and {@link GeneratedData}.
 *
 * <p>Every node carries the {@link Span} of its source text; {@link SpanEraser} compares trees
 * by shape.
 */
public sealed interface Expr {

  Span span();

  /** A variable: {@code s}, {@code socket}, {@code MSGLEN}. */
  record Name(String id, Span span) implements Expr {}

  /** An integer literal; Python integers have no size limit. Never negative: see {@link Unary}. */
  record IntLiteral(BigInteger value, Span span) implements Expr {}

  /** A float literal ({@code 2.0}, {@code 1e-3}). Never negative: see {@link Unary}. */
  record FloatLiteral(double value, Span span) implements Expr {}

  /** A str literal, its escapes decoded and adjacent literals joined. */
  record StrLiteral(String value, Span span) implements Expr {}

  /**
   * A bytes literal ({@code b"hi\n"}, or any short-form DATA literal but {@code @path} and
   * {@code --size}), escapes decoded and adjacent literals joined. Compared by content.
   */
  record BytesLiteral(byte[] value, Span span) implements Expr {

    public BytesLiteral {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    /** How many bytes the literal holds. */
    public int length() {
      return value.length;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof BytesLiteral b
          && Arrays.equals(value, b.value)
          && span.equals(b.span);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(value) + span.hashCode();
    }

    @Override
    public String toString() {
      return "BytesLiteral[value=" + HexFormat.of().formatHex(value) + ", span=" + span + "]";
    }
  }

  /** An f-string: literal text and replacement fields, in order. */
  record FString(List<FStringPart> parts, Span span) implements Expr {

    public FString {
      parts = List.copyOf(parts);
    }
  }

  /** {@code None}. */
  record NoneLiteral(Span span) implements Expr {}

  /** {@code True} or {@code False}. */
  record BoolLiteral(boolean value, Span span) implements Expr {}

  /** {@code ...}. */
  record EllipsisLiteral(Span span) implements Expr {}

  /** A tuple: {@code (host, port)}, {@code a, b}, {@code ()}. */
  record Tuple(List<Expr> elements, Span span) implements Expr {

    public Tuple {
      elements = List.copyOf(elements);
    }
  }

  /** A list display: {@code [a, b]}. */
  record ListDisplay(List<Expr> elements, Span span) implements Expr {

    public ListDisplay {
      elements = List.copyOf(elements);
    }
  }

  /** A set display: {@code {a, b}}. Never empty ({@code {}} is a dict). */
  record SetDisplay(List<Expr> elements, Span span) implements Expr {

    public SetDisplay {
      elements = List.copyOf(elements);
    }
  }

  /** A dict display: {@code {k: v}}; {@code keys} and {@code values} pair up by index. */
  record DictDisplay(List<Expr> keys, List<Expr> values, Span span) implements Expr {

    public DictDisplay {
      keys = List.copyOf(keys);
      values = List.copyOf(values);
      if (keys.size() != values.size()) {
        throw new IllegalArgumentException("keys and values differ in number: " + keys.size()
            + " and " + values.size());
      }
    }
  }

  /** Attribute access: {@code s.connect}, {@code socket.AF_INET}. */
  record Attribute(Expr value, String name, Span span) implements Expr {}

  /** A call: {@code f(a, b, key=c)}. */
  record Call(Expr function, List<Expr> arguments, List<Keyword> keywords, Span span)
      implements Expr {

    public Call {
      arguments = List.copyOf(arguments);
      keywords = List.copyOf(keywords);
    }
  }

  /** Subscription: {@code msg[totalsent:]}; {@code index} may be a {@link Slice} or a tuple. */
  record Subscript(Expr value, Expr index, Span span) implements Expr {}

  /** A slice {@code lower:upper:step}; only ever the index of a {@link Subscript}. */
  record Slice(Optional<Expr> lower, Optional<Expr> upper, Optional<Expr> step, Span span)
      implements Expr {}

  /** {@code -x}, {@code +x}, {@code ~x}, {@code not x}. */
  record Unary(UnaryOperator operator, Expr operand, Span span) implements Expr {}

  /** {@code left OP right} for arithmetic and bitwise operators. */
  record Binary(Expr left, BinaryOperator operator, Expr right, Span span) implements Expr {}

  /** {@code a and b and c}, {@code a or b}: at least two values. */
  record BoolOp(BooleanOperator operator, List<Expr> values, Span span) implements Expr {

    public BoolOp {
      values = List.copyOf(values);
    }
  }

  /**
   * A comparison chain {@code left op1 c1 op2 c2 ...}: {@code operators} and {@code comparators}
   * pair up by index.
   */
  record Compare(
      Expr left, List<ComparisonOperator> operators, List<Expr> comparators, Span span)
      implements Expr {

    public Compare {
      operators = List.copyOf(operators);
      comparators = List.copyOf(comparators);
    }
  }

  /** {@code body if test else orElse}. */
  record Conditional(Expr test, Expr body, Expr orElse, Span span) implements Expr {}

  /**
   * The bytes of a file, read when the statement runs (short-form DATA {@code @path}); the path
   * is as written, relative paths resolve against the working directory.
   */
  record FileData(String path, Span span) implements Expr {}

  /**
   * {@code byteCount} generated bytes (short-form DATA {@code --size N}). The pattern is the
   * character generator stream of RFC 864, so that a capture shows recognisable text: line
   * {@code k} (from 0) holds the 72 printable ASCII characters starting at {@code ' ' + (k mod
   * 95)}, wrapping within the 95 printable characters, followed by CR LF; the data is that stream
   * cut after {@code byteCount} bytes.
   */
  record GeneratedData(long byteCount, Span span) implements Expr {

    /** Printable characters in a line of the pattern. */
    public static final int LINE_TEXT = 72;

    /** Bytes in a line of the pattern, CR LF included. */
    public static final int LINE_LENGTH = LINE_TEXT + 2;

    public GeneratedData {
      if (byteCount < 0) {
        throw new IllegalArgumentException("byteCount must not be negative: " + byteCount);
      }
    }

    /** Byte {@code index} (from 0) of the pattern. */
    public static byte byteAt(long index) {
      long line = index / LINE_LENGTH;
      int column = (int) (index % LINE_LENGTH);
      if (column == LINE_TEXT) {
        return '\r';
      }
      if (column == LINE_TEXT + 1) {
        return '\n';
      }
      return (byte) (' ' + (line + column) % 95);
    }
  }

  /** A keyword argument of a {@link Call}: {@code until_eof=True}. */
  record Keyword(String name, Expr value, Span span) {}

  /** A piece of an {@link FString}. */
  sealed interface FStringPart {

    /** Literal text, escapes decoded, {@code {{} and {@code }}} already single. */
    record Text(String text) implements FStringPart {

      public Text {
        Objects.requireNonNull(text);
      }
    }

    /**
     * A replacement field {@code {value!conversion:spec}}; the format spec is itself text and
     * fields, empty when there is none.
     */
    record Field(Expr value, Optional<Conversion> conversion, List<FStringPart> formatSpec)
        implements FStringPart {

      public Field {
        formatSpec = List.copyOf(formatSpec);
      }
    }
  }

  /** An f-string conversion: {@code !s}, {@code !r}, {@code !a}. */
  enum Conversion {
    STR('s'),
    REPR('r'),
    ASCII('a');

    private final char letter;

    Conversion(char letter) {
      this.letter = letter;
    }

    /** The letter after {@code !}. */
    public char letter() {
      return letter;
    }

    static Optional<Conversion> ofLetter(char letter) {
      for (Conversion c : values()) {
        if (c.letter == letter) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }
}

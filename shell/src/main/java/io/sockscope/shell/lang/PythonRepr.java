package io.sockscope.shell.lang;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr()} of str, bytes and float values: how the transcript prints results
 * ({@code b'hello\n'}, SPEC §3) and how {@link PythonPrinter} writes literals that parse back to
 * the same value.
 */
public final class PythonRepr {

  private PythonRepr() {}

  /** {@code repr(s)}: single quotes unless the text has one and no double quote. */
  public static String str(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
    appendEscaped(out, s, quote);
    return out.append(quote).toString();
  }

  /** The body of a str literal in {@code quote}, escaped as {@code repr} escapes it. */
  static void appendEscaped(StringBuilder out, String s, char quote) {
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (cp == quote) {
            out.append('\\').append(quote);
          } else if (isPrintable(cp)) {
            out.appendCodePoint(cp);
          } else if (cp < 0x100) {
            out.append("\\x%02x".formatted(cp));
          } else if (cp < 0x10000) {
            out.append("\\u%04x".formatted(cp));
          } else {
            out.append("\\U%08x".formatted(cp));
          }
        }
      }
    });
  }

  /** What Python's {@code str.isprintable} says of one character. */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  /** {@code repr(b)}: {@code b'...'} with printable ASCII as is and other bytes as escapes. */
  public static String bytes(byte[] b) {
    boolean single = false;
    boolean dbl = false;
    for (byte x : b) {
      single |= x == '\'';
      dbl |= x == '"';
    }
    char quote = single && !dbl ? '"' : '\'';
    StringBuilder out = new StringBuilder(b.length + 3).append('b').append(quote);
    for (byte x : b) {
      int v = x & 0xff;
      switch (v) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (v == quote) {
            out.append('\\').append(quote);
          } else if (v >= 0x20 && v < 0x7f) {
            out.append((char) v);
          } else {
            out.append("\\x%02x".formatted(v));
          }
        }
      }
    }
    return out.append(quote).toString();
  }

  /**
   * {@code repr(d)}: the shortest digits that read back as {@code d}, in positional notation
   * when the decimal exponent is from -4 to 15 ({@code 0.0001}, {@code 1e+16}, {@code 2.0}).
   */
  public static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = shortest(Math.abs(d));
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - exact.scale() - 1;
    String sign = d < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = "%02d".formatted(Math.abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
  }

  /** The value rounded to the fewest significant digits that still read back as itself. */
  private static BigDecimal shortest(double positive) {
    BigDecimal exact = new BigDecimal(positive);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(rounded.toString()) == positive) {
        return rounded.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}

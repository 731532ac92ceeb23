package io.sockscope.shell.lang;

import java.math.BigInteger;

/**
 * Reads one Python number literal: decimal, hexadecimal, octal and binary integers with
 * underscores between digits, and floats with a fraction or an exponent. {@link #scan} gives a
 * {@link BigInteger} or a {@link Double}, or a String saying, in Python's words, what is wrong.
 */
final class NumberScanner {

  private final String src;
  private final int limit;
  private int p;

  NumberScanner(String src, int start, int limit) {
    this.src = src;
    this.p = start;
    this.limit = limit;
  }

  int end() {
    return p;
  }

  private char at(int i) {
    return i < limit ? src.charAt(i) : '\0';
  }

  /** A BigInteger or Double, or a String saying what is wrong. */
  Object scan() {
    char second = Character.toLowerCase(at(p + 1));
    if (at(p) == '0' && (second == 'x' || second == 'o' || second == 'b')) {
      return radixNumber(second == 'x' ? 16 : second == 'o' ? 8 : 2);
    }
    int start = p;
    String whole = digits(10);
    if (whole == null) {
      return "invalid decimal literal";
    }
    boolean isFloat = false;
    if (at(p) == '.') {
      p++;
      isFloat = true;
      if (isDigit(at(p)) && digits(10) == null) {
        return "invalid decimal literal";
      }
    }
    char e = at(p);
    if (e == 'e' || e == 'E') {
      int mark = p;
      p++;
      if (at(p) == '+' || at(p) == '-') {
        p++;
      }
      if (!isDigit(at(p)) || digits(10) == null) {
        p = mark;
        return "invalid decimal literal";
      }
      isFloat = true;
    }
    if (at(p) == 'j' || at(p) == 'J') {
      return "not supported in sockscope scripts: complex numbers";
    }
    if (p < limit && PythonLexer.isIdentifierPart(src.codePointAt(p))) {
      return "invalid decimal literal";
    }
    String text = src.substring(start, p).replace("_", "");
    if (isFloat) {
      return Double.parseDouble(text);
    }
    if (text.length() > 1 && text.charAt(0) == '0' && !text.chars().allMatch(ch -> ch == '0')) {
      return "leading zeros in decimal integer literals are not permitted; "
          + "use an 0o prefix for octal integers";
    }
    return new BigInteger(text);
  }

  private Object radixNumber(int radix) {
    String name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    p += 2;
    if (at(p) == '_') {
      p++;
    }
    String digits = digits(radix);
    if (digits != null && digits.isEmpty() && isDigit(at(p))) {
      return "invalid digit '" + at(p) + "' in " + name + " literal";
    }
    if (digits == null || digits.isEmpty()) {
      return "invalid " + name + " literal";
    }
    if (p < limit && PythonLexer.isIdentifierPart(src.codePointAt(p))) {
      return isDigit(at(p))
          ? "invalid digit '" + at(p) + "' in " + name + " literal"
          : "invalid " + name + " literal";
    }
    return new BigInteger(digits.replace("_", ""), radix);
  }

  private static int digitValue(char c, int radix) {
    return c < 0x80 ? Character.digit(c, radix) : -1;
  }

  /** Digits with single underscores between them; null when an underscore is misplaced. */
  private String digits(int radix) {
    int start = p;
    while (digitValue(at(p), radix) >= 0) {
      p++;
      if (at(p) == '_') {
        if (digitValue(at(p + 1), radix) < 0) {
          return null;
        }
        p++;
      }
    }
    return src.substring(start, p);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

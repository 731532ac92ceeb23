package io.sockscope.shell.lang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Decodes the escapes of string bodies: Python's for str and bytes literals (the Python form and
 * the short form's {@code b"..."}), C's for the short form's {@code "text"} DATA. Messages follow
 * Python's where Python has one.
 */
final class Escapes {

  /** A decoded body, or where (offset in the source) and why decoding failed. */
  sealed interface Decoded {

    record Chars(String value) implements Decoded {}

    record Octets(byte[] value) implements Decoded {}

    record Bad(int offset, String message) implements Decoded {}
  }

  private Escapes() {}

  /** A str body {@code src[from, to)}; raw bodies are taken as written. */
  static Decoded pythonStr(String src, int from, int to, boolean raw) {
    if (raw) {
      return new Decoded.Chars(src.substring(from, to));
    }
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = src.charAt(i);
      if (c != '\\' || i + 1 >= to) {
        out.append(c);
        i++;
        continue;
      }
      char e = src.charAt(i + 1);
      int simple = simpleEscape(e);
      if (simple >= 0) {
        out.append((char) simple);
        i += 2;
      } else if (e == '\n') {
        i += 2;
      } else if (isOctal(e)) {
        int end = octalEnd(src, i + 1, to);
        out.append((char) Integer.parseInt(src.substring(i + 1, end), 8));
        i = end;
      } else if (e == 'x' || e == 'u' || e == 'U') {
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        int end = i + 2 + digits;
        if (end > to || !isHex(src, i + 2, end)) {
          String what = e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
          return unicodeError(i - from, Math.min(end, to) - from - 1, "truncated " + what + " escape");
        }
        int codePoint = Integer.parseUnsignedInt(src.substring(i + 2, end), 16);
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
          return unicodeError(i - from, end - from - 1, "illegal Unicode character");
        }
        out.appendCodePoint(codePoint);
        i = end;
      } else if (e == 'N') {
        int close = i + 2 < to && src.charAt(i + 2) == '{' ? src.indexOf('}', i + 3) : -1;
        if (close < 0 || close >= to) {
          return unicodeError(i - from, i + 1 - from, "malformed \\N character escape");
        }
        try {
          out.appendCodePoint(Character.codePointOf(src.substring(i + 3, close)));
        } catch (IllegalArgumentException unknown) {
          return unicodeError(i - from, close - from, "unknown Unicode character name");
        }
        i = close + 1;
      } else {
        out.append('\\').append(e);
        i += 2;
      }
    }
    return new Decoded.Chars(out.toString());
  }

  /** A bytes body {@code src[from, to)}: ASCII characters and Python's bytes escapes. */
  static Decoded pythonBytes(String src, int from, int to, boolean raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    int i = from;
    while (i < to) {
      char c = src.charAt(i);
      if (c > 0x7f) {
        return new Decoded.Bad(i, "bytes can only contain ASCII literal characters");
      }
      if (raw || c != '\\' || i + 1 >= to) {
        out.write(c);
        i++;
        continue;
      }
      char e = src.charAt(i + 1);
      int simple = simpleEscape(e);
      if (simple >= 0) {
        out.write(simple);
        i += 2;
      } else if (e == '\n') {
        i += 2;
      } else if (isOctal(e)) {
        int end = octalEnd(src, i + 1, to);
        out.write(Integer.parseInt(src.substring(i + 1, end), 8) & 0xff);
        i = end;
      } else if (e == 'x') {
        if (i + 4 > to || !isHex(src, i + 2, i + 4)) {
          return new Decoded.Bad(i, "(value error) invalid \\x escape at position " + (i - from));
        }
        out.write(Integer.parseInt(src.substring(i + 2, i + 4), 16));
        i += 4;
      } else if (e > 0x7f) {
        return new Decoded.Bad(i + 1, "bytes can only contain ASCII literal characters");
      } else {
        out.write('\\');
        out.write(e);
        i += 2;
      }
    }
    return new Decoded.Octets(out.toByteArray());
  }

  /**
   * A short-form text body {@code src[from, to)} as bytes: characters in UTF-8, and C's escapes
   * {@code \n \r \t \0 \a \b \f \v \e \\ \" \'}, octal {@code \NNN}, {@code \xNN} (one raw byte),
   * &#92;uNNNN and {@code \UNNNNNNNN} (a character, in UTF-8).
   */
  static Decoded cText(String src, int from, int to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    int i = from;
    while (i < to) {
      int cp = src.codePointAt(i);
      if (cp != '\\') {
        out.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
        continue;
      }
      if (i + 1 >= to) {
        return new Decoded.Bad(i, "a DATA string cannot end in a lone backslash (write \\\\)");
      }
      char e = src.charAt(i + 1);
      int simple = e == 'e' ? 0x1b : simpleEscape(e);
      if (simple >= 0) {
        out.write(simple);
        i += 2;
      } else if (isOctal(e)) {
        int end = octalEnd(src, i + 1, to);
        int value = Integer.parseInt(src.substring(i + 1, end), 8);
        if (value > 0xff) {
          return new Decoded.Bad(i, "octal escape \\" + src.substring(i + 1, end) + " is over \\377");
        }
        out.write(value);
        i = end;
      } else if (e == 'x' || e == 'u' || e == 'U') {
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        int end = i + 2 + digits;
        if (end > to || !isHex(src, i + 2, end)) {
          return new Decoded.Bad(i, "\\" + e + " needs " + digits + " hex digits");
        }
        int value = Integer.parseUnsignedInt(src.substring(i + 2, end), 16);
        if (e == 'x') {
          out.write(value);
        } else if (value < 0 || value > Character.MAX_CODE_POINT) {
          return new Decoded.Bad(i, "\\" + src.substring(i + 1, end) + " is not a Unicode character");
        } else {
          out.writeBytes(Character.toString(value).getBytes(StandardCharsets.UTF_8));
        }
        i = end;
      } else {
        return new Decoded.Bad(i, "unknown escape '\\" + e + "' in a DATA string (write \\\\ for a backslash)");
      }
    }
    return new Decoded.Octets(out.toByteArray());
  }

  private static int simpleEscape(char e) {
    return switch (e) {
      case '\\' -> '\\';
      case '\'' -> '\'';
      case '"' -> '"';
      case 'a' -> 7;
      case 'b' -> 8;
      case 'f' -> 12;
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'v' -> 11;
      default -> -1;
    };
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }

  private static int octalEnd(String src, int start, int to) {
    int end = start;
    while (end < to && end < start + 3 && isOctal(src.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isHex(String src, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!HexFormat.isHexDigit(src.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static Decoded unicodeError(int first, int last, String reason) {
    return new Decoded.Bad(-1, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
        + first + "-" + last + ": " + reason);
  }
}

package io.sockscope.shell.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * str.encode and bytes.decode for the codecs socket scripts use (utf-8, ascii, latin-1) with the
 * error handlers strict, ignore, replace and backslashreplace, and CPython's messages
 * ({@code 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte}).
 */
final class Codecs {
  private enum Codec {
    UTF_8("utf-8"),
    ASCII("ascii"),
    LATIN_1("latin-1");

    final String pythonName;

    Codec(String pythonName) {
      this.pythonName = pythonName;
    }
  }

  private Codecs() {}

  private static Codec codec(String encoding) {
    String key = encoding.toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (key) {
      case "utf-8", "utf8", "u8" -> Codec.UTF_8;
      case "ascii", "us-ascii" -> Codec.ASCII;
      case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1" -> Codec.LATIN_1;
      default -> throw PythonError.of(Exceptions.LOOKUP_ERROR, "unknown encoding: " + encoding);
    };
  }

  private static void checkErrors(String errors) {
    if (!List.of("strict", "ignore", "replace", "backslashreplace").contains(errors)) {
      throw PythonError.of(Exceptions.LOOKUP_ERROR, "unknown error handler name '" + errors + "'");
    }
  }

  static byte[] encode(String text, String encoding, String errors) {
    Codec codec = codec(encoding);
    checkErrors(errors);
    if (codec == Codec.UTF_8) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    int limit = codec == Codec.ASCII ? 128 : 256;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] cps = text.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (cp < limit) {
        out.write(cp);
        continue;
      }
      switch (errors) {
        case "ignore" -> {
          // dropped
        }
        case "replace" -> out.write('?');
        case "backslashreplace" -> out.writeBytes(escape(cp).getBytes(StandardCharsets.US_ASCII));
        default -> throw new PythonError(Exceptions.create(Exceptions.UNICODE_ENCODE_ERROR,
            "'" + codec.pythonName + "' codec can't encode character '" + escape(cp)
                + "' in position " + i + ": ordinal not in range(" + limit + ")"));
      }
    }
    return out.toByteArray();
  }

  private static String escape(int cp) {
    return cp < 0x100 ? "\\x%02x".formatted(cp) : cp < 0x10000 ? "\\u%04x".formatted(cp)
        : "\\U%08x".formatted(cp);
  }

  static String decode(byte[] data, String encoding, String errors) {
    Codec codec = codec(encoding);
    checkErrors(errors);
    return switch (codec) {
      case LATIN_1 -> new String(data, StandardCharsets.ISO_8859_1);
      case ASCII -> ascii(data, errors);
      case UTF_8 -> utf8(data, errors);
    };
  }

  private static String ascii(byte[] data, String errors) {
    StringBuilder out = new StringBuilder(data.length);
    for (int i = 0; i < data.length; i++) {
      int b = data[i] & 0xff;
      if (b < 128) {
        out.append((char) b);
      } else {
        bad(out, errors, "ascii", data, i, "ordinal not in range(128)", b);
      }
    }
    return out.toString();
  }

  private static void bad(StringBuilder out, String errors, String codec, byte[] data, int at,
      String reason, int b) {
    switch (errors) {
      case "ignore" -> {
        // dropped
      }
      case "replace" -> out.append('\uFFFD');
      case "backslashreplace" -> out.append("\\x%02x".formatted(b));
      default -> throw new PythonError(Exceptions.create(Exceptions.UNICODE_DECODE_ERROR,
          "'" + codec + "' codec can't decode byte 0x%02x in position %d: %s".formatted(b, at,
              reason)));
    }
  }

  /** A strict UTF-8 decoder (RFC 3629) that names the first bad byte as CPython does. */
  private static String utf8(byte[] data, String errors) {
    StringBuilder out = new StringBuilder(data.length);
    int i = 0;
    while (i < data.length) {
      int b = data[i] & 0xff;
      if (b < 0x80) {
        out.append((char) b);
        i++;
        continue;
      }
      int need;
      int cp;
      int min;
      if (b >= 0xc2 && b <= 0xdf) {
        need = 1;
        cp = b & 0x1f;
        min = 0x80;
      } else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        cp = b & 0x0f;
        min = 0x800;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        cp = b & 0x07;
        min = 0x10000;
      } else {
        bad(out, errors, "utf-8", data, i, "invalid start byte", b);
        i++;
        continue;
      }
      Optional<String> problem = Optional.empty();
      int j = 1;
      for (; j <= need; j++) {
        if (i + j >= data.length) {
          problem = Optional.of("unexpected end of data");
          break;
        }
        int c = data[i + j] & 0xff;
        if ((c & 0xc0) != 0x80 || j == 1 && !secondByteFits(b, c)) {
          problem = Optional.of("invalid continuation byte");
          break;
        }
        cp = cp << 6 | c & 0x3f;
      }
      if (problem.isPresent() || cp < min) {
        bad(out, errors, "utf-8", data, i, problem.orElse("invalid continuation byte"), b);
        i += Math.max(1, j);
        continue;
      }
      out.appendCodePoint(cp);
      i += need + 1;
    }
    return out.toString();
  }

  private static boolean secondByteFits(int first, int second) {
    return switch (first) {
      case 0xe0 -> second >= 0xa0;
      case 0xed -> second <= 0x9f;
      case 0xf0 -> second >= 0x90;
      case 0xf4 -> second <= 0x8f;
      default -> true;
    };
  }
}

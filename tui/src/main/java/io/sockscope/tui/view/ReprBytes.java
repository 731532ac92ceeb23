package io.sockscope.tui.view;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * The bytes behind a call argument's repr ({@code b'hello\n'}), as {@code engine.PythonBytes}
 * writes it: printable ASCII as is, {@code \t \n \r \\}, the quote escaped, anything else {@code
 * \xhh}. Empty for a repr that was cut short ({@code b'...'...}) or is not one.
 */
final class ReprBytes {

  private ReprBytes() {}

  static Optional<byte[]> decode(String repr) {
    if (repr.length() < 3 || repr.charAt(0) != 'b') {
      return Optional.empty();
    }
    char quote = repr.charAt(1);
    if ((quote != '\'' && quote != '"') || repr.charAt(repr.length() - 1) != quote) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(repr.length());
    int end = repr.length() - 1;
    for (int i = 2; i < end; i++) {
      char c = repr.charAt(i);
      if (c == quote || c > 0x7e) {
        return Optional.empty();
      }
      if (c != '\\') {
        out.write(c);
        continue;
      }
      if (++i >= end) {
        return Optional.empty();
      }
      switch (repr.charAt(i)) {
        case 't' -> out.write('\t');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case '\\' -> out.write('\\');
        case '\'' -> out.write('\'');
        case '"' -> out.write('"');
        case 'x' -> {
          if (i + 2 >= end) {
            return Optional.empty();
          }
          int hi = Character.digit(repr.charAt(i + 1), 16);
          int lo = Character.digit(repr.charAt(i + 2), 16);
          if (hi < 0 || lo < 0) {
            return Optional.empty();
          }
          out.write(hi << 4 | lo);
          i += 2;
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(out.toByteArray());
  }
}

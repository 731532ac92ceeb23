package io.sockscope.tui.view;

/**
 * Text from a program or a peer made fit for a row of the screen: tabs expanded to the next
 * multiple of eight columns, other control characters shown as {@code ^X} (DEL as {@code ^?}), so
 * nothing a program prints can move the cursor or change the terminal.
 */
public final class Text {

  private Text() {}

  /** {@code row} (no line breaks in it) made printable. */
  public static String printable(String row) {
    StringBuilder out = null;
    int column = 0;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
      if (!control) {
        if (out != null) {
          out.append(c);
        }
        column++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(row.length() + 8).append(row, 0, i);
      }
      if (c == '\t') {
        int spaces = 8 - column % 8;
        out.append(" ".repeat(spaces));
        column += spaces;
      } else if (c == 0x7f) {
        out.append("^?");
        column += 2;
      } else if (c < 0x20) {
        out.append('^').append((char) (c + '@'));
        column += 2;
      } else {
        out.append('?');
        column++;
      }
    }
    return out == null ? row : out.toString();
  }
}

package io.sockscope.tui.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A payload as hexdump rows: offset, the bytes in hex, then the same bytes as ASCII with a dot
 * for anything unprintable ({@code 0000  68 69 0a                 hi.}).
 */
public final class Hexdump {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Hexdump() {}

  /** The bytes per row that fit {@code width} columns: 16, else 8, else 4. */
  public static int bytesPerRow(int width) {
    for (int n : new int[] {16, 8}) {
      if (width >= rowWidth(n)) {
        return n;
      }
    }
    return 4;
  }

  private static int rowWidth(int bytes) {
    return 6 + bytes * 3 + 1 + bytes;
  }

  /** The rows of {@code data}, {@code perRow} bytes each. */
  public static List<String> rows(byte[] data, int perRow) {
    List<String> out = new ArrayList<>((data.length + perRow - 1) / perRow);
    for (int at = 0; at < data.length; at += perRow) {
      StringBuilder row = new StringBuilder(rowWidth(perRow));
      String offset = Integer.toHexString(at);
      row.append("0".repeat(Math.max(0, 4 - offset.length()))).append(offset).append("  ");
      int end = Math.min(data.length, at + perRow);
      for (int i = at; i < at + perRow; i++) {
        if (i < end) {
          row.append(HEX[(data[i] >> 4) & 0xf]).append(HEX[data[i] & 0xf]).append(' ');
        } else {
          row.append("   ");
        }
      }
      row.append(' ');
      for (int i = at; i < end; i++) {
        int b = data[i] & 0xff;
        row.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
      }
      out.add(row.toString().stripTrailing());
    }
    return out;
  }
}

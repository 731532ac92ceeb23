package io.sockscope.tui.pane;

import com.googlecode.lanterna.graphics.TextGraphics;
import io.sockscope.tui.view.Span;
import io.sockscope.tui.view.Tone;
import java.util.List;

/** Writing styled rows and frame lines into a Lanterna graphics area. */
final class Draw {

  private Draw() {}

  /**
   * Writes {@code spans} at ({@code column}, {@code row}), cut at {@code width} columns; a
   * selected row is reversed across its whole width.
   */
  static void row(TextGraphics g, Colours colours, int column, int row, int width,
      List<Span> spans, boolean selected) {
    int at = column;
    int end = column + width;
    if (selected) {
      colours.apply(g, Tone.PLAIN, true);
      g.putString(column, row, " ".repeat(Math.max(0, width)));
    }
    for (Span span : spans) {
      if (at >= end) {
        break;
      }
      String text = span.text();
      int room = end - at;
      if (span.width() > room) {
        text = text.substring(0, text.offsetByCodePoints(0, room));
      }
      colours.apply(g, span.tone(), selected);
      g.putString(at, row, text);
      at += text.codePointCount(0, text.length());
    }
  }

  /**
   * A frame's horizontal line from {@code column} across {@code width} cells: {@code left},
   * then the title between blanks, then {@code ─} up to {@code right}.
   */
  static void frameLine(TextGraphics g, Colours colours, int column, int row, int width,
      char left, char right, String title, boolean focused) {
    colours.frame(g, focused);
    StringBuilder line = new StringBuilder(width);
    line.append(left);
    if (!title.isEmpty() && width > 6) {
      String shown = title.length() > width - 4 ? title.substring(0, width - 5) + "…" : title;
      line.append(' ').append(shown).append(' ');
    }
    while (line.length() < width - 1) {
      line.append('─');
    }
    if (width > 1) {
      line.append(right);
    }
    g.putString(column, row, line.toString());
  }
}

package io.sockscope.tui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A pane or overlay whose lines are laid out afresh for its width and seen through a window of
 * its height: the detail pane, the ladder and the help. It keeps the window's top row; lines are
 * wrapped to rows at each look, so a resize keeps the scroll as near as the new rows allow.
 */
abstract class ScrollingView {

  private int scroll;
  private int height = 1;

  /** A view of {@code lines}, laid out for a width (the help overlay's {@link KeyHelp#lines}). */
  static ScrollingView of(IntFunction<List<Line>> lines) {
    return new ScrollingView() {
      @Override
      public List<Line> lines(int width) {
        return lines.apply(width);
      }
    };
  }

  /** Everything there is to see, laid out for {@code width} columns. */
  public abstract List<Line> lines(int width);

  public void height(int rows) {
    height = Math.max(1, rows);
  }

  /** Scrolls by {@code rows} (negative: up). */
  public void scroll(int rows) {
    scroll = Math.max(0, scroll + rows);
  }

  /** Scrolls by {@code pages} windows less a row (negative: up). */
  public void page(int pages) {
    scroll(pages * Math.max(1, height - 1));
  }

  public void home() {
    scroll = 0;
  }

  public void end() {
    scroll = Integer.MAX_VALUE / 2;
  }

  /** The rows in sight at {@code width}, {@code height} at most. */
  public List<List<Span>> visible(int width) {
    List<List<Span>> rows = new ArrayList<>();
    for (Line line : lines(width)) {
      rows.addAll(line.rows(width));
    }
    scroll = Math.clamp(scroll, 0, Math.max(0, rows.size() - height));
    return rows.subList(scroll, Math.min(rows.size(), scroll + height));
  }
}

package io.sockscope.tui.view;

/**
 * Where each part of the screen goes for a terminal of {@code columns} × {@code rows}: two
 * columns of framed panes (shell over sockets on the left, segments over detail on the right),
 * then the input line and the status bar across the whole width, as SPEC §4.2 draws it. The
 * panes of a column share their frame lines: the upper one owns the top line, the lower one the
 * line between them and the bottom line. Below {@link #MIN_COLUMNS} × {@link #MIN_ROWS} there is
 * no room for the panes and the screen says so instead.
 *
 * @param shell    the shell pane's rectangle: top frame line and its transcript rows
 * @param sockets  the sockets table: the line under the shell, its rows, the bottom frame line
 * @param segments the segments pane, as the shell's on the right
 * @param detail   the detail pane, as the sockets' on the right
 * @param input    the input line (one row)
 * @param status   the status bar (one row)
 */
public record ScreenLayout(int columns, int rows, Rect shell, Rect sockets, Rect segments,
    Rect detail, Rect input, Rect status) {

  public static final int MIN_COLUMNS = 60;
  public static final int MIN_ROWS = 16;

  /** A rectangle of the screen, in cells. */
  public record Rect(int column, int row, int width, int height) {
    public static final Rect NONE = new Rect(0, 0, 0, 0);
  }

  /** Whether the panes fit at all. */
  public boolean fits() {
    return columns >= MIN_COLUMNS && rows >= MIN_ROWS;
  }

  /** The layout for a terminal of this size. */
  public static ScreenLayout of(int columns, int rows) {
    if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
      Rect none = Rect.NONE;
      return new ScreenLayout(columns, rows, none, none, none, none, none, none);
    }
    int boxes = rows - 2;
    int left = Math.clamp(columns * 9L / 20, 30, 100);
    int right = columns - left;
    int socketRows = Math.max(3, boxes / 4);
    int shellHeight = boxes - (socketRows + 2);
    int detailRows = Math.max(6, boxes * 2 / 5);
    int segmentsHeight = boxes - (detailRows + 2);
    return new ScreenLayout(columns, rows,
        new Rect(0, 0, left, shellHeight),
        new Rect(0, shellHeight, left, boxes - shellHeight),
        new Rect(left, 0, right, segmentsHeight),
        new Rect(left, segmentsHeight, right, boxes - segmentsHeight),
        new Rect(0, rows - 2, columns, 1),
        new Rect(0, rows - 1, columns, 1));
  }

  /** Rows of content inside a pane's rectangle. */
  public int contentRows(Pane pane) {
    return switch (pane) {
      case SHELL -> shell.height() - 1;
      case SEGMENTS -> segments.height() - 1;
      case SOCKETS -> sockets.height() - 2;
      case DETAIL -> detail.height() - 2;
    };
  }

  /** Columns of content inside a pane's frame. */
  public int contentColumns(Pane pane) {
    return switch (pane) {
      case SHELL -> shell.width() - 2;
      case SEGMENTS -> segments.width() - 2;
      case SOCKETS -> sockets.width() - 2;
      case DETAIL -> detail.width() - 2;
    };
  }
}

package io.sockscope.shell.complete;

/**
 * Indentation typed on a continuation line that came indented. A block's next line starts
 * indented ({@link AutoIndent}); people who learned Python's plain REPL type the indentation
 * themselves, and a paste without bracketed-paste mode carries it too. So a space typed at the
 * end of a line that still holds only the indentation it came with replaces that indentation:
 * what the user types is the line's indentation, whether deeper, the same or shallower (a
 * dedent). Lines where nothing is typed keep the automatic indentation. One per editor; the
 * editor's own thread only.
 */
public final class TypedIndent {

  private int width;

  /** A continuation line began with {@code width} spaces of indentation. */
  public void began(int width) {
    this.width = width;
  }

  /** The entry ended or was cleared: nothing to replace. */
  public void reset() {
    began(0);
  }

  /**
   * Whether a space typed now replaces the line's automatic indentation: the editor then
   * clears the line before inserting the space. True at most once per line.
   *
   * @param line  the current line, as it is before the space
   * @param atEnd whether the cursor is at its end
   */
  public boolean replaces(String line, boolean atEnd) {
    if (width == 0 || !atEnd || line.length() != width || !isSpaces(line)) {
      return false;
    }
    width = 0;
    return true;
  }

  private static boolean isSpaces(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }
}

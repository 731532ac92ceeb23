package io.sockscope.shell.complete;

/**
 * Where a continuation line starts, so that the line shell and the full-screen input indent a
 * block alike: at the depth of the line before it, one level deeper after a compound statement's
 * header ({@code if x:}, {@code with socket.socket() as s:}). A tab counts as one level; a
 * {@code :} inside a comment or a string does not open a block.
 */
public final class AutoIndent {

  /** Spaces per block level. */
  public static final int SPACES = 4;

  private AutoIndent() {}

  /** The block depth, in levels, of the line after {@code line}. */
  public static int levelsAfter(String line) {
    if (line.isBlank()) {
      return 0;
    }
    int columns = 0;
    while (columns < line.length() && (line.charAt(columns) == ' '
        || line.charAt(columns) == '\t')) {
      columns += line.charAt(columns) == '\t' ? SPACES : 1;
    }
    int level = columns / SPACES;
    return withoutComment(line).stripTrailing().endsWith(":") ? level + 1 : level;
  }

  private static String withoutComment(String line) {
    char quote = 0;
    for (int p = 0; p < line.length(); p++) {
      char c = line.charAt(p);
      if (quote != 0) {
        if (c == '\\') {
          p++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        return line.substring(0, p);
      }
    }
    return line;
  }
}

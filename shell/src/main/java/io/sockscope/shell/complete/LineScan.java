package io.sockscope.shell.complete;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Where the cursor stands in the line it is on, read from the line's start: inside a quoted
 * string or a comment, inside which brackets, and where the statement under the cursor starts
 * (after a {@code ;}, or after the {@code :} of a compound header such as
 * {@code with socket.socket() as s:}). A forward scan of one line, so it tolerates any text.
 *
 * @param lineStart      offset of the cursor's line in the entry
 * @param statementStart offset of the first non-blank character of the statement under the
 *                       cursor (the cursor itself when it is blank so far)
 * @param inString       the cursor is inside a quoted string
 * @param inComment      the cursor is inside a {@code #} comment
 * @param openBrackets   offsets of the brackets open at the cursor, innermost first
 */
record LineScan(
    int lineStart, int statementStart, boolean inString, boolean inComment,
    Deque<Integer> openBrackets) {

  private static final Set<String> COMPOUND =
      Set.of("if", "elif", "else", "while", "for", "with", "try", "except", "finally");

  static LineScan of(String text, int cursor) {
    int lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
    Deque<Integer> brackets = new ArrayDeque<>();
    int statement = lineStart;
    char quote = 0;
    boolean comment = false;
    for (int p = lineStart; p < cursor; p++) {
      char c = text.charAt(p);
      if (quote != 0) {
        if (c == '\\') {
          p++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      switch (c) {
        case '"', '\'' -> quote = c;
        case '#' -> {
          comment = true;
          p = cursor;
        }
        case '(', '[', '{' -> brackets.push(p);
        case ')', ']', '}' -> {
          if (!brackets.isEmpty()) {
            brackets.pop();
          }
        }
        case ';' -> {
          if (brackets.isEmpty()) {
            statement = p + 1;
          }
        }
        case ':' -> {
          if (brackets.isEmpty() && startsCompound(text, statement, p)) {
            statement = p + 1;
          }
        }
        default -> {}
      }
    }
    while (statement < cursor && Character.isWhitespace(text.charAt(statement))) {
      statement++;
    }
    return new LineScan(lineStart, statement, quote != 0, comment, brackets);
  }

  /** Whether the statement in {@code [from, to)} starts with a compound statement's keyword. */
  private static boolean startsCompound(String text, int from, int to) {
    int p = from;
    while (p < to && Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    int q = p;
    while (q < to && Character.isLetter(text.charAt(q))) {
      q++;
    }
    return COMPOUND.contains(text.substring(p, q));
  }
}

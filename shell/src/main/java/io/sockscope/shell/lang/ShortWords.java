package io.sockscope.shell.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * How a short-form statement splits into blank-separated words, one rule for the parser
 * ({@link Words}) and for completion and highlighting: a quoted section ({@code "a b"},
 * {@code hex:"48 65"}) stays inside its word, a {@code *} outside quotes is a word of its own.
 */
public final class ShortWords {

  /** A word and its offset in the source; {@code unterminated} if a quote in it is still open. */
  public record Word(String text, int start, boolean unterminated) {

    /** The offset just after the word. */
    public int end() {
      return start + text.length();
    }
  }

  private ShortWords() {}

  /** The words of {@code text[from, to)}. */
  public static List<Word> split(String text, int from, int to) {
    List<Word> words = new ArrayList<>();
    int p = from;
    while (p < to) {
      char ch = text.charAt(p);
      if (ch == ' ' || ch == '\t') {
        p++;
        continue;
      }
      if (ch == '*') {
        words.add(new Word("*", p, false));
        p++;
        continue;
      }
      int start = p;
      char quote = 0;
      while (p < to) {
        ch = text.charAt(p);
        if (quote != 0) {
          if (ch == '\\' && p + 1 < to) {
            p++;
          } else if (ch == quote) {
            quote = 0;
          }
        } else if (ch == ' ' || ch == '\t' || ch == '*') {
          break;
        } else if (ch == '"' || ch == '\'') {
          quote = ch;
        }
        p++;
      }
      words.add(new Word(text.substring(start, p), start, quote != 0));
    }
    return words;
  }
}

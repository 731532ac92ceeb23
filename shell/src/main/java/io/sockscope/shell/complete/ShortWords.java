package io.sockscope.shell.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * A short-form statement split into blank-separated words as the short-form reader splits it:
 * a quoted section stays inside its word, a {@code *} outside quotes is a word of its own.
 */
final class ShortWords {

  /** A word and its offset in the entry; {@code unterminated} if a quote in it is still open. */
  record Word(String text, int start, boolean unterminated) {

    int end() {
      return start + text.length();
    }
  }

  private ShortWords() {}

  /** The words of {@code text[from, to)}. */
  static List<Word> split(String text, int from, int to) {
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

package io.sockscope.shell.lang;

import java.util.List;
import java.util.Optional;

/**
 * A short-form statement split into blank-separated words, with a cursor over them and the
 * messages that name what was expected where: "expected HOST:PORT after 'connect s', got
 * '9000'". A quoted section ({@code "a b"}, {@code hex:"48 65"}) stays inside its word; a
 * {@code *} outside quotes is a word of its own; a final {@code &} is taken off and remembered.
 */
final class Words {

  private final String src;
  private final int start;
  private final int line;
  private final int column;
  private final List<ShortWords.Word> list;
  private final int end;
  private final int fullEnd;
  private final boolean background;
  private int next;

  Words(String src, int start, int end, int line, int column) {
    this.src = src;
    this.start = start;
    this.line = line;
    this.column = column;
    List<ShortWords.Word> words = ShortWords.split(src, start, end);
    boolean amp = false;
    int callEnd = end;
    if (!words.isEmpty()) {
      ShortWords.Word last = words.getLast();
      if (!last.unterminated() && last.text().endsWith("&")) {
        amp = true;
        words.removeLast();
        String rest = last.text().substring(0, last.text().length() - 1);
        if (!rest.isEmpty()) {
          words.add(new ShortWords.Word(rest, last.start(), false));
        }
        callEnd = last.start() + rest.length();
        while (callEnd > start && Character.isWhitespace(src.charAt(callEnd - 1))) {
          callEnd--;
        }
      }
    }
    this.list = words;
    this.background = amp;
    this.end = callEnd;
    this.fullEnd = end;
  }

  /** Whether the statement ended in {@code &}. */
  boolean background() {
    return background;
  }

  /** The statement's text, without a final {@code &}. */
  String callSource() {
    return src.substring(start, end);
  }

  /** The span of the statement, without a final {@code &}. */
  Span callSpan() {
    return new Span(line, column, line, columnOf(end));
  }

  /** The statement's whole text, a final {@code &} included. */
  String fullSource() {
    return src.substring(start, fullEnd);
  }

  Span fullSpan() {
    return new Span(line, column, line, columnOf(fullEnd));
  }

  String source() {
    return src;
  }

  int columnOf(int offset) {
    return column + (offset - start);
  }

  Span span(ShortWords.Word w) {
    return new Span(line, columnOf(w.start()), line, columnOf(w.start() + w.text().length()));
  }

  Span span(ShortWords.Word first, ShortWords.Word last) {
    return Span.covering(span(first), span(last));
  }

  boolean hasMore() {
    return next < list.size();
  }

  Optional<ShortWords.Word> peek() {
    return hasMore() ? Optional.of(list.get(next)) : Optional.empty();
  }

  /** Whether the next word is {@code text}, ignoring case. */
  boolean peekIs(String text) {
    return hasMore() && list.get(next).text().equalsIgnoreCase(text);
  }

  /** The next word; {@code what} names it for the message when there is none. */
  ShortWords.Word take(String what) {
    if (!hasMore()) {
      throw missing(what);
    }
    return list.get(next++);
  }

  /** Fails if words are left. */
  void end() {
    if (hasMore()) {
      ShortWords.Word extra = list.get(next);
      throw at(extra, "unexpected '" + extra.text() + "' after '" + before(next) + "'");
    }
  }

  ParseAbort missing(String what) {
    return ParseAbort.invalid(line, columnOf(end), "expected " + what + " after '" + before(next)
        + "'");
  }

  /** {@code w} is not {@code what} was wanted. */
  ParseAbort wrong(ShortWords.Word w, String what) {
    return at(w, "expected " + what + " after '" + before(list.indexOf(w)) + "', got '"
        + w.text() + "'");
  }

  ParseAbort at(ShortWords.Word w, String message) {
    return ParseAbort.invalid(line, columnOf(w.start()), message);
  }

  ParseAbort at(int offset, String message) {
    return ParseAbort.invalid(line, columnOf(offset), message);
  }

  /** The words before index {@code i}, as the user wrote them. */
  private String before(int i) {
    if (i <= 0) {
      return "";
    }
    ShortWords.Word last = list.get(i - 1);
    return src.substring(list.getFirst().start(), last.start() + last.text().length());
  }
}

package io.sockscope.tui.view;

/** A run of text in one {@link Tone}. */
public record Span(String text, Tone tone) {

  public Span {
    if (text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a span is one row of text, got a line break in: "
          + text);
    }
  }

  /** Columns the text takes: one per code point (the panes draw no double-width text). */
  public int width() {
    return text.codePointCount(0, text.length());
  }
}

package io.sockscope.shell.lang;

/**
 * Where a node came from in its source: the 1-based line and column of its first character and
 * of the character just past its end. Errors, the transcript and the shell's highlighting all
 * point at source through spans; {@link #NONE} marks nodes whose position does not matter, such
 * as those {@link SpanEraser} produces for comparing trees by shape.
 */
public record Span(int line, int column, int endLine, int endColumn) {

  /** The span of a node compared by shape only. */
  public static final Span NONE = new Span(0, 0, 0, 0);

  /** The span from the start of {@code first} to the end of {@code last}. */
  public static Span covering(Span first, Span last) {
    return new Span(first.line, first.column, last.endLine, last.endColumn);
  }
}

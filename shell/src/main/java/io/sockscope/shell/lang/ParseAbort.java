package io.sockscope.shell.lang;

/**
 * Unwinds the recursive-descent parsers from the point where input turns out invalid or
 * unfinished to {@link Parser}, the one place that catches it and turns it into a {@link
 * ParseResult}. It never leaves the package and carries no stack trace.
 */
final class ParseAbort extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final boolean incomplete;
  final int line;
  final int column;

  private ParseAbort(boolean incomplete, int line, int column, String message) {
    super(message, null, false, false);
    this.incomplete = incomplete;
    this.line = line;
    this.column = column;
  }

  static ParseAbort invalid(int line, int column, String message) {
    return new ParseAbort(false, line, column, message);
  }

  static ParseAbort incomplete(String reason) {
    return new ParseAbort(true, 0, 0, reason);
  }

  static ParseAbort unsupported(int line, int column, String what) {
    return invalid(line, column, "not supported in sockscope scripts: " + what);
  }
}

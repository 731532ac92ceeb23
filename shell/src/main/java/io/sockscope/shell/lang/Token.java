package io.sockscope.shell.lang;

/**
 * One token of the Python form, as {@link PythonLexer} reads it: the kind, its text, its offsets
 * in the source ({@code start} inclusive, {@code end} exclusive) and its 1-based positions. A
 * {@code STRING} carries a {@link StringToken}, a {@code NUMBER} its value; {@code ERROR} and
 * {@code INCOMPLETE} carry their message as text.
 */
record Token(
    Kind kind,
    String text,
    int start,
    int end,
    int line,
    int column,
    int endLine,
    int endColumn,
    Object value) {

  enum Kind {
    NAME,
    NUMBER,
    STRING,
    OP,
    NEWLINE,
    INDENT,
    DEDENT,
    END,
    ERROR,
    INCOMPLETE
  }

  boolean isOp(String op) {
    return kind == Kind.OP && text.equals(op);
  }

  boolean isName(String name) {
    return kind == Kind.NAME && text.equals(name);
  }

  Span span() {
    return new Span(line, column, endLine, endColumn);
  }
}

package io.sockscope.shell.lang;

/**
 * The parsers' position in a token stream: the current token, the one before it, and the
 * nesting depth guard that keeps deeply nested input from exhausting the stack. Lexer errors and
 * unfinished input surface here, as soon as the token is read.
 */
final class Cursor {

  /** Deeper expressions than this are an error; the limit keeps parsing inside a small stack. */
  static final int MAX_DEPTH = 200;

  final PythonLexer lexer;
  Token tok;
  Token prev;
  private int depth;

  Cursor(PythonLexer lexer, int depth) {
    this.lexer = lexer;
    this.depth = depth;
    this.tok = checked(lexer.next());
    this.prev = tok;
  }

  String src() {
    return lexer.source();
  }

  int depth() {
    return depth;
  }

  void advance() {
    prev = tok;
    tok = checked(lexer.next());
  }

  private static Token checked(Token t) {
    return switch (t.kind()) {
      case ERROR -> throw ParseAbort.invalid(t.line(), t.column(), t.text());
      case INCOMPLETE -> throw ParseAbort.incomplete(t.text());
      default -> t;
    };
  }

  boolean isOp(String op) {
    return tok.isOp(op);
  }

  boolean isName(String name) {
    return tok.isName(name);
  }

  boolean is(Token.Kind kind) {
    return tok.kind() == kind;
  }

  boolean acceptOp(String op) {
    if (tok.isOp(op)) {
      advance();
      return true;
    }
    return false;
  }

  boolean acceptName(String name) {
    if (tok.isName(name)) {
      advance();
      return true;
    }
    return false;
  }

  void expectOp(String op, String message) {
    if (!acceptOp(op)) {
      throw error(message);
    }
  }

  /** An error at the current token. */
  ParseAbort error(String message) {
    return at(tok, message);
  }

  static ParseAbort at(Token t, String message) {
    return ParseAbort.invalid(t.line(), t.column(), message);
  }

  static ParseAbort at(Span s, String message) {
    return ParseAbort.invalid(s.line(), s.column(), message);
  }

  /** The span from the start of {@code first} to the end of the last token consumed. */
  Span spanFrom(Token first) {
    return new Span(first.line(), first.column(), prev.endLine(), prev.endColumn());
  }

  /** The source text from the start of {@code first} to the end of the last token consumed. */
  String textFrom(Token first) {
    return src().substring(first.start(), Math.max(first.start(), prev.end()));
  }

  void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("too many nested expressions (more than " + MAX_DEPTH + ")");
    }
  }

  void leave() {
    depth--;
  }
}

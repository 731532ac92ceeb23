package io.sockscope.shell.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Python's statement grammar over the token stream, with the short form woven in: at the start
 * of every simple statement a line that begins like a short-form statement ({@link
 * ShortFormParser#startsHere}) is handed, untokenized, to {@link ShortFormParser}.
 *
 * <p>Compound statements: {@code if/elif/else}, {@code while/else}, {@code for/else},
 * {@code with}, {@code try/except/else/finally}. Simple ones: expression statements,
 * assignments (chained, unpacking, attribute and subscript targets), augmented assignments,
 * {@code pass break continue raise import from del assert}, and a trailing {@code &} on a call.
 */
final class StatementParser {

  private static final List<String> AUGMENTED =
      List.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>=");

  private final Cursor c;
  private final ExpressionParser expressions;
  private int loopDepth;

  StatementParser(Cursor c) {
    this.c = c;
    this.expressions = new ExpressionParser(c);
  }

  List<Stmt> program() {
    List<Stmt> out = new ArrayList<>();
    while (!c.is(Token.Kind.END)) {
      statement(out);
    }
    return out;
  }

  private void statement(List<Stmt> out) {
    Token t = c.tok;
    switch (t.kind()) {
      case INDENT -> throw c.error("unexpected indent");
      case NEWLINE, DEDENT -> throw c.error("invalid syntax");
      case NAME -> {
        switch (t.text()) {
          case "if" -> {
            out.add(ifStatement());
            return;
          }
          case "while" -> {
            out.add(whileStatement());
            return;
          }
          case "for" -> {
            out.add(forStatement());
            return;
          }
          case "with" -> {
            out.add(withStatement());
            return;
          }
          case "try" -> {
            out.add(tryStatement());
            return;
          }
          case "def" -> throw unsupported("def (functions)");
          case "class" -> throw unsupported("class (classes)");
          case "async" -> throw unsupported("async");
          default -> {}
        }
      }
      case OP -> {
        if (t.isOp("@")) {
          throw unsupported("decorators");
        }
      }
      default -> {}
    }
    simpleStatements(out);
  }

  /** Simple statements separated by {@code ;}, then the end of the line. */
  private void simpleStatements(List<Stmt> out) {
    do {
      out.add(smallStatement());
    } while (c.acceptOp(";") && !c.is(Token.Kind.NEWLINE) && !c.is(Token.Kind.END));
    if (c.is(Token.Kind.NEWLINE)) {
      c.advance();
    } else if (!c.is(Token.Kind.END)) {
      throw c.error("invalid syntax");
    }
  }

  private Stmt smallStatement() {
    Token first = c.tok;
    if (first.kind() == Token.Kind.NAME) {
      String src = c.src();
      if (ShortFormParser.startsHere(src, first)) {
        int end = c.lexer.takeShortStatement(first.start());
        Stmt stmt = new ShortFormParser(src, first.start(), end, first.line(), first.column()).parse();
        c.advance();
        return stmt;
      }
      switch (first.text()) {
        case "pass" -> {
          c.advance();
          return new Stmt.Pass(c.spanFrom(first), c.textFrom(first));
        }
        case "break" -> {
          if (loopDepth == 0) {
            throw c.error("'break' outside loop");
          }
          c.advance();
          return new Stmt.Break(c.spanFrom(first), c.textFrom(first));
        }
        case "continue" -> {
          if (loopDepth == 0) {
            throw c.error("'continue' not properly in loop");
          }
          c.advance();
          return new Stmt.Continue(c.spanFrom(first), c.textFrom(first));
        }
        case "return", "yield", "await" -> throw c.error("'" + first.text() + "' outside function");
        case "global", "nonlocal" -> throw unsupported(first.text());
        case "raise" -> {
          return raise(first);
        }
        case "import" -> {
          return importStatement(first);
        }
        case "from" -> {
          return fromImport(first);
        }
        case "del" -> {
          return delete(first);
        }
        case "assert" -> {
          return assertStatement(first);
        }
        case "print", "exec" -> {
          if (ShortFormParser.followedByWord(src, first.end())) {
            throw c.error("Missing parentheses in call to '" + first.text() + "'. Did you mean "
                + first.text() + "(...)?");
          }
        }
        default -> {}
      }
    }
    return expressionStatement(first);
  }

  private Stmt expressionStatement(Token first) {
    Expr e = expressions.expressions();
    Stmt stmt;
    if (c.isOp("=")) {
      List<Target> targets = new ArrayList<>();
      Expr value = e;
      while (c.isOp("=")) {
        targets.add(Targets.of(value, Targets.Context.ASSIGN));
        c.advance();
        if (c.isName("yield")) {
          throw unsupported("yield (generators)");
        }
        value = expressions.expressions();
      }
      stmt = new Stmt.Assign(targets, value, c.spanFrom(first), c.textFrom(first));
    } else if (c.is(Token.Kind.OP) && AUGMENTED.contains(c.tok.text())) {
      BinaryOperator op = BinaryOperator.ofSymbol(c.tok.text().substring(0, c.tok.text().length() - 1))
          .orElseThrow();
      Target target = Targets.of(e, Targets.Context.AUGMENTED);
      c.advance();
      Expr value = expressions.expressions();
      stmt = new Stmt.AugAssign(target, op, value, c.spanFrom(first), c.textFrom(first));
    } else if (c.isOp("@=")) {
      throw unsupported("matrix multiplication (@)");
    } else if (c.isOp(":")) {
      throw unsupported("annotations");
    } else {
      stmt = recognized(e, c.spanFrom(first), c.textFrom(first));
    }
    if (c.isOp("&")) {
      Token amp = c.tok;
      c.advance();
      boolean call = switch (stmt) {
        case Stmt.ExprStmt s -> s.expr() instanceof Expr.Call;
        case Stmt.Assign a -> a.value() instanceof Expr.Call;
        default -> false;
      };
      if (!call) {
        throw Cursor.at(amp, "only a call can run in the background: '&' ends a call such as "
            + "s.recv(1024) &");
      }
      return new Stmt.Background(stmt, c.spanFrom(first), c.textFrom(first));
    }
    return stmt;
  }

  /** An expression statement, or the sockscope statement its Python spelling means. */
  private static Stmt recognized(Expr e, Span span, String source) {
    if (e instanceof Expr.Call call && call.keywords().isEmpty()) {
      if (call.function() instanceof Expr.Attribute a
          && a.value() instanceof Expr.Name module
          && module.id().equals("time")
          && a.name().equals("sleep")
          && call.arguments().size() == 1) {
        return new Stmt.Sleep(call.arguments().getFirst(), span, source);
      }
      if (call.function() instanceof Expr.Name n
          && (n.id().equals("exit") || n.id().equals("quit"))
          && call.arguments().isEmpty()) {
        return new Stmt.Exit(span, source);
      }
    }
    return new Stmt.ExprStmt(e, span, source);
  }

  private Stmt raise(Token first) {
    c.advance();
    Optional<Expr> exception = Optional.empty();
    Optional<Expr> cause = Optional.empty();
    if (!atStatementEnd()) {
      exception = Optional.of(expressions.expression());
      if (c.acceptName("from")) {
        cause = Optional.of(expressions.expression());
      }
    }
    return new Stmt.Raise(exception, cause, c.spanFrom(first), c.textFrom(first));
  }

  private boolean atStatementEnd() {
    return c.is(Token.Kind.NEWLINE) || c.is(Token.Kind.END) || c.isOp(";");
  }

  private Stmt importStatement(Token first) {
    c.advance();
    List<Stmt.Alias> names = new ArrayList<>();
    do {
      String module = dottedName();
      names.add(new Stmt.Alias(module, asName()));
    } while (c.acceptOp(","));
    return new Stmt.Import(names, c.spanFrom(first), c.textFrom(first));
  }

  private Stmt fromImport(Token first) {
    c.advance();
    int level = 0;
    while (c.isOp(".") || c.isOp("...")) {
      level += c.tok.text().length();
      c.advance();
    }
    String module = level > 0 && c.isName("import") ? "" : dottedName();
    if (!c.acceptName("import")) {
      throw c.error("invalid syntax");
    }
    List<Stmt.Alias> names = new ArrayList<>();
    if (c.acceptOp("*")) {
      names.add(new Stmt.Alias("*", Optional.empty()));
    } else {
      boolean parenthesized = c.acceptOp("(");
      do {
        if (parenthesized && c.isOp(")")) {
          break;
        }
        names.add(new Stmt.Alias(identifier(), asName()));
      } while (c.acceptOp(","));
      if (parenthesized) {
        c.expectOp(")", "invalid syntax");
      }
      if (names.isEmpty()) {
        throw c.error("invalid syntax");
      }
    }
    return new Stmt.ImportFrom(module, level, names, c.spanFrom(first), c.textFrom(first));
  }

  private String dottedName() {
    StringBuilder name = new StringBuilder(identifier());
    while (c.acceptOp(".")) {
      name.append('.').append(identifier());
    }
    return name.toString();
  }

  private Optional<String> asName() {
    return c.acceptName("as") ? Optional.of(identifier()) : Optional.empty();
  }

  private String identifier() {
    Token t = c.tok;
    if (t.kind() != Token.Kind.NAME || PythonLexer.KEYWORDS.contains(t.text())) {
      throw c.error("invalid syntax");
    }
    c.advance();
    return t.text();
  }

  private Stmt delete(Token first) {
    c.advance();
    Expr e = expressions.expressions();
    List<Target> targets = new ArrayList<>();
    if (e instanceof Expr.Tuple tuple && !tuple.elements().isEmpty()) {
      for (Expr element : tuple.elements()) {
        targets.add(Targets.of(element, Targets.Context.DELETE));
      }
    } else {
      targets.add(Targets.of(e, Targets.Context.DELETE));
    }
    return new Stmt.Delete(targets, c.spanFrom(first), c.textFrom(first));
  }

  private Stmt assertStatement(Token first) {
    c.advance();
    Expr test = expressions.expression();
    Optional<Expr> message = Optional.empty();
    if (c.acceptOp(",")) {
      message = Optional.of(expressions.expression());
    }
    return new Stmt.Assert(test, message, c.spanFrom(first), c.textFrom(first));
  }

  private Stmt ifStatement() {
    Token first = c.tok;
    c.advance();
    Expr test = expressions.expression();
    colon();
    Span span = c.spanFrom(first);
    String header = c.textFrom(first);
    List<Stmt> body = block(first);
    List<Stmt> orElse = List.of();
    if (c.isName("elif")) {
      orElse = List.of(ifStatement());
    } else if (c.isName("else")) {
      orElse = elseBlock();
    }
    return new Stmt.If(test, body, orElse, span, header);
  }

  private List<Stmt> elseBlock() {
    Token keyword = c.tok;
    c.advance();
    colon();
    return block(keyword);
  }

  private Stmt whileStatement() {
    Token first = c.tok;
    c.advance();
    Expr test = expressions.expression();
    colon();
    Span span = c.spanFrom(first);
    String header = c.textFrom(first);
    List<Stmt> body = loopBlock(first);
    List<Stmt> orElse = c.isName("else") ? elseBlock() : List.of();
    return new Stmt.While(test, body, orElse, span, header);
  }

  private Stmt forStatement() {
    Token first = c.tok;
    c.advance();
    Token targetStart = c.tok;
    Expr targetExpr = expressions.targetExpression();
    if (c.isOp(",")) {
      List<Expr> items = new ArrayList<>(List.of(targetExpr));
      while (c.acceptOp(",") && !c.isName("in")) {
        items.add(expressions.targetExpression());
      }
      targetExpr = new Expr.Tuple(items, c.spanFrom(targetStart));
    }
    Target target = Targets.of(targetExpr, Targets.Context.FOR);
    if (!c.acceptName("in")) {
      throw c.error("expected 'in'");
    }
    Expr iterable = expressions.expressions();
    colon();
    Span span = c.spanFrom(first);
    String header = c.textFrom(first);
    List<Stmt> body = loopBlock(first);
    List<Stmt> orElse = c.isName("else") ? elseBlock() : List.of();
    return new Stmt.For(target, iterable, body, orElse, span, header);
  }

  private Stmt withStatement() {
    Token first = c.tok;
    c.advance();
    List<Stmt.WithItem> items = new ArrayList<>();
    do {
      Expr context = expressions.expression();
      Optional<Target> target = Optional.empty();
      if (c.acceptName("as")) {
        target = Optional.of(Targets.of(expressions.targetExpression(), Targets.Context.WITH));
      }
      items.add(new Stmt.WithItem(context, target));
    } while (c.acceptOp(","));
    colon();
    Span span = c.spanFrom(first);
    String header = c.textFrom(first);
    return new Stmt.With(items, block(first), span, header);
  }

  private Stmt tryStatement() {
    Token first = c.tok;
    c.advance();
    colon();
    Span span = c.spanFrom(first);
    String header = c.textFrom(first);
    List<Stmt> body = block(first);
    List<Stmt.Handler> handlers = new ArrayList<>();
    while (c.isName("except")) {
      Token keyword = c.tok;
      if (!handlers.isEmpty() && handlers.getLast().type().isEmpty()) {
        throw c.error("default 'except:' must be last");
      }
      handlers.add(handler(keyword));
    }
    List<Stmt> orElse = List.of();
    if (c.isName("else")) {
      if (handlers.isEmpty()) {
        throw c.error("expected 'except' or 'finally' block");
      }
      orElse = elseBlock();
    }
    List<Stmt> finalBody = List.of();
    if (c.isName("finally")) {
      finalBody = elseBlock();
    } else if (handlers.isEmpty()) {
      throw c.error("expected 'except' or 'finally' block");
    }
    return new Stmt.Try(body, handlers, orElse, finalBody, span, header);
  }

  private Stmt.Handler handler(Token keyword) {
    c.advance();
    if (c.isOp("*")) {
      throw unsupported("except*");
    }
    Optional<Expr> type = Optional.empty();
    Optional<String> name = Optional.empty();
    if (!c.isOp(":")) {
      type = Optional.of(expressions.expression());
      if (c.isOp(",")) {
        throw c.error("multiple exception types must be parenthesized");
      }
      if (c.acceptName("as")) {
        name = Optional.of(identifier());
      }
    }
    colon();
    Span span = c.spanFrom(keyword);
    String header = c.textFrom(keyword);
    return new Stmt.Handler(type, name, block(keyword), span, header);
  }

  private List<Stmt> loopBlock(Token header) {
    loopDepth++;
    List<Stmt> body = block(header);
    loopDepth--;
    return body;
  }

  private void colon() {
    if (!c.acceptOp(":")) {
      throw c.error("expected ':'");
    }
  }

  /** The block after a header's colon: statements on the same line, or an indented block. */
  private List<Stmt> block(Token header) {
    List<Stmt> out = new ArrayList<>();
    if (!c.is(Token.Kind.NEWLINE)) {
      simpleStatements(out);
      return out;
    }
    c.advance();
    String keyword = header.text();
    if (c.is(Token.Kind.END) && c.lexer.isEntry() && !c.lexer.endsWithBlankLine()) {
      throw ParseAbort.incomplete("block expected after '" + keyword + "'");
    }
    if (!c.is(Token.Kind.INDENT)) {
      throw c.error("expected an indented block after '" + keyword + "' statement on line "
          + header.line());
    }
    c.advance();
    while (!c.is(Token.Kind.DEDENT) && !c.is(Token.Kind.END)) {
      statement(out);
    }
    if (c.is(Token.Kind.DEDENT)) {
      c.advance();
    }
    return out;
  }

  private ParseAbort unsupported(String what) {
    return ParseAbort.unsupported(c.tok.line(), c.tok.column(), what);
  }
}

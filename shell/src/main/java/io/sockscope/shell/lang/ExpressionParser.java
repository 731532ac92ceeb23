package io.sockscope.shell.lang;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Python's expression grammar, with Python's precedence, by recursive descent: conditional
 * expressions, {@code or}, {@code and}, {@code not}, chained comparisons, the bitwise and
 * arithmetic operators, unary operators, {@code **}, calls, attributes, subscripts and slices,
 * and the atoms. Constructs sockscope scripts do not run (lambda, comprehensions, starred
 * expressions, {@code :=}, {@code await}, {@code yield}) are errors at their position.
 */
final class ExpressionParser {

  private static final Set<String> EXPRESSION_KEYWORDS =
      Set.of("None", "True", "False", "not", "lambda", "await", "yield");

  private static final Set<String> EXPRESSION_OPENERS =
      Set.of("(", "[", "{", "-", "+", "~", "...", "*");

  private final Cursor c;

  ExpressionParser(Cursor c) {
    this.c = c;
  }

  static boolean startsExpression(Token t) {
    return switch (t.kind()) {
      case NAME -> !PythonLexer.KEYWORDS.contains(t.text()) || EXPRESSION_KEYWORDS.contains(t.text());
      case NUMBER, STRING -> true;
      case OP -> EXPRESSION_OPENERS.contains(t.text());
      default -> false;
    };
  }

  /** Expressions separated by commas: a tuple when there is a comma ({@code a, b = ...}). */
  Expr expressions() {
    Token first = c.tok;
    Expr e = expression();
    if (!c.isOp(",")) {
      return e;
    }
    List<Expr> items = new ArrayList<>(List.of(e));
    while (c.acceptOp(",") && startsExpression(c.tok)) {
      items.add(expression());
    }
    return new Expr.Tuple(items, c.spanFrom(first));
  }

  /** One expression, down to a conditional expression. */
  Expr expression() {
    Token first = c.tok;
    if (first.isName("lambda")) {
      throw unsupported("lambda (functions)");
    }
    c.enter();
    Expr body = disjunction();
    if (c.acceptName("if")) {
      Expr test = disjunction();
      if (!c.acceptName("else")) {
        throw c.error("expected 'else' after 'if' expression");
      }
      Expr orElse = expression();
      body = new Expr.Conditional(test, body, orElse, c.spanFrom(first));
    }
    if (c.isOp(":=")) {
      throw unsupported("assignment expressions (:=)");
    }
    c.leave();
    return body;
  }

  /**
   * An expression that stops before a comparison: the elements of a {@code for} or {@code with}
   * target, where {@code in} belongs to the statement.
   */
  Expr targetExpression() {
    return binary(Precedence.BIT_OR);
  }

  private Expr disjunction() {
    return boolOp(BooleanOperator.OR);
  }

  private Expr boolOp(BooleanOperator op) {
    Token first = c.tok;
    Expr e = op == BooleanOperator.OR ? boolOp(BooleanOperator.AND) : inversion();
    if (!c.isName(op.symbol())) {
      return e;
    }
    List<Expr> values = new ArrayList<>(List.of(e));
    while (c.acceptName(op.symbol())) {
      values.add(op == BooleanOperator.OR ? boolOp(BooleanOperator.AND) : inversion());
    }
    return new Expr.BoolOp(op, values, c.spanFrom(first));
  }

  private Expr inversion() {
    Token first = c.tok;
    if (c.acceptName("not")) {
      c.enter();
      Expr operand = inversion();
      c.leave();
      return new Expr.Unary(UnaryOperator.NOT, operand, c.spanFrom(first));
    }
    return comparison();
  }

  private Expr comparison() {
    Token first = c.tok;
    Expr left = binary(Precedence.BIT_OR);
    List<ComparisonOperator> ops = new ArrayList<>();
    List<Expr> comparators = new ArrayList<>();
    for (ComparisonOperator op = comparisonOperator(); op != null; op = comparisonOperator()) {
      ops.add(op);
      comparators.add(binary(Precedence.BIT_OR));
    }
    return ops.isEmpty() ? left : new Expr.Compare(left, ops, comparators, c.spanFrom(first));
  }

  /** Reads a comparison operator if one comes next. */
  private ComparisonOperator comparisonOperator() {
    Token t = c.tok;
    ComparisonOperator op = switch (t.kind()) {
      case OP -> switch (t.text()) {
        case "==" -> ComparisonOperator.EQ;
        case "!=" -> ComparisonOperator.NOT_EQ;
        case "<" -> ComparisonOperator.LT;
        case "<=" -> ComparisonOperator.LT_E;
        case ">" -> ComparisonOperator.GT;
        case ">=" -> ComparisonOperator.GT_E;
        default -> null;
      };
      case NAME -> switch (t.text()) {
        case "in" -> ComparisonOperator.IN;
        case "is" -> ComparisonOperator.IS;
        case "not" -> ComparisonOperator.NOT_IN;
        default -> null;
      };
      default -> null;
    };
    if (op == null) {
      return null;
    }
    c.advance();
    if (op == ComparisonOperator.NOT_IN && !c.acceptName("in")) {
      throw c.error("invalid syntax");
    }
    if (op == ComparisonOperator.IS && c.acceptName("not")) {
      return ComparisonOperator.IS_NOT;
    }
    return op;
  }

  /**
   * The binary operators binding at least as tight as {@code minLevel}, by precedence climbing:
   * left-associative, each operand parsed for the operators that bind tighter than its own.
   */
  private Expr binary(int minLevel) {
    Token first = c.tok;
    Expr left = factor();
    int chain = 0;
    for (BinaryOperator op = binaryOperator(minLevel); op != null; op = binaryOperator(minLevel)) {
      c.advance();
      c.enter();
      chain++;
      Expr right = binary(op.precedence() + 1);
      left = new Expr.Binary(left, op, right, c.spanFrom(first));
    }
    for (; chain > 0; chain--) {
      c.leave();
    }
    return left;
  }

  /** The operator at the cursor if it is binary, not {@code **}, and binds from {@code minLevel}. */
  private BinaryOperator binaryOperator(int minLevel) {
    if (!c.is(Token.Kind.OP)) {
      return null;
    }
    if (c.isOp("@")) {
      throw unsupported("matrix multiplication (@)");
    }
    if (c.isOp("&") && c.lexer.lineEndsAfter(c.tok.end())) {
      return null;
    }
    Optional<BinaryOperator> op = BinaryOperator.ofSymbol(c.tok.text());
    return op.filter(o -> o.precedence() >= minLevel && o != BinaryOperator.POW).orElse(null);
  }

  private Expr factor() {
    Token first = c.tok;
    UnaryOperator op =
        c.isOp("-") ? UnaryOperator.NEG
            : c.isOp("+") ? UnaryOperator.POS
            : c.isOp("~") ? UnaryOperator.INVERT
            : null;
    if (op == null) {
      return power();
    }
    c.advance();
    c.enter();
    Expr operand = factor();
    c.leave();
    return new Expr.Unary(op, operand, c.spanFrom(first));
  }

  private Expr power() {
    Token first = c.tok;
    Expr base = primary();
    if (!c.acceptOp("**")) {
      return base;
    }
    c.enter();
    Expr exponent = factor();
    c.leave();
    return new Expr.Binary(base, BinaryOperator.POW, exponent, c.spanFrom(first));
  }

  private Expr primary() {
    Token first = c.tok;
    Expr e = atom();
    int chain = 0;
    while (true) {
      if (c.acceptOp(".")) {
        Token name = c.tok;
        if (name.kind() != Token.Kind.NAME || PythonLexer.KEYWORDS.contains(name.text())) {
          throw c.error("invalid syntax");
        }
        c.advance();
        e = new Expr.Attribute(e, name.text(), c.spanFrom(first));
      } else if (c.isOp("(")) {
        e = call(e, first);
      } else if (c.isOp("[")) {
        e = subscript(e, first);
      } else {
        break;
      }
      c.enter();
      chain++;
    }
    for (; chain > 0; chain--) {
      c.leave();
    }
    return e;
  }

  private Expr call(Expr function, Token first) {
    c.advance();
    List<Expr> arguments = new ArrayList<>();
    List<Expr.Keyword> keywords = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (!c.isOp(")")) {
      if (c.isOp("*") || c.isOp("**")) {
        throw unsupported("argument unpacking (" + (c.isOp("*") ? "*args" : "**kwargs") + ")");
      }
      Token argStart = c.tok;
      Expr value = expression();
      if (c.isOp("=")) {
        if (!(value instanceof Expr.Name name)) {
          throw Cursor.at(argStart, "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        c.advance();
        if (!seen.add(name.id())) {
          throw Cursor.at(argStart, "keyword argument repeated: " + name.id());
        }
        Expr argument = expression();
        keywords.add(new Expr.Keyword(name.id(), argument, c.spanFrom(argStart)));
      } else {
        rejectComprehension();
        if (!keywords.isEmpty()) {
          throw Cursor.at(argStart, "positional argument follows keyword argument");
        }
        arguments.add(value);
      }
      if (!c.acceptOp(",")) {
        if (!c.isOp(")")) {
          throw separatorError(argStart);
        }
      }
    }
    c.advance();
    return new Expr.Call(function, arguments, keywords, c.spanFrom(first));
  }

  private Expr subscript(Expr value, Token first) {
    c.advance();
    Token indexStart = c.tok;
    Expr index = slice();
    if (c.isOp(",")) {
      List<Expr> items = new ArrayList<>(List.of(index));
      while (c.acceptOp(",") && !c.isOp("]")) {
        items.add(slice());
      }
      index = new Expr.Tuple(items, c.spanFrom(indexStart));
    }
    if (!c.acceptOp("]")) {
      throw separatorError(indexStart);
    }
    return new Expr.Subscript(value, index, c.spanFrom(first));
  }

  private Expr slice() {
    Token first = c.tok;
    Optional<Expr> lower = Optional.empty();
    if (!c.isOp(":")) {
      Expr e = expression();
      if (!c.isOp(":")) {
        return e;
      }
      lower = Optional.of(e);
    }
    c.advance();
    Optional<Expr> upper = sliceBound();
    Optional<Expr> step = Optional.empty();
    if (c.acceptOp(":")) {
      step = sliceBound();
    }
    return new Expr.Slice(lower, upper, step, c.spanFrom(first));
  }

  private Optional<Expr> sliceBound() {
    if (c.isOp(":") || c.isOp("]") || c.isOp(",")) {
      return Optional.empty();
    }
    return Optional.of(expression());
  }

  private Expr atom() {
    Token t = c.tok;
    switch (t.kind()) {
      case NAME -> {
        return name(t);
      }
      case NUMBER -> {
        c.advance();
        return t.value() instanceof Double d
            ? new Expr.FloatLiteral(d, t.span())
            : new Expr.IntLiteral((java.math.BigInteger) t.value(), t.span());
      }
      case STRING -> {
        return new StringLiterals(c).parse();
      }
      case OP -> {
        switch (t.text()) {
          case "(" -> {
            return parenthesized();
          }
          case "[" -> {
            return list();
          }
          case "{" -> {
            return braces();
          }
          case "..." -> {
            c.advance();
            return new Expr.EllipsisLiteral(t.span());
          }
          case "*" -> throw unsupported("starred expressions (*x)");
          default -> throw c.error("invalid syntax");
        }
      }
      default -> throw c.error("invalid syntax");
    }
  }

  private Expr name(Token t) {
    switch (t.text()) {
      case "None" -> {
        c.advance();
        return new Expr.NoneLiteral(t.span());
      }
      case "True", "False" -> {
        c.advance();
        return new Expr.BoolLiteral(t.text().equals("True"), t.span());
      }
      case "lambda" -> throw unsupported("lambda (functions)");
      case "await" -> throw unsupported("await");
      case "yield" -> throw unsupported("yield (generators)");
      default -> {
        if (PythonLexer.KEYWORDS.contains(t.text())) {
          throw c.error("invalid syntax");
        }
        c.advance();
        return new Expr.Name(t.text(), t.span());
      }
    }
  }

  private Expr parenthesized() {
    Token first = c.tok;
    c.advance();
    if (c.acceptOp(")")) {
      return new Expr.Tuple(List.of(), c.spanFrom(first));
    }
    Token elementStart = c.tok;
    Expr e = expression();
    rejectComprehension();
    if (c.acceptOp(")")) {
      return e;
    }
    List<Expr> items = new ArrayList<>(List.of(e));
    elements(items, ")", elementStart);
    return new Expr.Tuple(items, c.spanFrom(first));
  }

  private Expr list() {
    Token first = c.tok;
    c.advance();
    List<Expr> items = new ArrayList<>();
    if (!c.isOp("]")) {
      Token elementStart = c.tok;
      items.add(expression());
      rejectComprehension();
      if (!c.acceptOp("]")) {
        elements(items, "]", elementStart);
      }
    } else {
      c.advance();
    }
    return new Expr.ListDisplay(items, c.spanFrom(first));
  }

  /** After a first element: more elements, comma-separated, up to and including {@code close}. */
  private void elements(List<Expr> items, String close, Token previousStart) {
    Token start = previousStart;
    while (true) {
      if (!c.acceptOp(",")) {
        throw separatorError(start);
      }
      if (c.acceptOp(close)) {
        return;
      }
      start = c.tok;
      items.add(expression());
      if (c.acceptOp(close)) {
        return;
      }
    }
  }

  private Expr braces() {
    Token first = c.tok;
    c.advance();
    if (c.acceptOp("}")) {
      return new Expr.DictDisplay(List.of(), List.of(), c.spanFrom(first));
    }
    if (c.isOp("**")) {
      throw unsupported("dict unpacking (**d)");
    }
    Token elementStart = c.tok;
    Expr firstItem = expression();
    if (!c.acceptOp(":")) {
      rejectComprehension();
      List<Expr> items = new ArrayList<>(List.of(firstItem));
      if (!c.acceptOp("}")) {
        elements(items, "}", elementStart);
      }
      return new Expr.SetDisplay(items, c.spanFrom(first));
    }
    List<Expr> keys = new ArrayList<>(List.of(firstItem));
    List<Expr> values = new ArrayList<>(List.of(expression()));
    rejectComprehension();
    while (!c.acceptOp("}")) {
      if (!c.acceptOp(",")) {
        throw separatorError(elementStart);
      }
      if (c.acceptOp("}")) {
        break;
      }
      if (c.isOp("**")) {
        throw unsupported("dict unpacking (**d)");
      }
      elementStart = c.tok;
      keys.add(expression());
      c.expectOp(":", "':' expected after dictionary key");
      values.add(expression());
    }
    return new Expr.DictDisplay(keys, values, c.spanFrom(first));
  }

  private void rejectComprehension() {
    if (c.isName("for") || c.isName("async")) {
      throw unsupported("comprehensions and generator expressions");
    }
  }

  /** Two elements with no comma between them, or a stray token after an element. */
  private ParseAbort separatorError(Token previousStart) {
    if (startsExpression(c.tok)) {
      return Cursor.at(previousStart, "invalid syntax. Perhaps you forgot a comma?");
    }
    return c.error("invalid syntax");
  }

  private ParseAbort unsupported(String what) {
    return ParseAbort.unsupported(c.tok.line(), c.tok.column(), what);
  }
}

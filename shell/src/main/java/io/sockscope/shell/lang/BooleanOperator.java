package io.sockscope.shell.lang;

/** Python's short-circuit operators; {@code a and b and c} is one {@link Expr.BoolOp}. */
public enum BooleanOperator {
  AND("and", Precedence.AND),
  OR("or", Precedence.OR);

  private final String symbol;
  private final int precedence;

  BooleanOperator(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  /** The operator as Python writes it. */
  public String symbol() {
    return symbol;
  }

  int precedence() {
    return precedence;
  }
}

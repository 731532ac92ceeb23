package io.sockscope.shell.lang;

/**
 * Python's comparison operators. Comparisons chain ({@code a < b < c}), so one {@link
 * Expr.Compare} holds a list of them.
 */
public enum ComparisonOperator {
  EQ("=="),
  NOT_EQ("!="),
  LT("<"),
  LT_E("<="),
  GT(">"),
  GT_E(">="),
  IS("is"),
  IS_NOT("is not"),
  IN("in"),
  NOT_IN("not in");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as Python writes it, e.g. {@code not in}. */
  public String symbol() {
    return symbol;
  }
}

package io.sockscope.shell.lang;

/** Python's unary operators: {@code -x}, {@code +x}, {@code ~x} and {@code not x}. */
public enum UnaryOperator {
  NEG("-"),
  POS("+"),
  INVERT("~"),
  NOT("not");

  private final String symbol;

  UnaryOperator(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as Python writes it. */
  public String symbol() {
    return symbol;
  }

  int precedence() {
    return this == NOT ? Precedence.NOT : Precedence.FACTOR;
  }
}

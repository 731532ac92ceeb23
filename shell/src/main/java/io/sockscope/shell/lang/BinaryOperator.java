package io.sockscope.shell.lang;

import java.util.Optional;

/**
 * Python's binary arithmetic and bitwise operators, also the operators of augmented assignment
 * ({@code +=}). The precedence numbers follow Python's grammar, higher binding tighter; the
 * parser and the printer share them so that printed source parses back to the same tree.
 */
public enum BinaryOperator {
  BIT_OR("|", Precedence.BIT_OR),
  BIT_XOR("^", Precedence.BIT_XOR),
  BIT_AND("&", Precedence.BIT_AND),
  LSHIFT("<<", Precedence.SHIFT),
  RSHIFT(">>", Precedence.SHIFT),
  ADD("+", Precedence.SUM),
  SUB("-", Precedence.SUM),
  MULT("*", Precedence.TERM),
  DIV("/", Precedence.TERM),
  FLOOR_DIV("//", Precedence.TERM),
  MOD("%", Precedence.TERM),
  POW("**", Precedence.POWER);

  private final String symbol;
  private final int precedence;

  BinaryOperator(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  /** The operator as Python writes it, e.g. {@code //}. */
  public String symbol() {
    return symbol;
  }

  int precedence() {
    return precedence;
  }

  /** The operator written {@code symbol}, if there is one. */
  public static Optional<BinaryOperator> ofSymbol(String symbol) {
    for (BinaryOperator op : values()) {
      if (op.symbol.equals(symbol)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}

package io.sockscope.shell.lang;

/**
 * Python's expression precedence levels, lowest first, as the grammar nests them: the parser
 * descends through them and the printer adds parentheses where a child binds looser than its
 * place requires.
 */
final class Precedence {
  static final int TUPLE = 0;
  static final int CONDITIONAL = 1;
  static final int OR = 2;
  static final int AND = 3;
  static final int NOT = 4;
  static final int COMPARISON = 5;
  static final int BIT_OR = 6;
  static final int BIT_XOR = 7;
  static final int BIT_AND = 8;
  static final int SHIFT = 9;
  static final int SUM = 10;
  static final int TERM = 11;
  static final int FACTOR = 12;
  static final int POWER = 13;
  static final int PRIMARY = 15;
  static final int ATOM = 16;

  private Precedence() {}
}

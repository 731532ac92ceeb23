package io.sockscope.shell.lang;

/**
 * What parsing a script or a shell entry gives: a whole program, input that needs more lines
 * (the shell shows its continuation prompt), or the first syntax error. A script or a {@code -e}
 * statement is never {@link Incomplete}: at the end of a file every open block closes and an open
 * bracket is an error.
 */
public sealed interface ParseResult {

  /** The input is a whole program, ready to run. */
  record Complete(Program program) implements ParseResult {}

  /**
   * The input so far is valid but unfinished: a compound statement whose block is still open (an
   * entry closes its blocks with a blank line), an open bracket, a line ending in a backslash, or
   * an unterminated triple-quoted string. {@code reason} says which, in a few words.
   */
  record Incomplete(String reason) implements ParseResult {}

  /**
   * The first syntax error: {@code file} is the script's name (or the shell's name for its
   * entries), {@code line} and {@code column} are 1-based.
   */
  record Invalid(String file, int line, int column, String message) implements ParseResult {

    /** The error as sockscope prints it: {@code FILE:LINE:COL: message}. */
    public String format() {
      return file + ":" + line + ":" + column + ": " + message;
    }
  }
}

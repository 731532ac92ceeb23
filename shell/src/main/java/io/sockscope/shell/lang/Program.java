package io.sockscope.shell.lang;

import java.util.List;

/**
 * A parsed script or shell entry: its statements in order. {@code file} names the source, for
 * messages that point back into it.
 */
public record Program(String file, List<Stmt> statements) {

  public Program {
    statements = List.copyOf(statements);
  }
}

package io.sockscope.shell.lang;

import java.util.List;

/**
 * Where an assignment, a {@code for} loop, a {@code with ... as}, or {@code del} puts (or removes)
 * a value: a name, a tuple or list of targets ({@code conn, addr = s.accept()}), an attribute or
 * a subscript.
 */
public sealed interface Target {

  Span span();

  /** A variable. */
  record Name(String id, Span span) implements Target {}

  /** {@code a, b} or {@code [a, b]}: unpacks a sequence into its elements. */
  record Tuple(List<Target> elements, Span span) implements Target {

    public Tuple {
      elements = List.copyOf(elements);
    }
  }

  /** {@code obj.name}. */
  record Attribute(Expr value, String name, Span span) implements Target {}

  /** {@code obj[index]}. */
  record Subscript(Expr value, Expr index, Span span) implements Target {}
}

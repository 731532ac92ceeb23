package io.sockscope.shell.render;

/**
 * Dresses a piece of a transcript line for its output: {@link #PLAIN} leaves it as it is (a file,
 * a pipe, {@code --color=never}); a terminal styler adds colour by {@link Role}.
 */
@FunctionalInterface
public interface Styler {
  Styler PLAIN = (text, role) -> text;

  String apply(String text, Role role);
}

package io.sockscope.shell.lang;

import java.util.Optional;

/**
 * A short-form statement as {@code help} shows it: its keyword, its usage line, what it does in
 * one line, an example, and the example's Python spelling where it has one.
 */
public record Command(
    String keyword, String usage, String summary, String example, Optional<String> python) {}

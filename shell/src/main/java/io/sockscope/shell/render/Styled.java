package io.sockscope.shell.render;

/** A piece of a transcript line and what it is. */
public record Styled(String text, Role role) {}

package io.sockscope.shell.cli;

import io.sockscope.shell.render.Styler;
import picocli.CommandLine.Option;

/** How a face writes: text or JSON lines, colour, and stack traces for bugs (SPEC §2). */
public final class OutputMixin {
  /** When to colour text output. */
  public enum ColorMode {
    auto,
    always,
    never
  }

  @Option(names = "--json", description = "Write JSON lines (one object per record) instead of text.")
  boolean json;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour the text: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; "
          + "auto colours a terminal unless NO_COLOR is set).")
  ColorMode color;

  @Option(names = "--debug", description = "Show the stack trace of an internal error.")
  boolean debug;

  public boolean json() {
    return json;
  }

  public boolean debug() {
    return debug;
  }

  /** Whether text goes out coloured: never for JSON, a pipe or NO_COLOR, unless always. */
  public boolean colour() {
    return switch (color) {
      case always -> !json;
      case never -> false;
      case auto -> !json && System.console() != null && System.console().isTerminal()
          && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    };
  }

  /** The styler text output uses; colour comes from the terminal palette where one is set. */
  public Styler styler(Styler palette) {
    return colour() ? palette : Styler.PLAIN;
  }
}

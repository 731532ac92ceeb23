package io.sockscope.tui.view;

import io.sockscope.shell.lang.Program;

/** What a key asks of the session, beyond changing the view. */
public sealed interface Command {

  /** Nothing beyond the view. */
  record None() implements Command {}

  /** Run this entry (its source as typed, for the history). */
  record Run(String source, Program program) implements Command {}

  /** An entry that will not run (a syntax error, now in the transcript): kept in the history. */
  record Rejected(String source) implements Command {}

  /** Cancel the running entry's blocking call (Ctrl-C). */
  record Cancel() implements Command {}

  /** End the session and leave (F10, Ctrl-Q). */
  record Quit() implements Command {}

  Command NONE = new None();
}

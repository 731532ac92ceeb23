package io.sockscope.shell.run;

/**
 * Ends a run from inside the interpreter, past every {@code try}/{@code except} (which only
 * Python exceptions enter): {@code exit}, or an expectation not met. {@code finally} blocks and
 * {@code with} blocks still close what they hold on the way out.
 */
final class ScriptStop extends RuntimeException {
  private final Outcome outcome;

  ScriptStop(Outcome outcome) {
    super(outcome.toString(), null, false, false);
    this.outcome = outcome;
  }

  Outcome outcome() {
    return outcome;
  }
}

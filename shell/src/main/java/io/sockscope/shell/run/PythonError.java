package io.sockscope.shell.run;

import java.util.OptionalInt;

/**
 * A Python exception travelling up the interpreter's Java stack, from the {@code raise} (or the
 * failed call) to the {@code except} that handles it or to the top, where the run reports it.
 * The interpreter's way of unwinding, not an error of sockscope: it carries no Java stack trace.
 */
final class PythonError extends RuntimeException {
  private final ExceptionValue exception;
  private volatile OptionalInt line = OptionalInt.empty();
  private volatile String file;

  PythonError(ExceptionValue exception) {
    super(exception.tracebackLine(), null, false, false);
    this.exception = exception;
  }

  static PythonError of(Value.Type type, String message) {
    return new PythonError(Exceptions.create(type, message));
  }

  ExceptionValue exception() {
    return exception;
  }

  /** The script line the exception was raised on; set once, by the innermost statement. */
  OptionalInt line() {
    return line;
  }

  /** The script it was raised in; empty when raised outside any statement. */
  java.util.Optional<String> file() {
    return java.util.Optional.ofNullable(file);
  }

  PythonError at(String fileName, int lineNumber) {
    if (line.isEmpty()) {
      line = OptionalInt.of(lineNumber);
      file = fileName;
    }
    return this;
  }
}

package io.sockscope.shell.run;

import io.sockscope.engine.Failure;

/**
 * How a failed call reads in Python: the last line of the traceback Python would print for it
 * ({@code ConnectionRefusedError: [Errno 111] Connection refused}, {@code TimeoutError: timed
 * out}, {@code KeyboardInterrupt}), for renderers outside this package.
 */
public final class PythonFailures {

  private PythonFailures() {}

  public static String tracebackLine(Failure failure) {
    return Exceptions.fromFailure(failure).tracebackLine();
  }
}

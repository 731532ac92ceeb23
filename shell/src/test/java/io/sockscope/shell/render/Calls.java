package io.sockscope.shell.render;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Errno;
import io.sockscope.engine.Failure;
import io.sockscope.engine.Op;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Call events as the engine makes them, for renderer tests. */
final class Calls {
  static final long START = 1_700_000_000_000_000L;

  private Calls() {}

  static CallEvent ok(long id, String socket, Op op, Map<String, Object> args, long micros,
      CallResult result) {
    return new CallEvent(id, socket, op, new LinkedHashMap<>(args), START, START + micros, result,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static CallEvent failed(long id, String socket, Op op, Map<String, Object> args, long micros,
      Failure failure, CallResult partial) {
    return new CallEvent(id, socket, op, new LinkedHashMap<>(args), START, START + micros, partial,
        Optional.of(failure), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static Failure errno(int number) {
    return new Failure.OsError(Errno.of(number));
  }
}

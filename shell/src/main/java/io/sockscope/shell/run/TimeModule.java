package io.sockscope.shell.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code time} module's clocks and {@code sleep}. */
final class TimeModule {
  private static final long START_NANOS = System.nanoTime();

  private TimeModule() {}

  static Value.Module module() {
    Map<String, Value> members = new LinkedHashMap<>();
    members.put("sleep", new Value.Function("time.sleep", args -> {
      args.noKeywords().expect(1, 1);
      sleep(args.get(0));
      return Value.None.NONE;
    }));
    members.put("time", clock("time.time", () -> {
      java.time.Instant now = java.time.Instant.now();
      return now.getEpochSecond() + now.getNano() / 1e9;
    }));
    members.put("monotonic", clock("time.monotonic", () -> System.nanoTime() / 1e9));
    members.put("perf_counter", clock("time.perf_counter",
        () -> (System.nanoTime() - START_NANOS) / 1e9));
    members.put("time_ns", new Value.Function("time.time_ns", args -> {
      args.noKeywords().expect(0, 0);
      java.time.Instant now = java.time.Instant.now();
      return new Value.Int(java.math.BigInteger.valueOf(now.getEpochSecond())
          .multiply(java.math.BigInteger.valueOf(1_000_000_000L)).add(
              java.math.BigInteger.valueOf(now.getNano())));
    }));
    members.put("monotonic_ns", new Value.Function("time.monotonic_ns", args -> {
      args.noKeywords().expect(0, 0);
      return Value.Int.of(System.nanoTime());
    }));
    return new Value.Module("time", members);
  }

  private static Value clock(String name, java.util.function.DoubleSupplier now) {
    return new Value.Function(name, args -> {
      args.noKeywords().expect(0, 0);
      return new Value.Float(now.getAsDouble());
    });
  }

  /** time.sleep(seconds): interrupted (Ctrl-C, the end of a run) it raises KeyboardInterrupt. */
  static void sleep(Value seconds) {
    if (!Ops.isNumber(seconds)) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "'" + Ops.typeName(seconds) + "' object cannot be interpreted as an integer");
    }
    double s = Ops.floatOf(seconds);
    if (Double.isNaN(s)) {
      throw PythonError.of(Exceptions.VALUE_ERROR, "Invalid value NaN (not a number)");
    }
    if (s < 0) {
      throw PythonError.of(Exceptions.VALUE_ERROR, "sleep length must be non-negative");
    }
    long nanos = s * 1e9 >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) (s * 1e9);
    try {
      Thread.sleep(java.time.Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      throw new PythonError(Exceptions.bare(Exceptions.KEYBOARD_INTERRUPT));
    }
  }
}

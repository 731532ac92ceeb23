package io.sockscope.shell.run;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code sys} module's parts scripts touch: exit, argv, stdout and stderr, platform. */
final class SysModule {
  static final Value.Instance STDOUT = stream("<stdout>", TranscriptRecord.Stream.STDOUT);
  static final Value.Instance STDERR = stream("<stderr>", TranscriptRecord.Stream.STDERR);

  private SysModule() {}

  static Value.Module module() {
    Map<String, Value> members = new LinkedHashMap<>();
    members.put("exit", new Value.Function("sys.exit", SysModule::exit));
    members.put("argv", new Value.PyList(List.of(new Value.Str("sockscope"))));
    members.put("stdout", STDOUT);
    members.put("stderr", STDERR);
    members.put("platform", new Value.Str("linux"));
    members.put("byteorder", new Value.Str(java.nio.ByteOrder.nativeOrder()
        == java.nio.ByteOrder.LITTLE_ENDIAN ? "little" : "big"));
    members.put("maxsize", new Value.Int(BigInteger.valueOf(Long.MAX_VALUE)));
    return new Value.Module("sys", members);
  }

  private static Value.Instance stream(String name, TranscriptRecord.Stream which) {
    Map<String, Value> attributes = new LinkedHashMap<>();
    attributes.put("write", new Value.Function("write", args -> {
      args.noKeywords().expect(1, 1);
      String text = Ops.strOf(args.get(0), "write() argument");
      args.frame().session().output(which, text);
      return Value.Int.of(text.codePointCount(0, text.length()));
    }));
    attributes.put("flush", new Value.Function("flush", args -> {
      args.noKeywords().expect(0, 0);
      return Value.None.NONE;
    }));
    attributes.put("name", new Value.Str(name));
    return new Value.Instance("TextIOWrapper",
        "<_io.TextIOWrapper name='" + name + "' mode='w' encoding='utf-8'>", attributes);
  }

  /** The stream {@code print(file=...)} writes to. */
  static TranscriptRecord.Stream streamOf(Value file) {
    if (file instanceof Value.None || file == STDOUT) {
      return TranscriptRecord.Stream.STDOUT;
    }
    if (file == STDERR) {
      return TranscriptRecord.Stream.STDERR;
    }
    throw Assigner.noAttribute(file, "write");
  }

  /** sys.exit([code]), also exit() and quit(): raises SystemExit. */
  static Value exit(Args args) {
    args.noKeywords().expect(0, 1);
    throw new PythonError(new ExceptionValue(Exceptions.SYSTEM_EXIT, args.all(),
        java.util.Optional.empty(), java.util.Optional.empty()));
  }
}

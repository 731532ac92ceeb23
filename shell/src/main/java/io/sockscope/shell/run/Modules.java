package io.sockscope.shell.run;

import io.sockscope.engine.Errno;
import io.sockscope.shell.lang.Stmt;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The modules a script can import — socket, time, struct, sys, errno — and {@code import} and
 * {@code from ... import}. Any other module is ModuleNotFoundError, named.
 */
final class Modules {

  private Modules() {}

  /** The modules, fresh for each session (sys.argv is a list a script may change). */
  static Map<String, Value> preloaded() {
    Map<String, Value> modules = new LinkedHashMap<>();
    modules.put("socket", SocketModule.module());
    modules.put("time", TimeModule.module());
    modules.put("struct", StructModule.module());
    modules.put("sys", SysModule.module());
    modules.put("errno", errno());
    return modules;
  }

  private static Value.Module errno() {
    Map<String, Value> members = new LinkedHashMap<>();
    Value.Dict codes = new Value.Dict();
    for (int n = 1; n < 134; n++) {
      Errno e = Errno.of(n);
      if (!e.name().equals("E" + n)) {
        members.put(e.name(), Value.Int.of(n));
        codes.entries().putIfAbsent(HashKey.of(Value.Int.of(n)), new Value.Str(e.name()));
      }
    }
    members.put("EWOULDBLOCK", Value.Int.of(Errno.named("EAGAIN").orElseThrow().number()));
    members.put("errorcode", codes);
    return new Value.Module("errno", members);
  }

  private static Value.Module module(Frame f, String name) {
    String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    if (!top.equals(name)) {
      throw PythonError.of(Exceptions.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'");
    }
    return f.session().scope().builtin(name)
        .filter(v -> v instanceof Value.Module m && m.name().equals(name))
        .map(Value.Module.class::cast)
        .orElseThrow(() -> PythonError.of(Exceptions.MODULE_NOT_FOUND_ERROR,
            "No module named '" + name + "'"));
  }

  static void importNames(Frame f, Stmt.Import statement) {
    for (Stmt.Alias alias : statement.names()) {
      Value.Module m = module(f, alias.name());
      f.session().scope().set(alias.asName().orElse(alias.name()), m);
    }
  }

  static void importFrom(Frame f, Stmt.ImportFrom statement) {
    if (statement.level() > 0) {
      throw PythonError.of(Exceptions.IMPORT_ERROR,
          "attempted relative import with no known parent package");
    }
    Value.Module m = module(f, statement.module());
    for (Stmt.Alias alias : statement.names()) {
      if (alias.name().equals("*")) {
        m.members().forEach((k, v) -> {
          if (!k.startsWith("_")) {
            f.session().scope().set(k, v);
          }
        });
        continue;
      }
      Value v = m.members().get(alias.name());
      if (v == null) {
        throw PythonError.of(Exceptions.IMPORT_ERROR, "cannot import name '" + alias.name()
            + "' from '" + m.name() + "' (built-in)");
      }
      f.session().scope().set(alias.asName().orElse(alias.name()), v);
    }
  }
}

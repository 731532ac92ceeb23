package io.sockscope.shell.run;

import io.sockscope.shell.lang.PythonRepr;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code repr()} and {@code str()} of every value, as CPython 3.11 writes them: what the
 * transcript shows after {@code →} and what {@code print} writes. Containers that hold
 * themselves print {@code [...]}, as in Python.
 */
final class Repr {

  private Repr() {}

  static String repr(Value value) {
    return repr(value, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  static String str(Value value) {
    return switch (value) {
      case Value.Str s -> s.value();
      case Value.EnumInt e -> Integer.toString(e.value());
      case ExceptionValue e -> e.message();
      default -> repr(value);
    };
  }

  private static String repr(Value value, Set<Value> open) {
    return switch (value) {
      case Value.None n -> "None";
      case Value.Ellipsis e -> "Ellipsis";
      case Value.Bool b -> b.value() ? "True" : "False";
      case Value.Int i -> i.value().toString();
      case Value.EnumInt e -> "<" + e.enumName() + "." + e.memberName() + ": " + e.value() + ">";
      case Value.Float f -> PythonRepr.floatRepr(f.value());
      case Value.Str s -> PythonRepr.str(s.value());
      case Value.Bytes b -> PythonRepr.bytes(b.shared());
      case Value.ByteArray b -> "bytearray(" + PythonRepr.bytes(b.toBytes()) + ")";
      case Value.Tuple t -> t.items().size() == 1
          ? "(" + repr(t.items().getFirst(), open) + ",)"
          : nested(t, t.items().iterator(), "(", ")", open);
      case Value.PyList l -> nested(l, List.copyOf(l.items()).iterator(), "[", "]", open);
      case Value.Dict d -> dict(d, open);
      case Value.PySet s -> s.members().isEmpty()
          ? "set()"
          : nested(s, List.copyOf(s.members().values()).iterator(), "{", "}", open);
      case Value.Range r -> "range(" + r.start() + ", " + r.stop()
          + (r.step().equals(BigInteger.ONE) ? "" : ", " + r.step()) + ")";
      case Value.Module m -> "<module '" + m.name() + "' (built-in)>";
      case Value.Function f -> "<built-in function " + f.qualifiedName() + ">";
      case Value.Method m -> "<built-in method " + m.name() + " of " + Ops.typeName(m.self())
          + " object>";
      case Value.Type t -> "<class '" + t.qualifiedName() + "'>";
      case Value.Iter i -> "<" + i.typeName() + " object>";
      case Value.Instance i -> i.repr();
      case SocketValue s -> s.repr();
      case ExceptionValue e -> e.type().name() + nested(e, e.args().iterator(), "(", ")", open);
    };
  }

  private static String nested(Value container, Iterator<Value> items, String open, String close,
      Set<Value> inProgress) {
    if (!inProgress.add(container)) {
      return open + "..." + close;
    }
    try {
      StringJoiner out = new StringJoiner(", ", open, close);
      items.forEachRemaining(v -> out.add(repr(v, inProgress)));
      return out.toString();
    } finally {
      inProgress.remove(container);
    }
  }

  private static String dict(Value.Dict d, Set<Value> inProgress) {
    if (!inProgress.add(d)) {
      return "{...}";
    }
    try {
      StringJoiner out = new StringJoiner(", ", "{", "}");
      for (Map.Entry<HashKey, Value> e : List.copyOf(d.entries().entrySet())) {
        out.add(repr(e.getKey().value(), inProgress) + ": " + repr(e.getValue(), inProgress));
      }
      return out.toString();
    } finally {
      inProgress.remove(d);
    }
  }
}

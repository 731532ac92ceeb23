package io.sockscope.shell.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A dict key or set member with Python's equality and hashing: {@code 1}, {@code 1.0} and
 * {@code True} are the same key; tuples are equal by content; sockets, types and functions by
 * identity. Making one of an unhashable value (a list, a dict) raises Python's TypeError.
 */
final class HashKey {
  private final Value value;
  private final Object identity;

  private HashKey(Value value, Object identity) {
    this.value = value;
    this.identity = identity;
  }

  static HashKey of(Value value) {
    return new HashKey(value, identity(value));
  }

  /** The key as it was first given. */
  Value value() {
    return value;
  }

  private static Object identity(Value value) {
    return switch (value) {
      case Value.None n -> n;
      case Value.Ellipsis e -> e;
      case Value.Bool b -> BigInteger.valueOf(b.value() ? 1 : 0);
      case Value.Int i -> i.value();
      case Value.EnumInt e -> BigInteger.valueOf(e.value());
      case Value.Float f -> number(f.value());
      case Value.Str s -> s;
      case Value.Bytes b -> b;
      case Value.Tuple t -> t.items().stream().map(HashKey::identity).toList();
      case Value.Range r -> List.of(r.start(), r.stop(), r.step());
      case Value.ByteArray b -> unhashable(value);
      case Value.PyList l -> unhashable(value);
      case Value.Dict d -> unhashable(value);
      case Value.PySet s -> unhashable(value);
      case Value.Module m -> new Identity(m);
      case Value.Function f -> new Identity(f);
      case Value.Method m -> new Identity(m);
      case Value.Type t -> new Identity(t);
      case Value.Iter i -> new Identity(i);
      case Value.Instance i -> new Identity(i);
      case SocketValue s -> new Identity(s);
      case ExceptionValue e -> new Identity(e);
    };
  }

  /** A float equal to an int is that int's key. */
  private static Object number(double d) {
    if (Double.isFinite(d) && d == Math.rint(d)) {
      return new BigDecimal(d).toBigInteger();
    }
    return d;
  }

  private static Object unhashable(Value value) {
    throw PythonError.of(Exceptions.TYPE_ERROR, "unhashable type: '" + Ops.typeName(value) + "'");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HashKey k && identity.equals(k.identity);
  }

  @Override
  public int hashCode() {
    return identity.hashCode();
  }

  /** Wraps an object so that it is equal only to itself. */
  private record Identity(Object target) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity i && i.target == target;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(target);
    }
  }
}

package io.sockscope.shell.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The core of Python's object protocol for the interpreter's values: type names, truth, equality,
 * ordering, {@code len}, iteration and {@code in}, each with CPython's TypeError messages.
 */
final class Ops {

  private Ops() {}

  /** {@code type(v).__name__}. */
  static String typeName(Value v) {
    return switch (v) {
      case Value.None n -> "NoneType";
      case Value.Ellipsis e -> "ellipsis";
      case Value.Bool b -> "bool";
      case Value.Int i -> "int";
      case Value.EnumInt e -> e.enumName();
      case Value.Float f -> "float";
      case Value.Str s -> "str";
      case Value.Bytes b -> "bytes";
      case Value.ByteArray b -> "bytearray";
      case Value.Tuple t -> "tuple";
      case Value.PyList l -> "list";
      case Value.Dict d -> "dict";
      case Value.PySet s -> "set";
      case Value.Range r -> "range";
      case Value.Module m -> "module";
      case Value.Function f -> "builtin_function_or_method";
      case Value.Method m -> "builtin_function_or_method";
      case Value.Type t -> "type";
      case Value.Iter i -> i.typeName();
      case Value.Instance i -> i.typeName();
      case SocketValue s -> "socket";
      case ExceptionValue e -> e.type().name();
    };
  }

  /** True for int, bool and IntEnum members. */
  static boolean isInt(Value v) {
    return v instanceof Value.Int || v instanceof Value.Bool || v instanceof Value.EnumInt;
  }

  static boolean isNumber(Value v) {
    return isInt(v) || v instanceof Value.Float;
  }

  /** The int value of an int-like; call only when {@link #isInt} holds. */
  static BigInteger intOf(Value v) {
    return switch (v) {
      case Value.Int i -> i.value();
      case Value.Bool b -> b.value() ? BigInteger.ONE : BigInteger.ZERO;
      case Value.EnumInt e -> BigInteger.valueOf(e.value());
      default -> throw new IllegalArgumentException("not an int: " + typeName(v));
    };
  }

  static double floatOf(Value v) {
    return v instanceof Value.Float f ? f.value() : toDouble(intOf(v));
  }

  /** int to float as Python does it, OverflowError when too large. */
  static double toDouble(BigInteger i) {
    double d = i.doubleValue();
    if (Double.isInfinite(d)) {
      throw PythonError.of(Exceptions.OVERFLOW_ERROR, "int too large to convert to float");
    }
    return d;
  }

  /** {@code operator.index(v)}: an int, or TypeError. */
  static BigInteger index(Value v) {
    if (isInt(v)) {
      return intOf(v);
    }
    throw PythonError.of(Exceptions.TYPE_ERROR,
        "'" + typeName(v) + "' object cannot be interpreted as an integer");
  }

  /** An index that must fit a C int (sizes, counts). */
  static int toIntExact(Value v) {
    BigInteger i = index(v);
    if (i.bitLength() > 31) {
      throw PythonError.of(Exceptions.OVERFLOW_ERROR, "Python int too large to convert to C int");
    }
    return i.intValue();
  }

  /** The bytes of a bytes-like object (bytes, bytearray), else TypeError as send() says it. */
  static byte[] bytesLike(Value v) {
    return switch (v) {
      case Value.Bytes b -> b.shared();
      case Value.ByteArray b -> b.toBytes();
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "a bytes-like object is required, not '" + typeName(v) + "'");
    };
  }

  static boolean isBytesLike(Value v) {
    return v instanceof Value.Bytes || v instanceof Value.ByteArray;
  }

  static String strOf(Value v, String what) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    throw PythonError.of(Exceptions.TYPE_ERROR, what + " must be str, not " + typeName(v));
  }

  /** {@code bool(v)}. */
  static boolean truthy(Value v) {
    return switch (v) {
      case Value.None n -> false;
      case Value.Bool b -> b.value();
      case Value.Int i -> i.value().signum() != 0;
      case Value.EnumInt e -> e.value() != 0;
      case Value.Float f -> f.value() != 0.0;
      case Value.Str s -> !s.value().isEmpty();
      case Value.Bytes b -> b.shared().length > 0;
      case Value.ByteArray b -> b.length() > 0;
      case Value.Tuple t -> !t.items().isEmpty();
      case Value.PyList l -> !l.items().isEmpty();
      case Value.Dict d -> !d.entries().isEmpty();
      case Value.PySet s -> !s.members().isEmpty();
      case Value.Range r -> rangeLength(r).signum() > 0;
      default -> true;
    };
  }

  /** {@code a == b}. */
  static boolean eq(Value a, Value b) {
    if (a == b) {
      return true;
    }
    if (isNumber(a) && isNumber(b)) {
      return !unordered(a, b) && compareNumbers(a, b) == 0;
    }
    if (isBytesLike(a) && isBytesLike(b)) {
      return Arrays.equals(bytesLike(a), bytesLike(b));
    }
    return switch (a) {
      case Value.Str s -> b instanceof Value.Str o && s.value().equals(o.value());
      case Value.Tuple t -> b instanceof Value.Tuple o && listEq(t.items(), o.items());
      case Value.PyList l -> b instanceof Value.PyList o && listEq(l.items(), o.items());
      case Value.Dict d -> b instanceof Value.Dict o && dictEq(d, o);
      case Value.PySet s -> b instanceof Value.PySet o && s.members().keySet().equals(o.members().keySet());
      case Value.Range r -> b instanceof Value.Range o && r.equals(o);
      case Value.None n -> b instanceof Value.None;
      default -> false;
    };
  }

  private static boolean listEq(List<Value> a, List<Value> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!eq(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean dictEq(Value.Dict a, Value.Dict b) {
    if (a.entries().size() != b.entries().size()) {
      return false;
    }
    for (Map.Entry<HashKey, Value> e : a.entries().entrySet()) {
      Value other = b.entries().get(e.getKey());
      if (other == null || !eq(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  /** {@code a is b}: the same object (None, True and False are single objects). */
  static boolean is(Value a, Value b) {
    if (a == b) {
      return true;
    }
    return a instanceof Value.Bool x && b instanceof Value.Bool y && x.value() == y.value();
  }

  private static int compareNumbers(Value a, Value b) {
    if (isInt(a) && isInt(b)) {
      return intOf(a).compareTo(intOf(b));
    }
    BigDecimal left = exact(a);
    BigDecimal right = exact(b);
    if (left == null || right == null) {
      return Double.compare(floatOf(a), floatOf(b));
    }
    return left.compareTo(right);
  }

  /** True when either is a float NaN, which is neither equal to nor ordered with anything. */
  static boolean unordered(Value a, Value b) {
    return a instanceof Value.Float x && Double.isNaN(x.value())
        || b instanceof Value.Float y && Double.isNaN(y.value());
  }

  private static BigDecimal exact(Value v) {
    if (v instanceof Value.Float f) {
      return Double.isFinite(f.value()) ? new BigDecimal(f.value()) : null;
    }
    return new BigDecimal(intOf(v));
  }

  /** {@code a < b} (and the others through {@code sign}): Python's ordering or TypeError. */
  static int compare(Value a, Value b, String symbol) {
    if (isNumber(a) && isNumber(b)) {
      return compareNumbers(a, b);
    }
    if (a instanceof Value.Str x && b instanceof Value.Str y) {
      return Integer.signum(x.value().compareTo(y.value()));
    }
    if (isBytesLike(a) && isBytesLike(b)) {
      return Integer.signum(Arrays.compareUnsigned(bytesLike(a), bytesLike(b)));
    }
    if (a instanceof Value.Tuple x && b instanceof Value.Tuple y) {
      return compareLists(x.items(), y.items(), symbol);
    }
    if (a instanceof Value.PyList x && b instanceof Value.PyList y) {
      return compareLists(x.items(), y.items(), symbol);
    }
    throw PythonError.of(Exceptions.TYPE_ERROR, "'" + symbol
        + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
  }

  private static int compareLists(List<Value> a, List<Value> b, String symbol) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!eq(a.get(i), b.get(i))) {
        return compare(a.get(i), b.get(i), symbol);
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** {@code len(v)}. */
  static long len(Value v) {
    return switch (v) {
      case Value.Str s -> s.value().codePointCount(0, s.value().length());
      case Value.Bytes b -> b.shared().length;
      case Value.ByteArray b -> b.length();
      case Value.Tuple t -> t.items().size();
      case Value.PyList l -> l.items().size();
      case Value.Dict d -> d.entries().size();
      case Value.PySet s -> s.members().size();
      case Value.Range r -> rangeLength(r).longValueExact();
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "object of type '" + typeName(v) + "' has no len()");
    };
  }

  static BigInteger rangeLength(Value.Range r) {
    BigInteger span = r.stop().subtract(r.start());
    if (r.step().signum() > 0 ? span.signum() <= 0 : span.signum() >= 0) {
      return BigInteger.ZERO;
    }
    BigInteger step = r.step();
    return span.add(step).subtract(BigInteger.valueOf(step.signum())).divide(step);
  }

  /** {@code iter(v)} as a Java iterator. */
  static Iterator<Value> iterate(Value v) {
    return switch (v) {
      case Value.Str s -> s.value().codePoints()
          .mapToObj(cp -> (Value) new Value.Str(Character.toString(cp))).iterator();
      case Value.Bytes b -> bytesIterator(b.shared());
      case Value.ByteArray b -> bytesIterator(b.toBytes());
      case Value.Tuple t -> t.items().iterator();
      case Value.PyList l -> liveList(l.items());
      case Value.Dict d -> List.copyOf(d.entries().keySet()).stream().map(HashKey::value).iterator();
      case Value.PySet s -> List.copyOf(s.members().values()).iterator();
      case Value.Range r -> rangeIterator(r);
      case Value.Iter i -> new Iterator<>() {
        private Value pending;

        @Override
        public boolean hasNext() {
          if (pending == null) {
            pending = i.next().orElse(null);
          }
          return pending != null;
        }

        @Override
        public Value next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Value out = pending;
          pending = null;
          return out;
        }
      };
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "'" + typeName(v) + "' object is not iterable");
    };
  }

  /** All items of an iterable, in order. */
  static List<Value> toList(Value v) {
    if (v instanceof Value.Tuple t) {
      return t.items();
    }
    List<Value> out = new java.util.ArrayList<>();
    iterate(v).forEachRemaining(out::add);
    return out;
  }

  private static Iterator<Value> bytesIterator(byte[] data) {
    return new Iterator<>() {
      private int at;

      @Override
      public boolean hasNext() {
        return at < data.length;
      }

      @Override
      public Value next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return Value.Int.of(data[at++] & 0xff);
      }
    };
  }

  /** Iterates a list as Python does: by index, seeing appends made while iterating. */
  private static Iterator<Value> liveList(List<Value> items) {
    return new Iterator<>() {
      private int at;

      @Override
      public boolean hasNext() {
        return at < items.size();
      }

      @Override
      public Value next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.get(at++);
      }
    };
  }

  private static Iterator<Value> rangeIterator(Value.Range r) {
    return new Iterator<>() {
      private BigInteger next = r.start();

      @Override
      public boolean hasNext() {
        return r.step().signum() > 0 ? next.compareTo(r.stop()) < 0 : next.compareTo(r.stop()) > 0;
      }

      @Override
      public Value next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Value out = new Value.Int(next);
        next = next.add(r.step());
        return out;
      }
    };
  }

  /** {@code item in container}. */
  static boolean contains(Value container, Value item) {
    return switch (container) {
      case Value.Str s -> {
        if (!(item instanceof Value.Str sub)) {
          throw PythonError.of(Exceptions.TYPE_ERROR,
              "'in <string>' requires string as left operand, not " + typeName(item));
        }
        yield s.value().contains(sub.value());
      }
      case Value.Bytes b -> bytesContain(b.shared(), item);
      case Value.ByteArray b -> bytesContain(b.toBytes(), item);
      case Value.Dict d -> d.entries().containsKey(HashKey.of(item));
      case Value.PySet s -> s.members().containsKey(HashKey.of(item));
      case Value.Range r -> isInt(item) && rangeContains(r, intOf(item));
      default -> {
        Iterator<Value> it = iterate(container);
        while (it.hasNext()) {
          Value v = it.next();
          if (is(v, item) || eq(v, item)) {
            yield true;
          }
        }
        yield false;
      }
    };
  }

  private static boolean rangeContains(Value.Range r, BigInteger i) {
    boolean inside = r.step().signum() > 0
        ? i.compareTo(r.start()) >= 0 && i.compareTo(r.stop()) < 0
        : i.compareTo(r.start()) <= 0 && i.compareTo(r.stop()) > 0;
    return inside && i.subtract(r.start()).mod(r.step().abs()).signum() == 0;
  }

  private static boolean bytesContain(byte[] data, Value item) {
    if (isInt(item)) {
      BigInteger b = intOf(item);
      if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(255)) > 0) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "byte must be in range(0, 256)");
      }
      for (byte x : data) {
        if ((x & 0xff) == b.intValue()) {
          return true;
        }
      }
      return false;
    }
    if (!isBytesLike(item)) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "a bytes-like object is required, not '" + typeName(item) + "'");
    }
    return ByteSearch.indexOf(data, bytesLike(item), 0, data.length) >= 0;
  }

  /** Python's hash for values used as keys elsewhere (unused results still check hashability). */
  static int hash(Value v) {
    return Objects.hashCode(HashKey.of(v));
  }
}

package io.sockscope.shell.run;

import io.sockscope.shell.lang.BinaryOperator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The built-in namespace: Python's built-in functions and types that socket scripts use, the
 * exception classes, and the modules {@code socket}, {@code time}, {@code struct}, {@code sys}
 * and {@code errno}, which are there without an import (the short form's {@code socket s} means
 * {@code s = socket.socket()} whether or not the script imported socket).
 */
final class Builtins {

  private Builtins() {}

  static Map<String, Value> namespace() {
    Map<String, Value> ns = new LinkedHashMap<>();
    function(ns, "print", Builtins::print);
    function(ns, "len", args -> {
      args.noKeywords().expect(1, 1);
      return Value.Int.of(Ops.len(args.get(0)));
    });
    function(ns, "repr", args -> {
      args.noKeywords().expect(1, 1);
      return new Value.Str(Repr.repr(args.get(0)));
    });
    function(ns, "ascii", args -> {
      args.noKeywords().expect(1, 1);
      return new Value.Str(ascii(Repr.repr(args.get(0))));
    });
    function(ns, "format", args -> {
      args.noKeywords().expect(1, 2);
      String spec = args.count() == 2 ? Ops.strOf(args.get(1), "format() argument 2") : "";
      return new Value.Str(FormatSpec.format(args.get(0), spec));
    });
    function(ns, "isinstance", args -> {
      args.noKeywords().expect(2, 2);
      return Value.Bool.of(isInstance(args.get(0), args.get(1), "isinstance"));
    });
    function(ns, "issubclass", args -> {
      args.noKeywords().expect(2, 2);
      if (!(args.get(0) instanceof Value.Type t)) {
        throw PythonError.of(Exceptions.TYPE_ERROR, "issubclass() arg 1 must be a class");
      }
      return Value.Bool.of(subclass(t, args.get(1)));
    });
    function(ns, "enumerate", args -> {
      args.expect(1, 2);
      Value start = args.argument(1, "start").orElse(Value.Int.ZERO);
      args.done();
      Iterator<Value> items = Ops.iterate(args.get(0));
      BigInteger[] n = {Ops.index(start)};
      return new Value.Iter("enumerate", map(items, v -> {
        Value pair = Value.Tuple.of(new Value.Int(n[0]), v);
        n[0] = n[0].add(BigInteger.ONE);
        return pair;
      }), args.get(0));
    });
    function(ns, "zip", args -> {
      args.noKeywords();
      List<Iterator<Value>> its = args.all().stream().map(Ops::iterate).toList();
      return new Value.Iter("zip", new Iterator<>() {
        @Override
        public boolean hasNext() {
          return !its.isEmpty() && its.stream().allMatch(Iterator::hasNext);
        }

        @Override
        public Value next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return new Value.Tuple(its.stream().map(Iterator::next).toList());
        }
      }, new Value.Tuple(args.all()));
    });
    function(ns, "reversed", args -> {
      args.noKeywords().expect(1, 1);
      List<Value> items = new ArrayList<>(Ops.toList(args.get(0)));
      java.util.Collections.reverse(items);
      return new Value.Iter("reversed", items.iterator(), args.get(0));
    });
    function(ns, "sorted", args -> {
      args.expect(1, 1);
      Optional<Value> key = args.keyword("key").filter(k -> !(k instanceof Value.None));
      boolean reverse = args.keyword("reverse").map(Ops::truthy).orElse(false);
      args.done();
      List<Value> items = new ArrayList<>(Ops.toList(args.get(0)));
      ListMethods.sort(args.frame(), items, key, reverse);
      return new Value.PyList(items);
    });
    function(ns, "min", args -> extreme(args, -1));
    function(ns, "max", args -> extreme(args, 1));
    function(ns, "sum", args -> {
      args.expect(1, 2);
      Value total = args.argument(1, "start").orElse(Value.Int.ZERO);
      args.done();
      if (total instanceof Value.Str) {
        throw PythonError.of(Exceptions.TYPE_ERROR,
            "sum() can't sum strings [use ''.join(seq) instead]");
      }
      for (Value v : Ops.toList(args.get(0))) {
        total = Arithmetic.binary(BinaryOperator.ADD, total, v);
      }
      return total;
    });
    function(ns, "abs", args -> {
      args.noKeywords().expect(1, 1);
      Value v = args.get(0);
      if (Ops.isInt(v)) {
        return new Value.Int(Ops.intOf(v).abs());
      }
      if (v instanceof Value.Float f) {
        return new Value.Float(Math.abs(f.value()));
      }
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "bad operand type for abs(): '" + Ops.typeName(v) + "'");
    });
    function(ns, "round", Builtins::round);
    function(ns, "divmod", args -> {
      args.noKeywords().expect(2, 2);
      return Value.Tuple.of(Arithmetic.binary(BinaryOperator.FLOOR_DIV, args.get(0), args.get(1)),
          Arithmetic.binary(BinaryOperator.MOD, args.get(0), args.get(1)));
    });
    function(ns, "hex", args -> radix(args, 16, "0x"));
    function(ns, "oct", args -> radix(args, 8, "0o"));
    function(ns, "bin", args -> radix(args, 2, "0b"));
    function(ns, "chr", args -> {
      args.noKeywords().expect(1, 1);
      BigInteger cp = Ops.index(args.get(0));
      if (cp.signum() < 0 || cp.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "chr() arg not in range(0x110000)");
      }
      return new Value.Str(Character.toString(cp.intValue()));
    });
    function(ns, "ord", Builtins::ord);
    function(ns, "any", args -> {
      args.noKeywords().expect(1, 1);
      return Value.Bool.of(Ops.toList(args.get(0)).stream().anyMatch(Ops::truthy));
    });
    function(ns, "all", args -> {
      args.noKeywords().expect(1, 1);
      return Value.Bool.of(Ops.toList(args.get(0)).stream().allMatch(Ops::truthy));
    });
    function(ns, "iter", args -> {
      args.noKeywords().expect(1, 1);
      Value v = args.get(0);
      return v instanceof Value.Iter ? v : new Value.Iter(Ops.typeName(v) + "_iterator",
          Ops.iterate(v), v);
    });
    function(ns, "next", args -> {
      args.noKeywords().expect(1, 2);
      if (!(args.get(0) instanceof Value.Iter it)) {
        throw PythonError.of(Exceptions.TYPE_ERROR,
            "'" + Ops.typeName(args.get(0)) + "' object is not an iterator");
      }
      return it.next().or(() -> args.optional(1)).orElseThrow(() ->
          new PythonError(Exceptions.bare(Exceptions.STOP_ITERATION)));
    });
    function(ns, "map", args -> {
      args.noKeywords().expect(2, Integer.MAX_VALUE);
      Value fn = args.get(0);
      List<Iterator<Value>> its = args.all().subList(1, args.count()).stream()
          .map(Ops::iterate).toList();
      Frame frame = args.frame();
      return new Value.Iter("map", new Iterator<>() {
        @Override
        public boolean hasNext() {
          return its.stream().allMatch(Iterator::hasNext);
        }

        @Override
        public Value next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          List<Value> call = its.stream().map(Iterator::next).toList();
          return frame.session().evaluator().invoke(frame, fn, call, Map.of());
        }
      }, new Value.Tuple(args.all()));
    });
    function(ns, "hash", args -> {
      args.noKeywords().expect(1, 1);
      return Value.Int.of(Ops.hash(args.get(0)));
    });
    function(ns, "id", args -> {
      args.noKeywords().expect(1, 1);
      return Value.Int.of(System.identityHashCode(args.get(0)));
    });
    function(ns, "callable", args -> {
      args.noKeywords().expect(1, 1);
      Value v = args.get(0);
      return Value.Bool.of(v instanceof Value.Function || v instanceof Value.Method
          || v instanceof Value.Type);
    });
    function(ns, "getattr", args -> {
      args.noKeywords().expect(2, 3);
      String name = Ops.strOf(args.get(1), "attribute name");
      try {
        return Attributes.get(args.get(0), name);
      } catch (PythonError e) {
        if (args.count() == 3 && e.exception().type().isSubclassOf(Exceptions.ATTRIBUTE_ERROR)) {
          return args.get(2);
        }
        throw e;
      }
    });
    function(ns, "hasattr", args -> {
      args.noKeywords().expect(2, 2);
      try {
        Attributes.get(args.get(0), Ops.strOf(args.get(1), "attribute name"));
        return Value.Bool.TRUE;
      } catch (PythonError e) {
        if (e.exception().type().isSubclassOf(Exceptions.ATTRIBUTE_ERROR)) {
          return Value.Bool.FALSE;
        }
        throw e;
      }
    });
    function(ns, "exit", SysModule::exit);
    function(ns, "quit", SysModule::exit);
    for (Value.Type t : List.of(BuiltinTypes.INT, BuiltinTypes.BOOL, BuiltinTypes.FLOAT_TYPE,
        BuiltinTypes.STR, BuiltinTypes.BYTES, BuiltinTypes.BYTEARRAY, BuiltinTypes.TUPLE,
        BuiltinTypes.LIST, BuiltinTypes.DICT, BuiltinTypes.SET, BuiltinTypes.RANGE,
        BuiltinTypes.TYPE, BuiltinTypes.OBJECT)) {
      ns.put(t.name(), t);
    }
    ns.putAll(Exceptions.builtinClasses());
    ns.putAll(Modules.preloaded());
    return ns;
  }

  private static void function(Map<String, Value> ns, String name, Native body) {
    ns.put(name, new Value.Function(name, body));
  }

  private static Iterator<Value> map(Iterator<Value> source,
      java.util.function.UnaryOperator<Value> fn) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public Value next() {
        return fn.apply(source.next());
      }
    };
  }

  /** print(*objects, sep=' ', end='\n', file=sys.stdout, flush=False). */
  private static Value print(Args args) {
    String sep = separator(args.keyword("sep"), " ", "sep");
    String end = separator(args.keyword("end"), "\n", "end");
    Value file = args.keyword("file").orElse(Value.None.NONE);
    args.keyword("flush");
    args.done();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < args.count(); i++) {
      text.append(i == 0 ? "" : sep).append(Repr.str(args.get(i)));
    }
    text.append(end);
    args.frame().session().output(SysModule.streamOf(file), text.toString());
    return Value.None.NONE;
  }

  private static String separator(Optional<Value> value, String otherwise, String name) {
    return switch (value.orElse(Value.None.NONE)) {
      case Value.None n -> otherwise;
      case Value.Str s -> s.value();
      default -> throw PythonError.of(Exceptions.TYPE_ERROR, name
          + " must be None or a string, not " + Ops.typeName(value.get()));
    };
  }

  /** {@code ascii(repr)}: non-ASCII characters of a repr as escapes. */
  static String ascii(String repr) {
    StringBuilder out = new StringBuilder();
    repr.codePoints().forEach(cp -> {
      if (cp < 128) {
        out.append((char) cp);
      } else if (cp < 0x100) {
        out.append("\\x%02x".formatted(cp));
      } else if (cp < 0x10000) {
        out.append("\\u%04x".formatted(cp));
      } else {
        out.append("\\U%08x".formatted(cp));
      }
    });
    return out.toString();
  }

  static boolean isInstance(Value v, Value classes, String who) {
    return switch (classes) {
      case Value.Type t -> BuiltinTypes.isInstance(v, t);
      case Value.Tuple t -> t.items().stream().anyMatch(c -> isInstance(v, c, who));
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          who + "() arg 2 must be a type, a tuple of types, or a union");
    };
  }

  private static boolean subclass(Value.Type t, Value classes) {
    return switch (classes) {
      case Value.Type c -> c == BuiltinTypes.OBJECT || t.isSubclassOf(c);
      case Value.Tuple tuple -> tuple.items().stream().anyMatch(c -> subclass(t, c));
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    };
  }

  private static Value extreme(Args args, int direction) {
    Optional<Value> key = args.keyword("key").filter(k -> !(k instanceof Value.None));
    Optional<Value> otherwise = args.keyword("default");
    args.done();
    String name = direction < 0 ? "min" : "max";
    if (args.count() == 0) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          name + " expected at least 1 argument, got 0");
    }
    List<Value> items = args.count() == 1 ? Ops.toList(args.get(0)) : args.all();
    if (items.isEmpty()) {
      return otherwise.orElseThrow(() ->
          PythonError.of(Exceptions.VALUE_ERROR, name + "() arg is an empty sequence"));
    }
    Value best = items.getFirst();
    Value bestKey = ListMethods.keyOf(args.frame(), key, best);
    for (Value v : items.subList(1, items.size())) {
      Value k = ListMethods.keyOf(args.frame(), key, v);
      if (Ops.compare(k, bestKey, direction < 0 ? "<" : ">") * direction > 0) {
        best = v;
        bestKey = k;
      }
    }
    return best;
  }

  private static Value round(Args args) {
    args.expect(1, 2);
    Optional<Value> digits = args.argument(1, "ndigits").filter(d -> !(d instanceof Value.None));
    args.done();
    Value x = args.get(0);
    if (Ops.isInt(x)) {
      if (digits.isEmpty() || Ops.index(digits.get()).signum() >= 0) {
        return new Value.Int(Ops.intOf(x));
      }
      BigDecimal rounded = new BigDecimal(Ops.intOf(x))
          .setScale(Ops.toIntExact(digits.get()), RoundingMode.HALF_EVEN);
      return new Value.Int(rounded.toBigInteger());
    }
    if (!(x instanceof Value.Float f)) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "type " + Ops.typeName(x) + " doesn't define __round__ method");
    }
    if (digits.isEmpty()) {
      if (Double.isNaN(f.value())) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "cannot convert float NaN to integer");
      }
      if (Double.isInfinite(f.value())) {
        throw PythonError.of(Exceptions.OVERFLOW_ERROR, "cannot convert float infinity to integer");
      }
      return new Value.Int(new BigDecimal(f.value()).setScale(0, RoundingMode.HALF_EVEN)
          .toBigInteger());
    }
    if (!Double.isFinite(f.value())) {
      return x;
    }
    return new Value.Float(new BigDecimal(f.value())
        .setScale(Ops.toIntExact(digits.get()), RoundingMode.HALF_EVEN).doubleValue());
  }

  private static Value radix(Args args, int radix, String prefix) {
    args.noKeywords().expect(1, 1);
    BigInteger i = Ops.index(args.get(0));
    return new Value.Str((i.signum() < 0 ? "-" : "") + prefix + i.abs().toString(radix));
  }

  private static Value ord(Args args) {
    args.noKeywords().expect(1, 1);
    Value v = args.get(0);
    if (v instanceof Value.Str s) {
      int count = s.value().codePointCount(0, s.value().length());
      if (count != 1) {
        throw PythonError.of(Exceptions.TYPE_ERROR,
            "ord() expected a character, but string of length " + count + " found");
      }
      return Value.Int.of(s.value().codePointAt(0));
    }
    if (Ops.isBytesLike(v)) {
      byte[] b = Ops.bytesLike(v);
      if (b.length != 1) {
        throw PythonError.of(Exceptions.TYPE_ERROR,
            "ord() expected a character, but string of length " + b.length + " found");
      }
      return Value.Int.of(b[0] & 0xff);
    }
    throw PythonError.of(Exceptions.TYPE_ERROR,
        "ord() expected string of length 1, but " + Ops.typeName(v) + " found");
  }
}

package io.sockscope.shell.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built-in types as values: what {@code type(x)} returns and {@code isinstance} compares
 * against, and their constructors ({@code int("42")}, {@code bytes(3)}, {@code list(range(3))})
 * with CPython's conversions and messages.
 */
final class BuiltinTypes {
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(?:(?:\\d(?:_?\\d)*)?(?:\\.(?:\\d(?:_?\\d)*)?)?(?:[eE][+-]?\\d(?:_?\\d)*)?)");

  static final Value.Type OBJECT = new Value.Type("object", "builtins", Optional.empty(),
      args -> {
        args.expect(0, 0);
        throw PythonError.of(Exceptions.TYPE_ERROR, "sockscope scripts cannot make plain objects");
      });
  static final Value.Type INT = type("int", OBJECT, BuiltinTypes::makeInt);
  static final Value.Type BOOL = type("bool", INT, args -> {
    args.noKeywords().expect(0, 1);
    return Value.Bool.of(args.count() == 1 && Ops.truthy(args.get(0)));
  });
  static final Value.Type FLOAT_TYPE = type("float", OBJECT, BuiltinTypes::makeFloat);
  static final Value.Type STR = type("str", OBJECT, BuiltinTypes::makeStr);
  static final Value.Type BYTES = type("bytes", OBJECT,
      args -> Value.Bytes.adopt(makeBytes(args)));
  static final Value.Type BYTEARRAY = type("bytearray", OBJECT,
      args -> new Value.ByteArray(makeBytes(args)));
  static final Value.Type TUPLE = type("tuple", OBJECT, args -> {
    args.noKeywords().expect(0, 1);
    return args.count() == 0 ? Value.Tuple.EMPTY : new Value.Tuple(Ops.toList(args.get(0)));
  });
  static final Value.Type LIST = type("list", OBJECT, args -> {
    args.noKeywords().expect(0, 1);
    return new Value.PyList(args.count() == 0 ? List.of() : Ops.toList(args.get(0)));
  });
  static final Value.Type DICT = type("dict", OBJECT, BuiltinTypes::makeDict);
  static final Value.Type SET = type("set", OBJECT, args -> {
    args.noKeywords().expect(0, 1);
    Value.PySet set = new Value.PySet();
    if (args.count() == 1) {
      Ops.iterate(args.get(0)).forEachRemaining(v -> set.members().putIfAbsent(HashKey.of(v), v));
    }
    return set;
  });
  static final Value.Type RANGE = type("range", OBJECT, BuiltinTypes::makeRange);
  static final Value.Type TYPE = type("type", OBJECT, args -> {
    args.noKeywords().expect(1, 1);
    return typeOf(args.get(0));
  });
  static final Value.Type NONE_TYPE = type("NoneType", OBJECT, args -> {
    args.expect(0, 0);
    return Value.None.NONE;
  });
  static final Value.Type MODULE = type("module", OBJECT, BuiltinTypes::cannotCreate);
  static final Value.Type FUNCTION = type("builtin_function_or_method", OBJECT,
      BuiltinTypes::cannotCreate);
  static final Value.Type ELLIPSIS = type("ellipsis", OBJECT, BuiltinTypes::cannotCreate);

  static {
    BYTES.attributes().put("fromhex", new Value.Function("bytes.fromhex", args -> {
      args.noKeywords().expect(1, 1);
      return Value.Bytes.adopt(BytesMethods.fromHex(Ops.strOf(args.get(0), "fromhex() argument")));
    }));
    INT.attributes().put("from_bytes", new Value.Function("int.from_bytes",
        IntMethods::fromBytes));
  }

  private BuiltinTypes() {}

  private static Value.Type type(String name, Value.Type base, Native constructor) {
    return new Value.Type(name, "builtins", Optional.of(base), constructor);
  }

  private static Value cannotCreate(Args args) {
    throw PythonError.of(Exceptions.TYPE_ERROR, "cannot create '" + args.name() + "' instances");
  }

  /** {@code type(v)}. */
  static Value.Type typeOf(Value v) {
    return switch (v) {
      case Value.None n -> NONE_TYPE;
      case Value.Ellipsis e -> ELLIPSIS;
      case Value.Bool b -> BOOL;
      case Value.Int i -> INT;
      case Value.EnumInt e -> INT;
      case Value.Float f -> FLOAT_TYPE;
      case Value.Str s -> STR;
      case Value.Bytes b -> BYTES;
      case Value.ByteArray b -> BYTEARRAY;
      case Value.Tuple t -> TUPLE;
      case Value.PyList l -> LIST;
      case Value.Dict d -> DICT;
      case Value.PySet s -> SET;
      case Value.Range r -> RANGE;
      case Value.Module m -> MODULE;
      case Value.Function f -> FUNCTION;
      case Value.Method m -> FUNCTION;
      case Value.Type t -> TYPE;
      case Value.Iter i -> new Value.Type(i.typeName(), "builtins", Optional.of(OBJECT),
          BuiltinTypes::cannotCreate);
      case Value.Instance i -> new Value.Type(i.typeName(), "builtins", Optional.of(OBJECT),
          BuiltinTypes::cannotCreate);
      case SocketValue s -> SocketModule.SOCKET;
      case ExceptionValue e -> e.type();
    };
  }

  /** {@code isinstance(v, type)}. */
  static boolean isInstance(Value v, Value.Type type) {
    return type == OBJECT || typeOf(v).isSubclassOf(type);
  }

  private static Value makeInt(Args args) {
    args.expect(0, 2);
    Optional<Value> base = args.argument(1, "base");
    args.done();
    if (args.count() == 0) {
      if (base.isPresent()) {
        throw PythonError.of(Exceptions.TYPE_ERROR, "int() missing string argument");
      }
      return Value.Int.ZERO;
    }
    Value x = args.get(0);
    if (base.isPresent()) {
      int b = Ops.toIntExact(base.get());
      if (b != 0 && (b < 2 || b > 36)) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "int() base must be >= 2 and <= 36, or 0");
      }
      return switch (x) {
        case Value.Str s -> new Value.Int(parseInt(s.value(), b, Repr.repr(x)));
        case Value.Bytes bytes -> new Value.Int(parseInt(
            new String(bytes.shared(), java.nio.charset.StandardCharsets.ISO_8859_1), b, Repr.repr(x)));
        default -> throw PythonError.of(Exceptions.TYPE_ERROR,
            "int() can't convert non-string with explicit base");
      };
    }
    return switch (x) {
      case Value.Float f -> {
        if (Double.isNaN(f.value())) {
          throw PythonError.of(Exceptions.VALUE_ERROR, "cannot convert float NaN to integer");
        }
        if (Double.isInfinite(f.value())) {
          throw PythonError.of(Exceptions.OVERFLOW_ERROR, "cannot convert float infinity to integer");
        }
        yield new Value.Int(new BigDecimal(f.value()).toBigInteger());
      }
      case Value.Str s -> new Value.Int(parseInt(s.value(), 10, Repr.repr(x)));
      case Value.Bytes b -> new Value.Int(parseInt(
          new String(b.shared(), java.nio.charset.StandardCharsets.ISO_8859_1), 10, Repr.repr(x)));
      default -> {
        if (Ops.isInt(x)) {
          yield new Value.Int(Ops.intOf(x));
        }
        throw PythonError.of(Exceptions.TYPE_ERROR, "int() argument must be a string, a "
            + "bytes-like object or a real number, not '" + Ops.typeName(x) + "'");
      }
    };
  }

  /** Python's int() parsing: blanks around, a sign, base prefixes, underscores between digits. */
  static BigInteger parseInt(String text, int base, String shown) {
    String s = text.strip();
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    int radix = base;
    String lower = s.toLowerCase(Locale.ROOT);
    for (String[] prefix : new String[][] {{"0x", "16"}, {"0o", "8"}, {"0b", "2"}}) {
      int p = Integer.parseInt(prefix[1]);
      if (lower.startsWith(prefix[0]) && (base == 0 || base == p)) {
        radix = p;
        s = s.substring(2);
        if (s.startsWith("_")) {
          s = s.substring(1);
        }
        break;
      }
    }
    if (radix == 0) {
      radix = 10;
      if (s.length() > 1 && s.startsWith("0") && !s.replace("_", "").matches("0+")) {
        throw invalidLiteral(base, shown);
      }
    }
    if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
      throw invalidLiteral(base, shown);
    }
    try {
      BigInteger value = new BigInteger(s.replace("_", ""), radix);
      return negative ? value.negate() : value;
    } catch (NumberFormatException e) {
      throw invalidLiteral(base, shown);
    }
  }

  private static PythonError invalidLiteral(int base, String shown) {
    return PythonError.of(Exceptions.VALUE_ERROR,
        "invalid literal for int() with base " + base + ": " + shown);
  }

  private static Value makeFloat(Args args) {
    args.noKeywords().expect(0, 1);
    if (args.count() == 0) {
      return new Value.Float(0.0);
    }
    Value x = args.get(0);
    if (x instanceof Value.Float) {
      return x;
    }
    if (Ops.isInt(x)) {
      return new Value.Float(Ops.toDouble(Ops.intOf(x)));
    }
    if (x instanceof Value.Str s) {
      return new Value.Float(parseFloat(s.value()));
    }
    throw PythonError.of(Exceptions.TYPE_ERROR,
        "float() argument must be a string or a real number, not '" + Ops.typeName(x) + "'");
  }

  static double parseFloat(String text) {
    String s = text.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    double sign = lower.startsWith("-") ? -1 : 1;
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    if (!FLOAT.matcher(s).matches() || !s.chars().anyMatch(Character::isDigit)
        || s.matches("[+-]?[eE].*")) {
      throw PythonError.of(Exceptions.VALUE_ERROR,
          "could not convert string to float: " + io.sockscope.shell.lang.PythonRepr.str(text));
    }
    return Double.parseDouble(s.replace("_", ""));
  }

  private static Value makeStr(Args args) {
    args.expect(0, 3);
    Optional<Value> encoding = args.argument(1, "encoding");
    Optional<Value> errors = args.argument(2, "errors");
    Optional<Value> object = args.argument(0, "object");
    args.done();
    if (object.isEmpty()) {
      return new Value.Str("");
    }
    if (encoding.isEmpty() && errors.isEmpty()) {
      return new Value.Str(Repr.str(object.get()));
    }
    if (!Ops.isBytesLike(object.get())) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "decoding to str: need a bytes-like object, " + Ops.typeName(object.get()) + " found");
    }
    return new Value.Str(Codecs.decode(Ops.bytesLike(object.get()),
        encoding.map(e -> Ops.strOf(e, "str() argument 'encoding'")).orElse("utf-8"),
        errors.map(e -> Ops.strOf(e, "str() argument 'errors'")).orElse("strict")));
  }

  private static byte[] makeBytes(Args args) {
    args.expect(0, 3);
    Optional<Value> source = args.argument(0, "source");
    Optional<Value> encoding = args.argument(1, "encoding");
    Optional<Value> errors = args.argument(2, "errors");
    args.done();
    if (source.isEmpty()) {
      return new byte[0];
    }
    Value x = source.get();
    if (x instanceof Value.Str s) {
      if (encoding.isEmpty()) {
        throw PythonError.of(Exceptions.TYPE_ERROR, "string argument without an encoding");
      }
      return Codecs.encode(s.value(), Ops.strOf(encoding.get(), args.name() + "() argument 'encoding'"),
          errors.map(e -> Ops.strOf(e, args.name() + "() argument 'errors'")).orElse("strict"));
    }
    if (encoding.isPresent() || errors.isPresent()) {
      throw PythonError.of(Exceptions.TYPE_ERROR, encoding.isPresent()
          ? "encoding without a string argument" : "errors without a string argument");
    }
    if (Ops.isBytesLike(x)) {
      return Ops.bytesLike(x).clone();
    }
    if (Ops.isInt(x)) {
      BigInteger n = Ops.intOf(x);
      if (n.signum() < 0) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "negative count");
      }
      if (n.bitLength() > 31) {
        throw PythonError.of(Exceptions.OVERFLOW_ERROR, "cannot fit 'int' into an index-sized integer");
      }
      return new byte[n.intValue()];
    }
    if (x instanceof Value.Float || x instanceof Value.None) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "cannot convert '" + Ops.typeName(x) + "' object to " + args.name());
    }
    List<Value> items = Ops.toList(x);
    byte[] out = new byte[items.size()];
    for (int i = 0; i < out.length; i++) {
      BigInteger b = Ops.index(items.get(i));
      if (b.signum() < 0 || b.compareTo(BigInteger.valueOf(255)) > 0) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "bytes must be in range(0, 256)");
      }
      out[i] = (byte) b.intValue();
    }
    return out;
  }

  private static Value makeDict(Args args) {
    args.expect(0, 1);
    Value.Dict dict = new Value.Dict();
    if (args.count() == 1) {
      Value source = args.get(0);
      if (source instanceof Value.Dict d) {
        dict.entries().putAll(d.entries());
      } else {
        int index = 0;
        for (Value pair : Ops.toList(source)) {
          List<Value> kv = new ArrayList<>(Ops.toList(pair));
          if (kv.size() != 2) {
            throw PythonError.of(Exceptions.VALUE_ERROR, "dictionary update sequence element #"
                + index + " has length " + kv.size() + "; 2 is required");
          }
          dict.entries().put(HashKey.of(kv.get(0)), kv.get(1));
          index++;
        }
      }
    }
    args.takeKeywords().forEach((k, v) -> dict.entries().put(HashKey.of(new Value.Str(k)), v));
    return dict;
  }

  private static Value makeRange(Args args) {
    args.noKeywords().expect(1, 3);
    BigInteger start = BigInteger.ZERO;
    BigInteger step = BigInteger.ONE;
    BigInteger stop;
    if (args.count() == 1) {
      stop = args.integer(0);
    } else {
      start = args.integer(0);
      stop = args.integer(1);
      if (args.count() == 3) {
        step = args.integer(2);
      }
    }
    if (step.signum() == 0) {
      throw PythonError.of(Exceptions.VALUE_ERROR, "range() arg 3 must not be zero");
    }
    return new Value.Range(start, stop, step);
  }
}

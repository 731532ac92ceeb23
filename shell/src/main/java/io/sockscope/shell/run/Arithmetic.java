package io.sockscope.shell.run;

import io.sockscope.shell.lang.BinaryOperator;
import io.sockscope.shell.lang.UnaryOperator;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's arithmetic and bitwise operators, sequence concatenation and repetition, and
 * {@code %} formatting, with CPython's results (floor division and modulo round toward minus
 * infinity) and its messages ({@code can't concat str to bytes}).
 */
final class Arithmetic {
  /** Largest sequence repetition made, so that {@code b"x" * 10**12} fails instead of hanging. */
  private static final long MAX_REPEAT_BYTES = Integer.MAX_VALUE - 16;

  private Arithmetic() {}

  static Value binary(BinaryOperator op, Value a, Value b) {
    if (Ops.isInt(a) && Ops.isInt(b)) {
      return integers(op, a, b);
    }
    if (Ops.isNumber(a) && Ops.isNumber(b)) {
      return floats(op, Ops.floatOf(a), Ops.floatOf(b));
    }
    return switch (op) {
      case ADD -> concat(a, b);
      case MULT -> repeat(a, b);
      case MOD -> {
        if (a instanceof Value.Str s) {
          yield new Value.Str(PercentFormat.format(s.value(), b));
        }
        if (Ops.isBytesLike(a)) {
          yield Value.Bytes.adopt(PercentFormat.formatBytes(Ops.bytesLike(a), b));
        }
        throw unsupported(op, a, b);
      }
      default -> throw unsupported(op, a, b);
    };
  }

  private static PythonError unsupported(BinaryOperator op, Value a, Value b) {
    return PythonError.of(Exceptions.TYPE_ERROR, "unsupported operand type(s) for "
        + op.symbol() + ": '" + Ops.typeName(a) + "' and '" + Ops.typeName(b) + "'");
  }

  private static Value integers(BinaryOperator op, Value a, Value b) {
    BigInteger x = Ops.intOf(a);
    BigInteger y = Ops.intOf(b);
    return switch (op) {
      case ADD -> new Value.Int(x.add(y));
      case SUB -> new Value.Int(x.subtract(y));
      case MULT -> new Value.Int(x.multiply(y));
      case DIV -> {
        if (y.signum() == 0) {
          throw PythonError.of(Exceptions.ZERO_DIVISION_ERROR, "division by zero");
        }
        if (x.bitLength() <= 53 && y.bitLength() <= 53) {
          yield new Value.Float(x.doubleValue() / y.doubleValue());
        }
        yield new Value.Float(new BigDecimal(x).divide(new BigDecimal(y), new MathContext(40))
            .doubleValue());
      }
      case FLOOR_DIV -> {
        if (y.signum() == 0) {
          throw PythonError.of(Exceptions.ZERO_DIVISION_ERROR,
              "integer division or modulo by zero");
        }
        yield new Value.Int(floorDiv(x, y));
      }
      case MOD -> {
        if (y.signum() == 0) {
          throw PythonError.of(Exceptions.ZERO_DIVISION_ERROR, "integer modulo by zero");
        }
        yield new Value.Int(x.subtract(floorDiv(x, y).multiply(y)));
      }
      case POW -> {
        if (y.signum() < 0) {
          if (x.signum() == 0) {
            throw PythonError.of(Exceptions.ZERO_DIVISION_ERROR,
                "0.0 cannot be raised to a negative power");
          }
          yield new Value.Float(Math.pow(Ops.toDouble(x), Ops.toDouble(y)));
        }
        if (y.bitLength() > 31 || (long) x.bitLength() * y.longValue() > 64_000_000L) {
          throw PythonError.of(Exceptions.OVERFLOW_ERROR, "exponent too large for sockscope");
        }
        yield new Value.Int(x.pow(y.intValue()));
      }
      case LSHIFT, RSHIFT -> {
        if (y.signum() < 0) {
          throw PythonError.of(Exceptions.VALUE_ERROR, "negative shift count");
        }
        if (op == BinaryOperator.RSHIFT) {
          yield new Value.Int(y.bitLength() > 31 ? BigInteger.valueOf(x.signum() < 0 ? -1 : 0)
              : x.shiftRight(y.intValue()));
        }
        if (y.bitLength() > 31 || x.bitLength() + y.longValue() > 64_000_000L) {
          throw PythonError.of(Exceptions.OVERFLOW_ERROR, "too many digits in integer");
        }
        yield new Value.Int(x.shiftLeft(y.intValue()));
      }
      case BIT_AND -> bits(a, b, x.and(y));
      case BIT_OR -> bits(a, b, x.or(y));
      case BIT_XOR -> bits(a, b, x.xor(y));
    };
  }

  /** {@code True & False} stays a bool; anything else with an int is an int. */
  private static Value bits(Value a, Value b, BigInteger result) {
    if (a instanceof Value.Bool && b instanceof Value.Bool) {
      return Value.Bool.of(result.signum() != 0);
    }
    return new Value.Int(result);
  }

  static BigInteger floorDiv(BigInteger x, BigInteger y) {
    BigInteger[] qr = x.divideAndRemainder(y);
    if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
      return qr[0].subtract(BigInteger.ONE);
    }
    return qr[0];
  }

  private static Value floats(BinaryOperator op, double x, double y) {
    return switch (op) {
      case ADD -> new Value.Float(x + y);
      case SUB -> new Value.Float(x - y);
      case MULT -> new Value.Float(x * y);
      case DIV -> {
        if (y == 0) {
          throw PythonError.of(Exceptions.ZERO_DIVISION_ERROR, "float division by zero");
        }
        yield new Value.Float(x / y);
      }
      case FLOOR_DIV -> {
        if (y == 0) {
          throw PythonError.of(Exceptions.ZERO_DIVISION_ERROR, "float floor division by zero");
        }
        yield new Value.Float(Math.floor(x / y));
      }
      case MOD -> {
        if (y == 0) {
          throw PythonError.of(Exceptions.ZERO_DIVISION_ERROR, "float modulo");
        }
        double m = x % y;
        yield new Value.Float(m != 0 && (m < 0) != (y < 0) ? m + y : m);
      }
      case POW -> {
        if (x == 0 && y < 0) {
          throw PythonError.of(Exceptions.ZERO_DIVISION_ERROR,
              "0.0 cannot be raised to a negative power");
        }
        yield new Value.Float(Math.pow(x, y));
      }
      default -> throw PythonError.of(Exceptions.TYPE_ERROR, "unsupported operand type(s) for "
          + op.symbol() + ": 'float' and 'float'");
    };
  }

  private static Value concat(Value a, Value b) {
    if (a instanceof Value.Str x) {
      if (b instanceof Value.Str y) {
        return new Value.Str(x.value() + y.value());
      }
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "can only concatenate str (not \"" + Ops.typeName(b) + "\") to str");
    }
    if (Ops.isBytesLike(a)) {
      if (!Ops.isBytesLike(b)) {
        throw PythonError.of(Exceptions.TYPE_ERROR,
            "can't concat " + Ops.typeName(b) + " to " + Ops.typeName(a));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(Ops.bytesLike(a));
      out.writeBytes(Ops.bytesLike(b));
      return a instanceof Value.ByteArray ? new Value.ByteArray(out.toByteArray())
          : Value.Bytes.adopt(out.toByteArray());
    }
    if (a instanceof Value.Tuple x) {
      if (b instanceof Value.Tuple y) {
        List<Value> all = new ArrayList<>(x.items());
        all.addAll(y.items());
        return new Value.Tuple(all);
      }
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "can only concatenate tuple (not \"" + Ops.typeName(b) + "\") to tuple");
    }
    if (a instanceof Value.PyList x) {
      if (b instanceof Value.PyList y) {
        List<Value> all = new ArrayList<>(x.items());
        all.addAll(y.items());
        return new Value.PyList(all);
      }
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "can only concatenate list (not \"" + Ops.typeName(b) + "\") to list");
    }
    throw unsupported(BinaryOperator.ADD, a, b);
  }

  private static Value repeat(Value a, Value b) {
    if (Ops.isInt(a) && !Ops.isInt(b)) {
      return repeat(b, a);
    }
    if (!Ops.isInt(b)) {
      if (isSequence(a)) {
        throw PythonError.of(Exceptions.TYPE_ERROR,
            "can't multiply sequence by non-int of type '" + Ops.typeName(b) + "'");
      }
      throw unsupported(BinaryOperator.MULT, a, b);
    }
    BigInteger n = Ops.intOf(b);
    int times = n.signum() <= 0 ? 0 : n.bitLength() > 31 ? Integer.MAX_VALUE : n.intValue();
    return switch (a) {
      case Value.Str s -> new Value.Str(s.value().repeat(checked(s.value().length(), times)));
      case Value.Bytes x -> Value.Bytes.adopt(repeatBytes(x.shared(), times));
      case Value.ByteArray x -> new Value.ByteArray(repeatBytes(x.toBytes(), times));
      case Value.Tuple t -> new Value.Tuple(repeatList(t.items(), times));
      case Value.PyList l -> new Value.PyList(repeatList(l.items(), times));
      default -> throw unsupported(BinaryOperator.MULT, a, b);
    };
  }

  private static boolean isSequence(Value v) {
    return v instanceof Value.Str || Ops.isBytesLike(v) || v instanceof Value.Tuple
        || v instanceof Value.PyList;
  }

  private static int checked(long unit, int times) {
    if (unit * (long) times > MAX_REPEAT_BYTES) {
      throw PythonError.of(Exceptions.OVERFLOW_ERROR, "repeated sequence too long: "
          + unit * (long) times + " items");
    }
    return times;
  }

  private static byte[] repeatBytes(byte[] unit, int times) {
    int n = checked(unit.length, times);
    byte[] out = new byte[unit.length * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(unit, 0, out, i * unit.length, unit.length);
    }
    return out;
  }

  private static List<Value> repeatList(List<Value> unit, int times) {
    int n = checked(unit.size(), times);
    List<Value> out = new ArrayList<>(unit.size() * n);
    for (int i = 0; i < n; i++) {
      out.addAll(unit);
    }
    return out;
  }

  static Value unary(UnaryOperator op, Value v) {
    return switch (op) {
      case NOT -> Value.Bool.of(!Ops.truthy(v));
      case NEG -> {
        if (Ops.isInt(v)) {
          yield new Value.Int(Ops.intOf(v).negate());
        }
        if (v instanceof Value.Float f) {
          yield new Value.Float(-f.value());
        }
        throw badOperand("-", v);
      }
      case POS -> {
        if (Ops.isInt(v)) {
          yield new Value.Int(Ops.intOf(v));
        }
        if (v instanceof Value.Float) {
          yield v;
        }
        throw badOperand("+", v);
      }
      case INVERT -> {
        if (Ops.isInt(v)) {
          yield new Value.Int(Ops.intOf(v).not());
        }
        throw badOperand("~", v);
      }
    };
  }

  private static PythonError badOperand(String symbol, Value v) {
    return PythonError.of(Exceptions.TYPE_ERROR,
        "bad operand type for unary " + symbol + ": '" + Ops.typeName(v) + "'");
  }
}

package io.sockscope.shell.run;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code struct} module for the formats protocol code packs: byte order {@code @ = < > !},
 * counts, and the codes x c b B ? h H i I l L q Q n N f d s, with native sizes and alignment
 * under {@code @} (Linux x86-64 and arm64) and CPython's range messages.
 */
final class StructModule {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private StructModule() {}

  static Value.Module module() {
    Map<String, Value> members = new LinkedHashMap<>();
    members.put("pack", new Value.Function("struct.pack", StructModule::pack));
    members.put("unpack", new Value.Function("struct.unpack", args -> {
      args.noKeywords().expect(2, 2);
      Layout layout = Layout.parse(format(args.get(0)));
      byte[] data = Ops.bytesLike(args.get(1));
      if (data.length != layout.size()) {
        throw error("unpack requires a buffer of " + layout.size() + " bytes");
      }
      return layout.unpack(data, 0);
    }));
    members.put("unpack_from", new Value.Function("struct.unpack_from", args -> {
      args.expect(2, 3);
      Layout layout = Layout.parse(format(args.get(0)));
      byte[] data = Ops.bytesLike(args.get(1));
      int offset = args.argument(2, "offset").map(Ops::toIntExact).orElse(0);
      args.done();
      if (offset < 0) {
        offset += data.length;
      }
      if (offset < 0 || data.length - offset < layout.size()) {
        throw error("unpack_from requires a buffer of at least " + (layout.size() + Math.max(0, offset))
            + " bytes for unpacking " + layout.size() + " bytes at offset " + offset
            + " (actual buffer size is " + data.length + ")");
      }
      return layout.unpack(data, offset);
    }));
    members.put("calcsize", new Value.Function("struct.calcsize", args -> {
      args.noKeywords().expect(1, 1);
      return Value.Int.of(Layout.parse(format(args.get(0))).size());
    }));
    members.put("error", Exceptions.STRUCT_ERROR);
    return new Value.Module("struct", members);
  }

  private static String format(Value v) {
    return switch (v) {
      case Value.Str s -> s.value();
      case Value.Bytes b -> BytesMethods.text(b.shared());
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "Struct() argument 1 must be a str or bytes object, not " + Ops.typeName(v));
    };
  }

  static PythonError error(String message) {
    return PythonError.of(Exceptions.STRUCT_ERROR, message);
  }

  private static Value pack(Args args) {
    args.noKeywords();
    if (args.count() == 0) {
      throw PythonError.of(Exceptions.TYPE_ERROR, "pack expected at least 1 argument, got 0");
    }
    Layout layout = Layout.parse(format(args.get(0)));
    List<Value> values = args.all().subList(1, args.count());
    if (values.size() != layout.items()) {
      throw error("pack expected " + layout.items() + " items for packing (got " + values.size()
          + ")");
    }
    return Value.Bytes.adopt(layout.pack(values));
  }

  /** One field of a format: its code, repeat count, offset. */
  private record Field(char code, int count, int offset, int size) {}

  /** A parsed format string. */
  private record Layout(char order, List<Field> fields, int size, int items) {

    boolean native_() {
      return order == '@';
    }

    boolean bigEndian() {
      return order == '>' || order == '!';
    }

    static Layout parse(String format) {
      int i = 0;
      char order = '@';
      if (!format.isEmpty() && "@=<>!".indexOf(format.charAt(0)) >= 0) {
        order = format.charAt(0);
        i = 1;
      }
      List<Field> fields = new ArrayList<>();
      int offset = 0;
      int items = 0;
      while (i < format.length()) {
        char c = format.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
          continue;
        }
        int count = 1;
        if (Character.isDigit(c)) {
          int start = i;
          while (i < format.length() && Character.isDigit(format.charAt(i))) {
            i++;
          }
          count = Integer.parseInt(format.substring(start, i));
          if (i >= format.length()) {
            throw error("repeat count given without format specifier");
          }
          c = format.charAt(i);
        }
        int size = size(c, order == '@');
        if (order == '@' && size > 1 && c != 's' && c != 'p') {
          offset = (offset + size - 1) / size * size;
        }
        fields.add(new Field(c, count, offset, size));
        offset += c == 's' || c == 'p' ? count : size * count;
        items += c == 'x' ? 0 : c == 's' || c == 'p' ? 1 : count;
        i++;
      }
      return new Layout(order, fields, offset, items);
    }

    private static int size(char code, boolean nativeSizes) {
      return switch (code) {
        case 'x', 'c', 'b', 'B', '?', 's', 'p' -> 1;
        case 'h', 'H', 'e' -> 2;
        case 'i', 'I', 'f' -> 4;
        case 'l', 'L' -> nativeSizes ? 8 : 4;
        case 'q', 'Q', 'd' -> 8;
        case 'n', 'N', 'P' -> {
          if (!nativeSizes) {
            throw error("bad char in struct format");
          }
          yield 8;
        }
        default -> throw error("bad char in struct format");
      };
    }

    private ByteBuffer buffer(byte[] data) {
      return ByteBuffer.wrap(data).order(bigEndian() ? ByteOrder.BIG_ENDIAN
          : order == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.nativeOrder());
    }

    byte[] pack(List<Value> values) {
      byte[] out = new byte[size];
      ByteBuffer buf = buffer(out);
      int next = 0;
      for (Field f : fields) {
        switch (f.code()) {
          case 'x' -> {
            // padding stays zero
          }
          case 's', 'p' -> {
            Value v = values.get(next++);
            if (!Ops.isBytesLike(v)) {
              throw error("argument for '" + f.code() + "' must be a bytes object");
            }
            byte[] b = Ops.bytesLike(v);
            if (f.code() == 's') {
              System.arraycopy(b, 0, out, f.offset(), Math.min(b.length, f.count()));
            } else if (f.count() > 0) {
              int n = Math.min(b.length, Math.min(f.count() - 1, 255));
              out[f.offset()] = (byte) n;
              System.arraycopy(b, 0, out, f.offset() + 1, n);
            }
          }
          default -> {
            for (int k = 0; k < f.count(); k++) {
              put(buf, f, f.offset() + k * f.size(), values.get(next++));
            }
          }
        }
      }
      return out;
    }

    private void put(ByteBuffer buf, Field f, int at, Value v) {
      switch (f.code()) {
        case 'c' -> {
          if (!(v instanceof Value.Bytes b) || b.shared().length != 1) {
            throw error("char format requires a bytes object of length 1");
          }
          buf.put(at, b.shared()[0]);
        }
        case '?' -> buf.put(at, (byte) (Ops.truthy(v) ? 1 : 0));
        case 'f', 'd', 'e' -> {
          if (!Ops.isNumber(v)) {
            throw error("required argument is not a float");
          }
          double d = Ops.floatOf(v);
          if (f.code() == 'f') {
            buf.putFloat(at, (float) d);
          } else if (f.code() == 'd') {
            buf.putDouble(at, d);
          } else {
            buf.putShort(at, Float.floatToFloat16((float) d));
          }
        }
        default -> {
          long value = checkedInt(f.code(), v).longValue();
          switch (f.size()) {
            case 1 -> buf.put(at, (byte) value);
            case 2 -> buf.putShort(at, (short) value);
            case 4 -> buf.putInt(at, (int) value);
            default -> buf.putLong(at, value);
          }
        }
      }
    }

    /** The int for {@code code}, or struct.error with CPython's message for this byte order. */
    private BigInteger checkedInt(char code, Value v) {
      if (!Ops.isInt(v)) {
        throw error("required argument is not an integer");
      }
      BigInteger i = Ops.intOf(v);
      boolean unsigned = Character.isUpperCase(code) || code == '?';
      boolean bigQ = bigEndian() && (code == 'q' || code == 'Q');
      BigInteger min = unsigned ? BigInteger.ZERO : LONG_MIN;
      BigInteger max = unsigned ? ULONG_MAX : LONG_MAX;
      if (bigQ && (i.compareTo(min) < 0 || i.compareTo(max) > 0)) {
        throw error("int too large to convert");
      }
      if (i.compareTo(LONG_MIN) < 0 || i.compareTo(ULONG_MAX) > 0
          || !unsigned && i.compareTo(LONG_MAX) > 0) {
        throw error("argument out of range");
      }
      long bits = 8L * size(code, native_());
      BigInteger low = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft((int) bits - 1).negate();
      BigInteger high = unsigned ? BigInteger.ONE.shiftLeft((int) bits).subtract(BigInteger.ONE)
          : BigInteger.ONE.shiftLeft((int) bits - 1).subtract(BigInteger.ONE);
      if (i.compareTo(low) >= 0 && i.compareTo(high) <= 0) {
        return i;
      }
      String range = low + " <= number <= " + high;
      switch (code) {
        case 'b' -> throw error("byte format requires " + range);
        case 'B' -> throw error("ubyte format requires " + range);
        case 'h' -> throw error(bigEndian() ? "'h' format requires " + range
            : "short format requires " + range);
        case 'H' -> throw error(bigEndian() && i.signum() < 0 ? "argument out of range"
            : bigEndian() ? "'H' format requires " + range : "ushort format requires " + range);
        default -> {
          if (unsigned && i.signum() < 0) {
            throw error("argument out of range");
          }
          throw error("'" + code + "' format requires " + range);
        }
      }
    }

    Value.Tuple unpack(byte[] data, int base) {
      ByteBuffer buf = buffer(data);
      List<Value> out = new ArrayList<>();
      for (Field f : fields) {
        int at = base + f.offset();
        switch (f.code()) {
          case 'x' -> {
            // padding
          }
          case 's' -> out.add(Value.Bytes.adopt(java.util.Arrays.copyOfRange(data, at,
              at + f.count())));
          case 'p' -> {
            int n = f.count() == 0 ? 0 : Math.min(data[at] & 0xff, f.count() - 1);
            out.add(Value.Bytes.adopt(java.util.Arrays.copyOfRange(data, at + 1, at + 1 + n)));
          }
          default -> {
            for (int k = 0; k < f.count(); k++) {
              out.add(get(buf, f.code(), at + k * f.size(), f.size()));
            }
          }
        }
      }
      return new Value.Tuple(out);
    }

    private static Value get(ByteBuffer buf, char code, int at, int size) {
      return switch (code) {
        case 'c' -> Value.Bytes.adopt(new byte[] {buf.get(at)});
        case '?' -> Value.Bool.of(buf.get(at) != 0);
        case 'f' -> new Value.Float(buf.getFloat(at));
        case 'd' -> new Value.Float(buf.getDouble(at));
        case 'e' -> new Value.Float(Float.float16ToFloat(buf.getShort(at)));
        default -> {
          long raw = switch (size) {
            case 1 -> buf.get(at);
            case 2 -> buf.getShort(at);
            case 4 -> buf.getInt(at);
            default -> buf.getLong(at);
          };
          if (Character.isUpperCase(code)) {
            yield new Value.Int(size == 8 ? new BigInteger(Long.toUnsignedString(raw))
                : BigInteger.valueOf(raw & ((1L << (8 * size)) - 1)));
          }
          yield Value.Int.of(raw);
        }
      };
    }
  }
}

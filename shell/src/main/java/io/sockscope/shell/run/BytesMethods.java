package io.sockscope.shell.run;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The methods of bytes and bytearray that protocol code uses. Bytes are handled as ISO-8859-1
 * text, one char per byte, so that splitting and searching share the str code; whitespace and
 * case are ASCII's, as Python's bytes methods have them.
 */
final class BytesMethods {

  private BytesMethods() {}

  private static boolean asciiSpace(int c) {
    return c == ' ' || c >= '\t' && c <= '\r';
  }

  static Optional<Value> bind(Value self, String name) {
    boolean array = self instanceof Value.ByteArray;
    Native body = switch (name) {
      case "decode" -> args -> {
        args.expect(0, 2);
        String encoding = args.argument(0, "encoding").map(v -> Ops.strOf(v,
            "decode() argument 'encoding'")).orElse("utf-8");
        String errors = args.argument(1, "errors").map(v -> Ops.strOf(v,
            "decode() argument 'errors'")).orElse("strict");
        args.done();
        return new Value.Str(Codecs.decode(Ops.bytesLike(self), encoding, errors));
      };
      case "hex" -> args -> {
        args.noKeywords().expect(0, 1);
        String hex = HexFormat.of().formatHex(Ops.bytesLike(self));
        if (args.count() == 1) {
          String sep = args.get(0) instanceof Value.Str s ? s.value() : text(Ops.bytesLike(args.get(0)));
          StringBuilder out = new StringBuilder();
          for (int i = 0; i < hex.length(); i += 2) {
            out.append(i == 0 ? "" : sep).append(hex, i, i + 2);
          }
          hex = out.toString();
        }
        return new Value.Str(hex);
      };
      case "upper", "lower" -> args -> {
        args.noKeywords().expect(0, 0);
        byte[] data = Ops.bytesLike(self).clone();
        for (int i = 0; i < data.length; i++) {
          int c = data[i];
          if (name.equals("upper") && c >= 'a' && c <= 'z') {
            data[i] = (byte) (c - 32);
          } else if (name.equals("lower") && c >= 'A' && c <= 'Z') {
            data[i] = (byte) (c + 32);
          }
        }
        return wrap(array, data);
      };
      case "strip", "lstrip", "rstrip" -> args -> {
        args.noKeywords().expect(0, 1);
        String s = text(Ops.bytesLike(self));
        Optional<String> chars = args.optional(0).filter(v -> !(v instanceof Value.None))
            .map(v -> text(Ops.bytesLike(v)));
        int start = 0;
        int end = s.length();
        while (!name.equals("rstrip") && start < end && strips(s.charAt(start), chars)) {
          start++;
        }
        while (!name.equals("lstrip") && end > start && strips(s.charAt(end - 1), chars)) {
          end--;
        }
        return wrap(array, bytes(s.substring(start, end)));
      };
      case "split", "rsplit" -> args -> {
        args.expect(0, 2);
        Optional<String> sep = args.argument(0, "sep").filter(v -> !(v instanceof Value.None))
            .map(v -> text(Ops.bytesLike(v)));
        int max = args.argument(1, "maxsplit").map(Ops::toIntExact).orElse(-1);
        args.done();
        String s = text(Ops.bytesLike(self));
        List<String> parts = sep.isPresent()
            ? StrMethods.Splitting.bySeparator(s, sep.get(), max, name.equals("rsplit"))
            : StrMethods.Splitting.byWhitespace(s, max, name.equals("rsplit"),
                BytesMethods::asciiSpace);
        return new Value.PyList(parts.stream().map(p -> wrap(array, bytes(p))).toList());
      };
      case "splitlines" -> args -> {
        args.expect(0, 1);
        boolean keep = args.argument(0, "keepends").map(Ops::truthy).orElse(false);
        args.done();
        return new Value.PyList(StrMethods.Splitting.lines(text(Ops.bytesLike(self)), keep)
            .stream().map(p -> wrap(array, bytes(p))).toList());
      };
      case "join" -> args -> {
        args.noKeywords().expect(1, 1);
        byte[] sep = Ops.bytesLike(self);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        List<Value> items = Ops.toList(args.get(0));
        for (int i = 0; i < items.size(); i++) {
          if (!Ops.isBytesLike(items.get(i))) {
            throw PythonError.of(Exceptions.TYPE_ERROR, "sequence item " + i
                + ": expected a bytes-like object, " + Ops.typeName(items.get(i)) + " found");
          }
          if (i > 0) {
            out.writeBytes(sep);
          }
          out.writeBytes(Ops.bytesLike(items.get(i)));
        }
        return wrap(array, out.toByteArray());
      };
      case "startswith", "endswith" -> args -> {
        args.noKeywords().expect(1, 3);
        byte[] data = Ops.bytesLike(self);
        int[] range = StrMethods.range(args, data.length);
        List<Value> options = args.get(0) instanceof Value.Tuple t ? t.items() : List.of(args.get(0));
        for (Value option : options) {
          if (!Ops.isBytesLike(option)) {
            throw PythonError.of(Exceptions.TYPE_ERROR, name + " first arg must be bytes or a "
                + "tuple of bytes, not " + Ops.typeName(option));
          }
          byte[] p = Ops.bytesLike(option);
          int at = name.equals("startswith") ? range[0] : range[1] - p.length;
          if (at >= range[0] && at + p.length <= range[1] && ByteSearch.matchesAt(data, p, at)) {
            return Value.Bool.TRUE;
          }
        }
        return Value.Bool.FALSE;
      };
      case "replace" -> args -> {
        args.noKeywords().expect(2, 3);
        int count = args.optional(2).map(Ops::toIntExact).orElse(-1);
        return wrap(array, bytes(StrMethods.replace(text(Ops.bytesLike(self)),
            text(Ops.bytesLike(args.get(0))), text(Ops.bytesLike(args.get(1))), count)));
      };
      case "find", "rfind", "index", "rindex", "count" -> args -> {
        args.noKeywords().expect(1, 3);
        byte[] data = Ops.bytesLike(self);
        byte[] sub = Ops.isInt(args.get(0)) ? new byte[] {Items.byteValue(args.get(0))}
            : Ops.bytesLike(args.get(0));
        int[] range = StrMethods.range(args, data.length);
        if (name.equals("count")) {
          return Value.Int.of(ByteSearch.count(data, sub, range[0], range[1]));
        }
        int at = name.startsWith("r") ? ByteSearch.lastIndexOf(data, sub, range[0], range[1])
            : ByteSearch.indexOf(data, sub, range[0], range[1]);
        if (at < 0 && name.endsWith("index")) {
          throw PythonError.of(Exceptions.VALUE_ERROR, "subsection not found");
        }
        return Value.Int.of(at);
      };
      case "partition", "rpartition" -> args -> {
        args.noKeywords().expect(1, 1);
        String s = text(Ops.bytesLike(self));
        String sep = text(Ops.bytesLike(args.get(0)));
        if (sep.isEmpty()) {
          throw PythonError.of(Exceptions.VALUE_ERROR, "empty separator");
        }
        int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
        Value empty = wrap(array, new byte[0]);
        if (at < 0) {
          Value whole = wrap(array, bytes(s));
          return name.equals("partition") ? Value.Tuple.of(whole, empty, empty)
              : Value.Tuple.of(empty, empty, whole);
        }
        return Value.Tuple.of(wrap(array, bytes(s.substring(0, at))), wrap(array, bytes(sep)),
            wrap(array, bytes(s.substring(at + sep.length()))));
      };
      case "isdigit" -> test(self, c -> c >= '0' && c <= '9');
      case "isalpha" -> test(self, c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
      case "isspace" -> test(self, BytesMethods::asciiSpace);
      case "append" -> array ? args -> {
        args.noKeywords().expect(1, 1);
        ((Value.ByteArray) self).append(new byte[] {Items.byteValue(args.get(0))});
        return Value.None.NONE;
      } : null;
      case "extend" -> array ? args -> {
        args.noKeywords().expect(1, 1);
        Value more = args.get(0);
        byte[] data;
        if (Ops.isBytesLike(more)) {
          data = Ops.bytesLike(more).clone();
        } else {
          List<Value> items = Ops.toList(more);
          data = new byte[items.size()];
          for (int i = 0; i < data.length; i++) {
            data[i] = Items.byteValue(items.get(i));
          }
        }
        ((Value.ByteArray) self).append(data);
        return Value.None.NONE;
      } : null;
      case "clear" -> array ? args -> {
        args.noKeywords().expect(0, 0);
        ((Value.ByteArray) self).replace(new byte[0]);
        return Value.None.NONE;
      } : null;
      default -> null;
    };
    return Optional.ofNullable(body).map(b -> new Value.Method(self, name, b));
  }

  private static boolean strips(char c, Optional<String> chars) {
    return chars.isPresent() ? chars.get().indexOf(c) >= 0 : asciiSpace(c);
  }

  private static Native test(Value self, java.util.function.IntPredicate each) {
    return args -> {
      args.noKeywords().expect(0, 0);
      byte[] data = Ops.bytesLike(self);
      boolean all = data.length > 0;
      for (byte b : data) {
        all &= each.test(b & 0xff);
      }
      return Value.Bool.of(all);
    };
  }

  private static Value wrap(boolean array, byte[] data) {
    return array ? new Value.ByteArray(data) : Value.Bytes.adopt(data);
  }

  static String text(byte[] data) {
    return new String(data, StandardCharsets.ISO_8859_1);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code bytes.fromhex(s)}: pairs of hex digits, blanks between pairs. */
  static byte[] fromHex(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int hi = Character.digit(c, 16);
      int lo = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      if (hi < 0 || lo < 0) {
        int at = hi < 0 ? i : i + 1;
        throw PythonError.of(Exceptions.VALUE_ERROR,
            "non-hexadecimal number found in fromhex() arg at position " + at);
      }
      out.write(hi << 4 | lo);
      i += 2;
    }
    return out.toByteArray();
  }
}

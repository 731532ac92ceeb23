package io.sockscope.shell.run;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * printf-style formatting, {@code "%s: %d" % (name, n)} and {@code b"%d bytes" % n}, as older
 * socket tutorials write it: flags, width, precision, a {@code (key)} into a dict, and the types
 * s r a d i u x X o e E f F g G c %.
 */
final class PercentFormat {
  private final String template;
  private final List<Value> args;
  private final Value mapping;
  private final boolean bytesMode;
  private int next;

  private PercentFormat(String template, Value args, boolean bytesMode) {
    this.template = template;
    this.bytesMode = bytesMode;
    this.mapping = args instanceof Value.Dict ? args : null;
    this.args = args instanceof Value.Tuple t ? t.items() : List.of(args);
  }

  static String format(String template, Value args) {
    return new PercentFormat(template, args, false).run();
  }

  static byte[] formatBytes(byte[] template, Value args) {
    String text = new String(template, StandardCharsets.ISO_8859_1);
    return new PercentFormat(text, args, true).run().getBytes(StandardCharsets.ISO_8859_1);
  }

  private String run() {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i >= n) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "incomplete format");
      }
      Value keyed = null;
      if (template.charAt(i) == '(') {
        int close = template.indexOf(')', i);
        if (close < 0) {
          throw PythonError.of(Exceptions.VALUE_ERROR, "incomplete format key");
        }
        if (mapping == null) {
          throw PythonError.of(Exceptions.TYPE_ERROR, "format requires a mapping");
        }
        Value key = bytesMode
            ? Value.Bytes.adopt(template.substring(i + 1, close).getBytes(StandardCharsets.ISO_8859_1))
            : new Value.Str(template.substring(i + 1, close));
        keyed = ((Value.Dict) mapping).entries().get(HashKey.of(key));
        if (keyed == null) {
          throw new PythonError(new ExceptionValue(Exceptions.KEY_ERROR, List.of(key),
              java.util.Optional.empty(), java.util.Optional.empty()));
        }
        i = close + 1;
      }
      StringBuilder spec = new StringBuilder();
      while (i < n && "-+ #0".indexOf(template.charAt(i)) >= 0) {
        char flag = template.charAt(i++);
        spec.append(flag == '-' ? '<' : flag);
      }
      String flags = spec.toString();
      StringBuilder width = new StringBuilder();
      if (i < n && template.charAt(i) == '*') {
        width.append(Ops.toIntExact(take()));
        i++;
      }
      while (i < n && Character.isDigit(template.charAt(i))) {
        width.append(template.charAt(i++));
      }
      String precision = "";
      if (i < n && template.charAt(i) == '.') {
        i++;
        StringBuilder p = new StringBuilder();
        while (i < n && Character.isDigit(template.charAt(i))) {
          p.append(template.charAt(i++));
        }
        precision = "." + (p.isEmpty() ? "0" : p);
      }
      if (i >= n) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "incomplete format");
      }
      char type = template.charAt(i++);
      if (type == '%') {
        out.append('%');
        continue;
      }
      Value arg = keyed != null ? keyed : take();
      out.append(convert(type, arg, flags, width.toString(), precision));
    }
    if (mapping == null && next < args.size()) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "not all arguments converted during " + (bytesMode ? "bytes" : "string") + " formatting");
    }
    return out.toString();
  }

  private Value take() {
    if (mapping != null && args.size() == 1 && next == 0 && !(args.getFirst() instanceof Value.Tuple)) {
      next++;
      return mapping;
    }
    if (next >= args.size()) {
      throw PythonError.of(Exceptions.TYPE_ERROR, "not enough arguments for format string");
    }
    return args.get(next++);
  }

  private String convert(char type, Value arg, String flags, String width, String precision) {
    String align = flags.indexOf('<') >= 0 ? "<" : "";
    String sign = flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
    String alt = flags.indexOf('#') >= 0 ? "#" : "";
    String zero = flags.indexOf('0') >= 0 && align.isEmpty() ? "0" : "";
    return switch (type) {
      case 's', 'r', 'a', 'b' -> {
        String text;
        if (type == 'r' || type == 'a') {
          text = Repr.repr(arg);
        } else if (bytesMode) {
          if (!Ops.isBytesLike(arg)) {
            throw PythonError.of(Exceptions.TYPE_ERROR, "%b requires a bytes-like object, or an "
                + "object that implements __bytes__, not '" + Ops.typeName(arg) + "'");
          }
          text = new String(Ops.bytesLike(arg), StandardCharsets.ISO_8859_1);
        } else {
          text = Repr.str(arg);
        }
        yield FormatSpec.format(new Value.Str(text), (align.isEmpty() ? ">" : align) + width
            + precision);
      }
      case 'd', 'i', 'u' -> FormatSpec.format(new Value.Int(integer(arg, type)),
          align + sign + zero + width + "d");
      case 'x', 'X', 'o' -> FormatSpec.format(new Value.Int(integer(arg, type)),
          align + sign + alt + zero + width + type);
      case 'e', 'E', 'f', 'F', 'g', 'G' -> {
        if (!Ops.isNumber(arg)) {
          throw PythonError.of(Exceptions.TYPE_ERROR,
              "must be real number, not " + Ops.typeName(arg));
        }
        yield FormatSpec.format(new Value.Float(Ops.floatOf(arg)),
            align + sign + alt + zero + width + (precision.isEmpty() ? ".6" : precision) + type);
      }
      case 'c' -> {
        String ch = arg instanceof Value.Str s ? s.value()
            : Character.toString(Ops.toIntExact(arg));
        yield FormatSpec.format(new Value.Str(ch), (align.isEmpty() ? ">" : align) + width);
      }
      default -> throw PythonError.of(Exceptions.VALUE_ERROR, "unsupported format character '"
          + type + "' (0x" + Integer.toHexString(type) + ") at index " + (template.indexOf(type)));
    };
  }

  private static java.math.BigInteger integer(Value arg, char type) {
    if (Ops.isInt(arg)) {
      return Ops.intOf(arg);
    }
    if (arg instanceof Value.Float f && "diu".indexOf(type) >= 0) {
      return new java.math.BigDecimal(f.value()).toBigInteger();
    }
    throw PythonError.of(Exceptions.TYPE_ERROR, "%" + type + " format: "
        + ("xXo".indexOf(type) >= 0 ? "an integer" : "a real number") + " is required, not "
        + Ops.typeName(arg));
  }
}

package io.sockscope.shell.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's format-specification mini-language ({@code format(value, spec)}, f-string fields,
 * {@code str.format}): fill, alignment, sign, {@code #}, zero padding, width, grouping,
 * precision and the types of str, int and float.
 */
final class FormatSpec {
  private char fill = ' ';
  private char align;
  private char sign = '-';
  private boolean alternate;
  private int width = -1;
  private char grouping;
  private int precision = -1;
  private char type;

  private FormatSpec() {}

  /** {@code format(value, spec)}. */
  static String format(Value value, String spec) {
    if (value instanceof Value.Bool b && spec.isEmpty()) {
      return b.value() ? "True" : "False";
    }
    FormatSpec f = parse(spec);
    return switch (value) {
      case Value.Str s -> f.formatString(s.value(), "str");
      case Value.Float x -> f.formatFloat(x.value());
      default -> {
        if (Ops.isInt(value)) {
          yield f.formatInt(Ops.intOf(value), value);
        }
        if (!spec.isEmpty()) {
          throw PythonError.of(Exceptions.TYPE_ERROR, "unsupported format string passed to "
              + Ops.typeName(value) + ".__format__");
        }
        yield Repr.str(value);
      }
    };
  }

  private static FormatSpec parse(String spec) {
    FormatSpec f = new FormatSpec();
    int i = 0;
    int n = spec.length();
    if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
      f.fill = spec.charAt(0);
      f.align = spec.charAt(1);
      i = 2;
    } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
      f.align = spec.charAt(0);
      i = 1;
    }
    if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
      f.sign = spec.charAt(i++);
    }
    if (i < n && spec.charAt(i) == '#') {
      f.alternate = true;
      i++;
    }
    if (i < n && spec.charAt(i) == '0') {
      if (f.align == 0) {
        f.fill = '0';
        f.align = '=';
      }
      i++;
    }
    int start = i;
    while (i < n && Character.isDigit(spec.charAt(i))) {
      i++;
    }
    if (i > start) {
      f.width = Integer.parseInt(spec.substring(start, i));
    }
    if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
      f.grouping = spec.charAt(i++);
    }
    if (i < n && spec.charAt(i) == '.') {
      start = ++i;
      while (i < n && Character.isDigit(spec.charAt(i))) {
        i++;
      }
      if (i == start) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "Format specifier missing precision");
      }
      f.precision = Integer.parseInt(spec.substring(start, i));
    }
    if (i < n) {
      f.type = spec.charAt(i++);
    }
    if (i < n) {
      throw PythonError.of(Exceptions.VALUE_ERROR, "Invalid format specifier");
    }
    return f;
  }

  private String formatString(String s, String typeName) {
    if (type != 0 && type != 's') {
      throw unknown(typeName);
    }
    if (sign != '-' || align == '=') {
      throw PythonError.of(Exceptions.VALUE_ERROR, align == '='
          ? "'=' alignment not allowed in string format specifier"
          : "Sign not allowed in string format specifier");
    }
    String body = precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
    return pad("", body, align == 0 ? '<' : align);
  }

  private PythonError unknown(String typeName) {
    return PythonError.of(Exceptions.VALUE_ERROR,
        "Unknown format code '" + type + "' for object of type '" + typeName + "'");
  }

  private String formatInt(BigInteger value, Value original) {
    switch (type) {
      case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
        return formatFloat(Ops.toDouble(value));
      }
      case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c' -> {
        if (precision >= 0) {
          throw PythonError.of(Exceptions.VALUE_ERROR,
              "Precision not allowed in integer format specifier");
        }
      }
      default -> throw unknown(Ops.typeName(original));
    }
    if (type == 'c') {
      return pad("", Character.toString(value.intValueExact()), align == 0 ? '<' : align);
    }
    BigInteger magnitude = value.abs();
    String digits = switch (type) {
      case 'b' -> magnitude.toString(2);
      case 'o' -> magnitude.toString(8);
      case 'x' -> magnitude.toString(16);
      case 'X' -> magnitude.toString(16).toUpperCase(java.util.Locale.ROOT);
      default -> magnitude.toString();
    };
    if (grouping != 0) {
      digits = group(digits, type == 'b' || type == 'o' || type == 'x' || type == 'X' ? 4 : 3);
    }
    String prefix = signOf(value.signum() < 0);
    if (alternate) {
      prefix += switch (type) {
        case 'b' -> "0b";
        case 'o' -> "0o";
        case 'x' -> "0x";
        case 'X' -> "0X";
        default -> "";
      };
    }
    return pad(prefix, digits, align == 0 ? '>' : align);
  }

  private String group(String digits, int size) {
    StringBuilder out = new StringBuilder();
    int first = digits.length() % size == 0 ? size : digits.length() % size;
    out.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += size) {
      out.append(grouping).append(digits, i, i + size);
    }
    return out.toString();
  }

  private String signOf(boolean negative) {
    if (negative) {
      return "-";
    }
    return switch (sign) {
      case '+' -> "+";
      case ' ' -> " ";
      default -> "";
    };
  }

  private String formatFloat(double x) {
    boolean negative = x < 0 || x == 0 && 1 / x < 0;
    double a = Math.abs(x);
    String body;
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      body = Double.isNaN(x) ? "nan" : "inf";
      negative = x < 0;
      if (type == 'E' || type == 'F' || type == 'G') {
        body = body.toUpperCase(java.util.Locale.ROOT);
      }
      if (type == '%') {
        body += "%";
      }
    } else {
      body = switch (type) {
        case 'f', 'F' -> fixed(a, precision < 0 ? 6 : precision);
        case 'e', 'E' -> exponent(a, precision < 0 ? 6 : precision, type == 'E');
        case '%' -> fixed(a * 100, precision < 0 ? 6 : precision) + "%";
        case 'g', 'G', 'n' -> general(a, precision < 0 ? 6 : Math.max(precision, 1), type == 'G',
            false);
        case 0 -> precision < 0 ? io.sockscope.shell.lang.PythonRepr.floatRepr(a)
            : general(a, Math.max(precision, 1), false, true);
        default -> throw unknown("float");
      };
      if (grouping != 0) {
        int end = body.indexOf('.');
        int stop = end < 0 ? firstNonDigit(body) : end;
        body = group(body.substring(0, stop), 3) + body.substring(stop);
      }
    }
    return pad(signOf(negative), body, align == 0 ? '>' : align);
  }

  private static int firstNonDigit(String s) {
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private String fixed(double a, int digits) {
    String text = new BigDecimal(a).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    return alternate && digits == 0 ? text + "." : text;
  }

  private String exponent(double a, int digits, boolean upper) {
    String mantissa;
    int exp;
    if (a == 0) {
      mantissa = digits == 0 ? "0" : "0." + "0".repeat(digits);
      exp = 0;
    } else {
      BigDecimal rounded = new BigDecimal(a).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
      String unscaled = rounded.unscaledValue().toString();
      exp = unscaled.length() - 1 - rounded.scale();
      unscaled = (unscaled + "0".repeat(digits + 1)).substring(0, digits + 1);
      mantissa = digits == 0 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
    }
    if (alternate && digits == 0) {
      mantissa += ".";
    }
    String e = (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "")
        + Math.abs(exp);
    return mantissa + e;
  }

  /** The 'g' presentation; {@code noType} is format's default for floats with a precision. */
  private String general(double a, int digits, boolean upper, boolean noType) {
    int exp;
    if (a == 0) {
      exp = 0;
    } else {
      BigDecimal rounded = new BigDecimal(a).round(new MathContext(digits, RoundingMode.HALF_EVEN));
      exp = rounded.precision() - 1 - rounded.scale();
    }
    String text;
    if (exp < -4 || exp >= digits) {
      text = exponent(a, digits - 1, upper);
      if (!alternate) {
        int e = text.indexOf(upper ? 'E' : 'e');
        text = stripZeros(text.substring(0, e)) + text.substring(e);
      }
    } else {
      text = fixed(a, digits - 1 - exp);
      if (!alternate) {
        text = stripZeros(text);
      }
      if (noType && text.indexOf('.') < 0) {
        text += ".0";
      }
    }
    return text;
  }

  private static String stripZeros(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  private String pad(String prefix, String body, char alignment) {
    int length = prefix.length() + body.codePointCount(0, body.length());
    if (width <= length) {
      return prefix + body;
    }
    String padding = String.valueOf(fill).repeat(width - length);
    return switch (alignment) {
      case '<' -> prefix + body + padding;
      case '^' -> {
        int left = (width - length) / 2;
        yield padding.substring(0, left) + prefix + body + padding.substring(left);
      }
      case '=' -> prefix + padding + body;
      default -> padding + prefix + body;
    };
  }
}

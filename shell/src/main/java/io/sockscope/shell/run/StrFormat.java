package io.sockscope.shell.run;

import java.util.List;
import java.util.Map;

/**
 * {@code str.format}: {@code {}} fields numbered automatically or by position, by keyword,
 * with {@code [index]} and {@code .attribute} after the name, {@code !r}/{@code !s}/{@code !a}
 * conversions and a format spec, and {@code {{ }}} for braces.
 */
final class StrFormat {

  private StrFormat() {}

  static String format(String template, List<Value> args, Map<String, Value> keywords) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    boolean manual = false;
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c == '}') {
        if (i + 1 < n && template.charAt(i + 1) == '}') {
          out.append('}');
          i += 2;
          continue;
        }
        throw PythonError.of(Exceptions.VALUE_ERROR, "Single '}' encountered in format string");
      }
      if (c != '{') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < n && template.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
        continue;
      }
      int close = matchingBrace(template, i);
      String field = template.substring(i + 1, close);
      i = close + 1;
      String spec = "";
      char conversion = 0;
      int colon = field.indexOf(':');
      if (colon >= 0) {
        spec = field.substring(colon + 1);
        field = field.substring(0, colon);
      }
      int bang = field.indexOf('!');
      if (bang >= 0) {
        if (bang + 2 != field.length()) {
          throw PythonError.of(Exceptions.VALUE_ERROR, "expected ':' after conversion specifier");
        }
        conversion = field.charAt(bang + 1);
        field = field.substring(0, bang);
      }
      int end = 0;
      while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
        end++;
      }
      String head = field.substring(0, end);
      Value value;
      if (head.isEmpty()) {
        if (manual) {
          throw PythonError.of(Exceptions.VALUE_ERROR,
              "cannot switch from manual field specification to automatic field numbering");
        }
        value = positional(args, auto++);
      } else if (head.chars().allMatch(Character::isDigit)) {
        manual = true;
        value = positional(args, Integer.parseInt(head));
      } else {
        value = keywords.get(head);
        if (value == null) {
          throw Items.keyError(new Value.Str(head));
        }
      }
      value = accessors(value, field.substring(end));
      value = switch (conversion) {
        case 0 -> value;
        case 'r' -> new Value.Str(Repr.repr(value));
        case 's' -> new Value.Str(Repr.str(value));
        case 'a' -> new Value.Str(Builtins.ascii(Repr.repr(value)));
        default -> throw PythonError.of(Exceptions.VALUE_ERROR,
            "Unknown conversion specifier " + conversion);
      };
      out.append(FormatSpec.format(value, format(spec, args, keywords)));
    }
    return out.toString();
  }

  private static int matchingBrace(String template, int open) {
    int depth = 0;
    for (int i = open; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw PythonError.of(Exceptions.VALUE_ERROR, "expected '}' before end of string");
  }

  private static Value positional(List<Value> args, int index) {
    if (index >= args.size()) {
      throw PythonError.of(Exceptions.INDEX_ERROR,
          "Replacement index " + index + " out of range for positional args tuple");
    }
    return args.get(index);
  }

  private static Value accessors(Value value, String rest) {
    int i = 0;
    while (i < rest.length()) {
      if (rest.charAt(i) == '.') {
        int end = i + 1;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
          end++;
        }
        value = Attributes.get(value, rest.substring(i + 1, end));
        i = end;
      } else {
        int close = rest.indexOf(']', i);
        if (close < 0) {
          throw PythonError.of(Exceptions.VALUE_ERROR, "Missing ']' in format string");
        }
        String key = rest.substring(i + 1, close);
        Value index = key.chars().allMatch(Character::isDigit) && !key.isEmpty()
            ? Value.Int.of(Long.parseLong(key)) : new Value.Str(key);
        value = Items.get(value, index);
        i = close + 1;
      }
    }
    return value;
  }
}

package io.sockscope.shell.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The methods of str that protocol code uses, with Python's semantics. */
final class StrMethods {

  private StrMethods() {}

  static Optional<Value> bind(Value.Str self, String name) {
    String s = self.value();
    Native body = switch (name) {
      case "encode" -> args -> {
        args.expect(0, 2);
        String encoding = args.argument(0, "encoding").map(v -> Ops.strOf(v,
            "encode() argument 'encoding'")).orElse("utf-8");
        String errors = args.argument(1, "errors").map(v -> Ops.strOf(v,
            "encode() argument 'errors'")).orElse("strict");
        args.done();
        return Value.Bytes.adopt(Codecs.encode(s, encoding, errors));
      };
      case "upper" -> noArgs(() -> s.toUpperCase(Locale.ROOT));
      case "lower" -> noArgs(() -> s.toLowerCase(Locale.ROOT));
      case "title" -> noArgs(() -> title(s));
      case "capitalize" -> noArgs(() -> s.isEmpty() ? s
          : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT));
      case "strip", "lstrip", "rstrip" -> args -> {
        args.noKeywords().expect(0, 1);
        Optional<String> chars = args.optional(0).filter(v -> !(v instanceof Value.None))
            .map(v -> Ops.strOf(v, name + " arg"));
        return new Value.Str(strip(s, chars, !name.equals("rstrip"), !name.equals("lstrip")));
      };
      case "split", "rsplit" -> args -> {
        args.expect(0, 2);
        Optional<String> sep = args.argument(0, "sep").filter(v -> !(v instanceof Value.None))
            .map(v -> Ops.strOf(v, "sep"));
        int max = args.argument(1, "maxsplit").map(Ops::toIntExact).orElse(-1);
        args.done();
        List<String> parts = sep.isPresent()
            ? Splitting.bySeparator(s, sep.get(), max, name.equals("rsplit"))
            : Splitting.byWhitespace(s, max, name.equals("rsplit"), Character::isWhitespace);
        return new Value.PyList(parts.stream().map(p -> (Value) new Value.Str(p)).toList());
      };
      case "splitlines" -> args -> {
        args.expect(0, 1);
        boolean keep = args.argument(0, "keepends").map(Ops::truthy).orElse(false);
        args.done();
        return new Value.PyList(Splitting.lines(s, keep).stream()
            .map(p -> (Value) new Value.Str(p)).toList());
      };
      case "join" -> args -> {
        args.noKeywords().expect(1, 1);
        StringBuilder out = new StringBuilder();
        List<Value> items = Ops.toList(args.get(0));
        for (int i = 0; i < items.size(); i++) {
          if (!(items.get(i) instanceof Value.Str item)) {
            throw PythonError.of(Exceptions.TYPE_ERROR, "sequence item " + i
                + ": expected str instance, " + Ops.typeName(items.get(i)) + " found");
          }
          out.append(i == 0 ? "" : s).append(item.value());
        }
        return new Value.Str(out.toString());
      };
      case "startswith", "endswith" -> args -> {
        args.noKeywords().expect(1, 3);
        int[] range = range(args, s.length());
        String part = s.substring(range[0], Math.max(range[0], range[1]));
        List<Value> options = args.get(0) instanceof Value.Tuple t ? t.items() : List.of(args.get(0));
        for (Value option : options) {
          if (!(option instanceof Value.Str p)) {
            throw PythonError.of(Exceptions.TYPE_ERROR, name + " first arg must be str or a "
                + "tuple of str, not " + Ops.typeName(option));
          }
          if (name.equals("startswith") ? part.startsWith(p.value()) : part.endsWith(p.value())) {
            return Value.Bool.TRUE;
          }
        }
        return Value.Bool.FALSE;
      };
      case "replace" -> args -> {
        args.noKeywords().expect(2, 3);
        String old = Ops.strOf(args.get(0), "replace() argument 1");
        String replacement = Ops.strOf(args.get(1), "replace() argument 2");
        int count = args.optional(2).map(Ops::toIntExact).orElse(-1);
        return new Value.Str(replace(s, old, replacement, count));
      };
      case "find", "rfind", "index", "rindex" -> args -> {
        args.noKeywords().expect(1, 3);
        String sub = Ops.strOf(args.get(0), "must be str, not");
        int[] range = range(args, s.length());
        int at = name.startsWith("r") ? s.lastIndexOf(sub, range[1] - sub.length())
            : s.indexOf(sub, range[0]);
        if (at < range[0] || at + sub.length() > range[1]) {
          at = -1;
        }
        if (at < 0 && name.endsWith("index")) {
          throw PythonError.of(Exceptions.VALUE_ERROR, "substring not found");
        }
        return Value.Int.of(at);
      };
      case "count" -> args -> {
        args.noKeywords().expect(1, 3);
        String sub = Ops.strOf(args.get(0), "must be str, not");
        int[] range = range(args, s.length());
        String part = range[1] > range[0] ? s.substring(range[0], range[1]) : "";
        if (sub.isEmpty()) {
          return Value.Int.of(part.length() + 1);
        }
        int count = 0;
        for (int at = part.indexOf(sub); at >= 0; at = part.indexOf(sub, at + sub.length())) {
          count++;
        }
        return Value.Int.of(count);
      };
      case "format" -> args -> new Value.Str(StrFormat.format(s, args.all(), args.takeKeywords()));
      case "isdigit", "isnumeric", "isdecimal" -> test(s, Character::isDigit);
      case "isalpha" -> test(s, Character::isLetter);
      case "isalnum" -> test(s, Character::isLetterOrDigit);
      case "isspace" -> test(s, Character::isWhitespace);
      case "isupper" -> noArgsValue(() -> Value.Bool.of(s.chars().anyMatch(Character::isLetter)
          && s.equals(s.toUpperCase(Locale.ROOT))));
      case "islower" -> noArgsValue(() -> Value.Bool.of(s.chars().anyMatch(Character::isLetter)
          && s.equals(s.toLowerCase(Locale.ROOT))));
      case "zfill" -> args -> {
        args.noKeywords().expect(1, 1);
        int width = Ops.toIntExact(args.get(0));
        if (s.length() >= width) {
          return self;
        }
        boolean signed = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
        String digits = signed ? s.substring(1) : s;
        return new Value.Str((signed ? s.substring(0, 1) : "") + "0".repeat(width - s.length())
            + digits);
      };
      case "ljust", "rjust", "center" -> args -> {
        args.noKeywords().expect(1, 2);
        int width = Ops.toIntExact(args.get(0));
        String fill = args.optional(1).map(v -> Ops.strOf(v, "fill character")).orElse(" ");
        char align = name.equals("ljust") ? '<' : name.equals("rjust") ? '>' : '^';
        return new Value.Str(FormatSpec.format(self, fill + align + width));
      };
      case "partition", "rpartition" -> args -> {
        args.noKeywords().expect(1, 1);
        String sep = Ops.strOf(args.get(0), "must be str, not");
        if (sep.isEmpty()) {
          throw PythonError.of(Exceptions.VALUE_ERROR, "empty separator");
        }
        int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
        if (at < 0) {
          return name.equals("partition")
              ? Value.Tuple.of(self, new Value.Str(""), new Value.Str(""))
              : Value.Tuple.of(new Value.Str(""), new Value.Str(""), self);
        }
        return Value.Tuple.of(new Value.Str(s.substring(0, at)), new Value.Str(sep),
            new Value.Str(s.substring(at + sep.length())));
      };
      default -> null;
    };
    return Optional.ofNullable(body).map(b -> new Value.Method(self, name, b));
  }

  private static Native noArgs(java.util.function.Supplier<String> result) {
    return args -> {
      args.noKeywords().expect(0, 0);
      return new Value.Str(result.get());
    };
  }

  private static Native noArgsValue(java.util.function.Supplier<Value> result) {
    return args -> {
      args.noKeywords().expect(0, 0);
      return result.get();
    };
  }

  private static Native test(String s, java.util.function.IntPredicate each) {
    return noArgsValue(() -> Value.Bool.of(!s.isEmpty() && s.codePoints().allMatch(each)));
  }

  private static String title(String s) {
    StringBuilder out = new StringBuilder();
    boolean previousCased = false;
    for (char c : s.toCharArray()) {
      out.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
      previousCased = Character.isLetter(c);
    }
    return out.toString();
  }

  static String strip(String s, Optional<String> chars, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && stripped(s.charAt(start), chars)) {
      start++;
    }
    while (right && end > start && stripped(s.charAt(end - 1), chars)) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean stripped(char c, Optional<String> chars) {
    return chars.isPresent() ? chars.get().indexOf(c) >= 0 : Character.isWhitespace(c);
  }

  /** The start and end arguments at positions 1 and 2, as slice bounds. */
  static int[] range(Args args, int length) {
    Items.Bounds b = Items.bounds(args.optional(1), args.optional(2), Optional.empty(), length);
    return new int[] {b.start(), Math.max(b.start(), b.stop())};
  }

  static String replace(String s, String old, String replacement, int count) {
    if (count < 0) {
      if (old.isEmpty()) {
        StringBuilder out = new StringBuilder(replacement);
        s.codePoints().forEach(cp -> out.appendCodePoint(cp).append(replacement));
        return out.toString();
      }
      return s.replace(old, replacement);
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    int done = 0;
    while (done < count) {
      int next = old.isEmpty() ? (at <= s.length() ? at : -1) : s.indexOf(old, at);
      if (next < 0) {
        break;
      }
      out.append(s, at, next).append(replacement);
      if (old.isEmpty()) {
        if (next < s.length()) {
          out.append(s.charAt(next));
        }
        at = next + 1;
      } else {
        at = next + old.length();
      }
      done++;
    }
    if (at < s.length()) {
      out.append(s.substring(at));
    }
    return out.toString();
  }

  /** Splitting for str and bytes alike (both are lists of code units here). */
  static final class Splitting {
    private Splitting() {}

    static List<String> bySeparator(String s, String sep, int max, boolean fromRight) {
      if (sep.isEmpty()) {
        throw PythonError.of(Exceptions.VALUE_ERROR, "empty separator");
      }
      List<String> parts = new ArrayList<>();
      if (!fromRight) {
        int at = 0;
        while (max < 0 || parts.size() < max) {
          int next = s.indexOf(sep, at);
          if (next < 0) {
            break;
          }
          parts.add(s.substring(at, next));
          at = next + sep.length();
        }
        parts.add(s.substring(at));
        return parts;
      }
      int end = s.length();
      while (max < 0 || parts.size() < max) {
        int next = s.lastIndexOf(sep, end - sep.length());
        if (next < 0) {
          break;
        }
        parts.addFirst(s.substring(next + sep.length(), end));
        end = next;
      }
      parts.addFirst(s.substring(0, end));
      return parts;
    }

    static List<String> byWhitespace(String s, int max, boolean fromRight,
        java.util.function.IntPredicate space) {
      List<String> parts = new ArrayList<>();
      if (!fromRight) {
        int i = 0;
        int n = s.length();
        while (true) {
          while (i < n && space.test(s.charAt(i))) {
            i++;
          }
          if (i >= n) {
            return parts;
          }
          if (max >= 0 && parts.size() == max) {
            parts.add(strip(s.substring(i), Optional.empty(), false, true));
            return parts;
          }
          int start = i;
          while (i < n && !space.test(s.charAt(i))) {
            i++;
          }
          parts.add(s.substring(start, i));
        }
      }
      int i = s.length();
      while (true) {
        while (i > 0 && space.test(s.charAt(i - 1))) {
          i--;
        }
        if (i <= 0) {
          return parts;
        }
        if (max >= 0 && parts.size() == max) {
          parts.addFirst(strip(s.substring(0, i), Optional.empty(), true, false));
          return parts;
        }
        int end = i;
        while (i > 0 && !space.test(s.charAt(i - 1))) {
          i--;
        }
        parts.addFirst(s.substring(i, end));
      }
    }

    static List<String> lines(String s, boolean keepEnds) {
      List<String> lines = new ArrayList<>();
      int start = 0;
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\r') {
          int end = i;
          if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i++;
          }
          i++;
          lines.add(s.substring(start, keepEnds ? i : end));
          start = i;
        } else {
          i++;
        }
      }
      if (start < s.length()) {
        lines.add(s.substring(start));
      }
      return lines;
    }
  }
}

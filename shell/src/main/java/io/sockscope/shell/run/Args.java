package io.sockscope.shell.run;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one call of a built-in, with the checks CPython makes on them and its
 * messages ({@code recv() takes at least 1 argument (0 given)}). Keyword arguments a built-in
 * does not read are reported by {@link #done()}.
 */
final class Args {
  private final Frame frame;
  private final String name;
  private final List<Value> positional;
  private final Map<String, Value> keywords;

  Args(Frame frame, String name, List<Value> positional, Map<String, Value> keywords) {
    this.frame = frame;
    this.name = name;
    this.positional = List.copyOf(positional);
    this.keywords = new LinkedHashMap<>(keywords);
  }

  /** The frame of the thread making the call. */
  Frame frame() {
    return frame;
  }

  /** The function's name as its messages give it ({@code recv}). */
  String name() {
    return name;
  }

  int count() {
    return positional.size();
  }

  List<Value> all() {
    return positional;
  }

  /** Fails as CPython does when the number of positional arguments is outside min..max. */
  Args expect(int min, int max) {
    int n = positional.size();
    if (n >= min && n <= max) {
      return this;
    }
    String message;
    if (min == max) {
      message = min == 0
          ? name + "() takes no arguments (" + n + " given)"
          : name + "() takes exactly " + plural(min) + " (" + n + " given)";
    } else if (n < min) {
      message = name + "() takes at least " + plural(min) + " (" + n + " given)";
    } else {
      message = name + "() takes at most " + plural(max) + " (" + n + " given)";
    }
    throw PythonError.of(Exceptions.TYPE_ERROR, message);
  }

  private static String plural(int n) {
    return n + (n == 1 ? " argument" : " arguments");
  }

  Value get(int index) {
    return positional.get(index);
  }

  Optional<Value> optional(int index) {
    return index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
  }

  /** A keyword argument, removed so {@link #done()} does not report it. */
  Optional<Value> keyword(String key) {
    return Optional.ofNullable(keywords.remove(key));
  }

  /** The positional argument at {@code index}, or the keyword of that name. */
  Optional<Value> argument(int index, String key) {
    Optional<Value> byKey = keyword(key);
    if (index < positional.size()) {
      if (byKey.isPresent()) {
        throw PythonError.of(Exceptions.TYPE_ERROR,
            "argument for " + name + "() given by name ('" + key + "') and position ("
                + (index + 1) + ")");
      }
      return Optional.of(positional.get(index));
    }
    return byKey;
  }

  /** Every keyword argument not read yet, removed. */
  Map<String, Value> takeKeywords() {
    Map<String, Value> rest = new LinkedHashMap<>(keywords);
    keywords.clear();
    return rest;
  }

  /** Fails if a keyword argument was given that the built-in does not take. */
  Args done() {
    if (!keywords.isEmpty()) {
      String key = keywords.keySet().iterator().next();
      throw PythonError.of(Exceptions.TYPE_ERROR,
          name + "() got an unexpected keyword argument '" + key + "'");
    }
    return this;
  }

  /** Fails if any keyword argument was given. */
  Args noKeywords() {
    if (!keywords.isEmpty()) {
      throw PythonError.of(Exceptions.TYPE_ERROR, name + "() takes no keyword arguments");
    }
    return this;
  }

  /** The argument as an int, as {@code __index__} reads it. */
  BigInteger integer(int index) {
    return Ops.index(get(index));
  }
}

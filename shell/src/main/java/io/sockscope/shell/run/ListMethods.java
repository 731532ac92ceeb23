package io.sockscope.shell.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The methods of list, tuple and dict. */
final class ListMethods {

  private ListMethods() {}

  static Optional<Value> bind(Value self, String name) {
    Native body = switch (self) {
      case Value.PyList l -> list(l, name);
      case Value.Tuple t -> switch (name) {
        case "index" -> args -> index(args, t.items(), "tuple.index(x): x not in tuple");
        case "count" -> args -> count(args, t.items());
        default -> null;
      };
      case Value.Dict d -> dict(d, name);
      default -> null;
    };
    return Optional.ofNullable(body).map(b -> new Value.Method(self, name, b));
  }

  private static Native list(Value.PyList l, String name) {
    List<Value> items = l.items();
    return switch (name) {
      case "append" -> args -> {
        args.noKeywords().expect(1, 1);
        synchronized (l) {
          items.add(args.get(0));
        }
        return Value.None.NONE;
      };
      case "extend" -> args -> {
        args.noKeywords().expect(1, 1);
        List<Value> more = new ArrayList<>(Ops.toList(args.get(0)));
        synchronized (l) {
          items.addAll(more);
        }
        return Value.None.NONE;
      };
      case "insert" -> args -> {
        args.noKeywords().expect(2, 2);
        synchronized (l) {
          int at = Ops.toIntExact(args.get(0));
          at = at < 0 ? Math.max(0, at + items.size()) : Math.min(at, items.size());
          items.add(at, args.get(1));
        }
        return Value.None.NONE;
      };
      case "pop" -> args -> {
        args.noKeywords().expect(0, 1);
        synchronized (l) {
          if (items.isEmpty()) {
            throw PythonError.of(Exceptions.INDEX_ERROR, "pop from empty list");
          }
          int at = args.count() == 0 ? items.size() - 1 : Ops.toIntExact(args.get(0));
          if (at < 0) {
            at += items.size();
          }
          if (at < 0 || at >= items.size()) {
            throw PythonError.of(Exceptions.INDEX_ERROR, "pop index out of range");
          }
          return items.remove(at);
        }
      };
      case "remove" -> args -> {
        args.noKeywords().expect(1, 1);
        synchronized (l) {
          for (int i = 0; i < items.size(); i++) {
            if (Ops.eq(items.get(i), args.get(0))) {
              items.remove(i);
              return Value.None.NONE;
            }
          }
        }
        throw PythonError.of(Exceptions.VALUE_ERROR, "list.remove(x): x not in list");
      };
      case "index" -> args -> index(args, List.copyOf(items), Repr.repr(
          args.count() > 0 ? args.get(0) : Value.None.NONE) + " is not in list");
      case "count" -> args -> count(args, List.copyOf(items));
      case "clear" -> args -> {
        args.noKeywords().expect(0, 0);
        synchronized (l) {
          items.clear();
        }
        return Value.None.NONE;
      };
      case "copy" -> args -> {
        args.noKeywords().expect(0, 0);
        return new Value.PyList(List.copyOf(items));
      };
      case "reverse" -> args -> {
        args.noKeywords().expect(0, 0);
        synchronized (l) {
          java.util.Collections.reverse(items);
        }
        return Value.None.NONE;
      };
      case "sort" -> args -> {
        args.expect(0, 0);
        Optional<Value> key = args.keyword("key").filter(k -> !(k instanceof Value.None));
        boolean reverse = args.keyword("reverse").map(Ops::truthy).orElse(false);
        args.done();
        synchronized (l) {
          sort(args.frame(), items, key, reverse);
        }
        return Value.None.NONE;
      };
      default -> null;
    };
  }

  private static Value index(Args args, List<Value> items, String missing) {
    args.noKeywords().expect(1, 3);
    int[] range = StrMethods.range(args, items.size());
    for (int i = range[0]; i < range[1]; i++) {
      if (Ops.eq(items.get(i), args.get(0))) {
        return Value.Int.of(i);
      }
    }
    throw PythonError.of(Exceptions.VALUE_ERROR, missing);
  }

  private static Value count(Args args, List<Value> items) {
    args.noKeywords().expect(1, 1);
    return Value.Int.of(items.stream().filter(v -> Ops.eq(v, args.get(0))).count());
  }

  /** A stable sort by {@code key} (a built-in callable) or by the items, as list.sort does. */
  static void sort(Frame frame, List<Value> items, Optional<Value> key, boolean reverse) {
    List<Value> keys = new ArrayList<>(items.size());
    for (Value v : items) {
      keys.add(keyOf(frame, key, v));
    }
    Integer[] order = new Integer[items.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> {
      int c = Ops.compare(keys.get(a), keys.get(b), "<");
      return reverse ? -c : c;
    });
    List<Value> sorted = new ArrayList<>(items.size());
    for (int i : order) {
      sorted.add(items.get(i));
    }
    items.clear();
    items.addAll(sorted);
  }

  static Value keyOf(Frame frame, Optional<Value> key, Value v) {
    return key.isPresent()
        ? frame.session().evaluator().invoke(frame, key.get(), List.of(v), Map.of())
        : v;
  }

  private static Native dict(Value.Dict d, String name) {
    Map<HashKey, Value> entries = d.entries();
    return switch (name) {
      case "get" -> args -> {
        args.noKeywords().expect(1, 2);
        Value v = entries.get(HashKey.of(args.get(0)));
        return v != null ? v : args.optional(1).orElse(Value.None.NONE);
      };
      case "keys" -> args -> {
        args.noKeywords().expect(0, 0);
        return new Value.PyList(entries.keySet().stream().map(HashKey::value).toList());
      };
      case "values" -> args -> {
        args.noKeywords().expect(0, 0);
        return new Value.PyList(List.copyOf(entries.values()));
      };
      case "items" -> args -> {
        args.noKeywords().expect(0, 0);
        return new Value.PyList(entries.entrySet().stream()
            .map(e -> (Value) Value.Tuple.of(e.getKey().value(), e.getValue())).toList());
      };
      case "pop" -> args -> {
        args.noKeywords().expect(1, 2);
        Value v = entries.remove(HashKey.of(args.get(0)));
        if (v == null) {
          return args.optional(1).orElseThrow(() -> Items.keyError(args.get(0)));
        }
        return v;
      };
      case "setdefault" -> args -> {
        args.noKeywords().expect(1, 2);
        return entries.computeIfAbsent(HashKey.of(args.get(0)),
            k -> args.optional(1).orElse(Value.None.NONE));
      };
      case "update" -> args -> {
        args.expect(0, 1);
        if (args.count() == 1) {
          Value.Dict other = (Value.Dict) BuiltinTypes.DICT.constructor().call(
              new Args(args.frame(), "dict", List.of(args.get(0)), Map.of()));
          entries.putAll(other.entries());
        }
        args.takeKeywords().forEach((k, v) -> entries.put(HashKey.of(new Value.Str(k)), v));
        return Value.None.NONE;
      };
      case "clear" -> args -> {
        args.noKeywords().expect(0, 0);
        entries.clear();
        return Value.None.NONE;
      };
      case "copy" -> args -> {
        args.noKeywords().expect(0, 0);
        Value.Dict copy = new Value.Dict();
        copy.entries().putAll(entries);
        return copy;
      };
      default -> null;
    };
  }
}

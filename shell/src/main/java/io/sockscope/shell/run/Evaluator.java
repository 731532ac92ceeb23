package io.sockscope.shell.run;

import io.sockscope.shell.lang.ComparisonOperator;
import io.sockscope.shell.lang.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evaluates expressions with Python's meaning, and calls callables. */
final class Evaluator {

  Value eval(Frame f, Expr e) {
    return switch (e) {
      case Expr.Name n -> f.session().scope().get(n.id());
      case Expr.IntLiteral i -> new Value.Int(i.value());
      case Expr.FloatLiteral x -> new Value.Float(x.value());
      case Expr.StrLiteral s -> new Value.Str(s.value());
      case Expr.BytesLiteral b -> new Value.Bytes(b.value());
      case Expr.FString s -> new Value.Str(fstring(f, s.parts()));
      case Expr.NoneLiteral n -> Value.None.NONE;
      case Expr.BoolLiteral b -> Value.Bool.of(b.value());
      case Expr.EllipsisLiteral x -> Value.Ellipsis.ELLIPSIS;
      case Expr.Tuple t -> new Value.Tuple(all(f, t.elements()));
      case Expr.ListDisplay l -> new Value.PyList(all(f, l.elements()));
      case Expr.SetDisplay s -> {
        Value.PySet set = new Value.PySet();
        for (Value v : all(f, s.elements())) {
          set.members().putIfAbsent(HashKey.of(v), v);
        }
        yield set;
      }
      case Expr.DictDisplay d -> {
        Value.Dict dict = new Value.Dict();
        for (int i = 0; i < d.keys().size(); i++) {
          Value key = eval(f, d.keys().get(i));
          Value value = eval(f, d.values().get(i));
          dict.entries().put(HashKey.of(key), value);
        }
        yield dict;
      }
      case Expr.Attribute a -> Attributes.get(eval(f, a.value()), a.name());
      case Expr.Call c -> call(f, c);
      case Expr.Subscript s -> subscript(f, s);
      case Expr.Slice s -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "a slice is only allowed inside [ ]");
      case Expr.Unary u -> Arithmetic.unary(u.operator(), eval(f, u.operand()));
      case Expr.Binary b -> Arithmetic.binary(b.operator(), eval(f, b.left()), eval(f, b.right()));
      case Expr.BoolOp b -> boolOp(f, b);
      case Expr.Compare c -> compare(f, c);
      case Expr.Conditional c -> Ops.truthy(eval(f, c.test())) ? eval(f, c.body())
          : eval(f, c.orElse());
      case Expr.FileData d -> fileData(d.path());
      case Expr.GeneratedData g -> generated(g.byteCount());
    };
  }

  Optional<Value> optional(Frame f, Optional<Expr> e) {
    return e.map(x -> eval(f, x));
  }

  private List<Value> all(Frame f, List<Expr> exprs) {
    List<Value> out = new ArrayList<>(exprs.size());
    for (Expr x : exprs) {
      out.add(eval(f, x));
    }
    return out;
  }

  private Value call(Frame f, Expr.Call c) {
    Value callee = eval(f, c.function());
    List<Value> args = all(f, c.arguments());
    Map<String, Value> keywords = new LinkedHashMap<>();
    for (Expr.Keyword k : c.keywords()) {
      if (keywords.put(k.name(), eval(f, k.value())) != null) {
        throw PythonError.of(Exceptions.TYPE_ERROR,
            "keyword argument repeated: " + k.name());
      }
    }
    f.entering(c);
    try {
      return invoke(f, callee, args, keywords);
    } finally {
      f.left();
    }
  }

  /** Calls {@code callee} as Python would. */
  Value invoke(Frame f, Value callee, List<Value> args, Map<String, Value> keywords) {
    return switch (callee) {
      case Value.Function fn -> fn.body().call(new Args(f, shortName(fn.qualifiedName()), args,
          keywords));
      case Value.Method m -> m.body().call(new Args(f, m.name(), args, keywords));
      case Value.Type t -> t.constructor().call(new Args(f, t.name(), args, keywords));
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "'" + Ops.typeName(callee) + "' object is not callable");
    };
  }

  private static String shortName(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? qualified : qualified.substring(dot + 1);
  }

  private Value subscript(Frame f, Expr.Subscript s) {
    Value container = eval(f, s.value());
    if (s.index() instanceof Expr.Slice slice) {
      return Items.slice(container, optional(f, slice.lower()), optional(f, slice.upper()),
          optional(f, slice.step()));
    }
    if (s.index() instanceof Expr.Tuple t && t.elements().stream().anyMatch(Expr.Slice.class::isInstance)) {
      throw PythonError.of(Exceptions.TYPE_ERROR, Ops.typeName(container)
          + " indices must be integers or slices, not tuple");
    }
    return Items.get(container, eval(f, s.index()));
  }

  private Value boolOp(Frame f, Expr.BoolOp b) {
    Value last = Value.None.NONE;
    for (Expr x : b.values()) {
      last = eval(f, x);
      boolean truth = Ops.truthy(last);
      if (b.operator() == io.sockscope.shell.lang.BooleanOperator.AND ? !truth : truth) {
        return last;
      }
    }
    return last;
  }

  private Value compare(Frame f, Expr.Compare c) {
    Value left = eval(f, c.left());
    for (int i = 0; i < c.operators().size(); i++) {
      Value right = eval(f, c.comparators().get(i));
      if (!compare(c.operators().get(i), left, right)) {
        return Value.Bool.FALSE;
      }
      left = right;
    }
    return Value.Bool.TRUE;
  }

  static boolean compare(ComparisonOperator op, Value a, Value b) {
    return switch (op) {
      case EQ -> Ops.eq(a, b);
      case NOT_EQ -> !Ops.eq(a, b);
      case IS -> Ops.is(a, b);
      case IS_NOT -> !Ops.is(a, b);
      case IN -> Ops.contains(b, a);
      case NOT_IN -> !Ops.contains(b, a);
      case LT -> !Ops.unordered(a, b) && Ops.compare(a, b, "<") < 0;
      case LT_E -> !Ops.unordered(a, b) && Ops.compare(a, b, "<=") <= 0;
      case GT -> !Ops.unordered(a, b) && Ops.compare(a, b, ">") > 0;
      case GT_E -> !Ops.unordered(a, b) && Ops.compare(a, b, ">=") >= 0;
    };
  }

  private String fstring(Frame f, List<Expr.FStringPart> parts) {
    StringBuilder out = new StringBuilder();
    for (Expr.FStringPart part : parts) {
      switch (part) {
        case Expr.FStringPart.Text t -> out.append(t.text());
        case Expr.FStringPart.Field field -> {
          Value v = eval(f, field.value());
          if (field.conversion().isPresent()) {
            v = new Value.Str(switch (field.conversion().get()) {
              case STR -> Repr.str(v);
              case REPR -> Repr.repr(v);
              case ASCII -> Builtins.ascii(Repr.repr(v));
            });
          }
          out.append(FormatSpec.format(v, fstring(f, field.formatSpec())));
        }
      }
    }
    return out.toString();
  }

  /** Short-form DATA {@code @path}: the file's bytes, read now. */
  private static Value fileData(String path) {
    try {
      return Value.Bytes.adopt(Files.readAllBytes(Path.of(path)));
    } catch (NoSuchFileException e) {
      throw PythonError.of(Exceptions.FILE_NOT_FOUND_ERROR,
          "[Errno 2] No such file or directory: " + io.sockscope.shell.lang.PythonRepr.str(path));
    } catch (IOException e) {
      throw PythonError.of(Exceptions.OS_ERROR, "cannot read " + path + ": " + e.getMessage());
    }
  }

  /** Short-form DATA {@code --size N}: N bytes of the chargen pattern. */
  private static Value generated(long count) {
    if (count > Integer.MAX_VALUE - 16) {
      throw PythonError.of(Exceptions.OVERFLOW_ERROR,
          "--size " + count + " is more than one statement can hold (at most 2 GiB)");
    }
    byte[] data = new byte[(int) count];
    for (int i = 0; i < data.length; i++) {
      data[i] = Expr.GeneratedData.byteAt(i);
    }
    return Value.Bytes.adopt(data);
  }
}

package io.sockscope.shell.run;

import io.sockscope.shell.lang.BinaryOperator;
import io.sockscope.shell.lang.Expr;
import io.sockscope.shell.lang.Stmt;
import io.sockscope.shell.lang.Target;
import java.util.List;
import java.util.Optional;

/** Where values go: assignment to names, unpacking, items; {@code del}; augmented assignment. */
final class Assigner {
  private final Evaluator eval;

  Assigner(Evaluator eval) {
    this.eval = eval;
  }

  /**
   * The name a socket created by {@code value} for {@code target} takes: the variable, or the
   * first of a tuple ({@code conn} in {@code conn, addr = srv.accept()}), when the value is a
   * call; a socket made inside a list or tuple display gets a name of its own.
   */
  static Optional<String> hint(Target target, Expr value) {
    return value instanceof Expr.Call ? hint(target) : Optional.empty();
  }

  private static Optional<String> hint(Target target) {
    return switch (target) {
      case Target.Name n -> n.id().equals("_") ? Optional.empty() : Optional.of(n.id());
      case Target.Tuple t -> t.elements().isEmpty() ? Optional.empty() : hint(t.elements().getFirst());
      case Target.Attribute a -> Optional.empty();
      case Target.Subscript s -> Optional.empty();
    };
  }

  /** The variables assigning to {@code target} binds. */
  static void names(Target target, java.util.Set<String> into) {
    switch (target) {
      case Target.Name n -> into.add(n.id());
      case Target.Tuple t -> t.elements().forEach(e -> names(e, into));
      case Target.Attribute a -> {
        // binds no variable
      }
      case Target.Subscript s -> {
        // binds no variable
      }
    }
  }

  void assign(Frame f, Target target, Value value) {
    switch (target) {
      case Target.Name n -> f.session().scope().set(n.id(), value);
      case Target.Tuple t -> unpack(f, t.elements(), value);
      case Target.Attribute a -> {
        Value object = eval.eval(f, a.value());
        throw noAttribute(object, a.name());
      }
      case Target.Subscript s -> {
        Value container = eval.eval(f, s.value());
        if (s.index() instanceof Expr.Slice slice) {
          Items.setSlice(container, eval.optional(f, slice.lower()), eval.optional(f, slice.upper()),
              eval.optional(f, slice.step()), value);
        } else {
          Items.set(container, eval.eval(f, s.index()), value);
        }
      }
    }
  }

  private void unpack(Frame f, List<Target> targets, Value value) {
    if (!(value instanceof Value.Tuple || value instanceof Value.PyList || value instanceof Value.Str
        || Ops.isBytesLike(value) || value instanceof Value.Range || value instanceof Value.Iter
        || value instanceof Value.Dict || value instanceof Value.PySet)) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "cannot unpack non-iterable " + Ops.typeName(value) + " object");
    }
    List<Value> items = Ops.toList(value);
    if (items.size() < targets.size()) {
      throw PythonError.of(Exceptions.VALUE_ERROR, "not enough values to unpack (expected "
          + targets.size() + ", got " + items.size() + ")");
    }
    if (items.size() > targets.size()) {
      throw PythonError.of(Exceptions.VALUE_ERROR,
          "too many values to unpack (expected " + targets.size() + ")");
    }
    for (int i = 0; i < targets.size(); i++) {
      assign(f, targets.get(i), items.get(i));
    }
  }

  static PythonError noAttribute(Value object, String name) {
    if (object instanceof Value.Module m) {
      return PythonError.of(Exceptions.ATTRIBUTE_ERROR,
          "module '" + m.name() + "' has no attribute '" + name + "'");
    }
    return PythonError.of(Exceptions.ATTRIBUTE_ERROR,
        "'" + Ops.typeName(object) + "' object has no attribute '" + name + "'");
  }

  void delete(Frame f, Target target) {
    switch (target) {
      case Target.Name n -> f.session().scope().delete(n.id());
      case Target.Tuple t -> t.elements().forEach(e -> delete(f, e));
      case Target.Attribute a -> throw noAttribute(eval.eval(f, a.value()), a.name());
      case Target.Subscript s -> {
        Value container = eval.eval(f, s.value());
        if (s.index() instanceof Expr.Slice slice) {
          Items.deleteSlice(container, eval.optional(f, slice.lower()),
              eval.optional(f, slice.upper()), eval.optional(f, slice.step()));
        } else {
          Items.delete(container, eval.eval(f, s.index()));
        }
      }
    }
  }

  /** {@code target OP= value}: in place for lists and bytearrays, as Python's {@code +=} is. */
  void augmented(Frame f, Stmt.AugAssign a) {
    switch (a.target()) {
      case Target.Name n -> {
        Value current = f.session().scope().get(n.id());
        Value result = combine(current, a.operator(), eval.eval(f, a.value()));
        f.session().scope().set(n.id(), result);
      }
      case Target.Subscript s -> {
        Value container = eval.eval(f, s.value());
        if (s.index() instanceof Expr.Slice) {
          throw PythonError.of(Exceptions.TYPE_ERROR,
              "augmented assignment to a slice is not supported in sockscope scripts");
        }
        Value index = eval.eval(f, s.index());
        Value result = combine(Items.get(container, index), a.operator(), eval.eval(f, a.value()));
        Items.set(container, index, result);
      }
      case Target.Attribute at -> throw noAttribute(eval.eval(f, at.value()), at.name());
      case Target.Tuple t -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "illegal expression for augmented assignment");
    }
  }

  private static Value combine(Value current, BinaryOperator op, Value operand) {
    if (op == BinaryOperator.ADD && current instanceof Value.PyList list) {
      List<Value> more = Ops.toList(operand);
      synchronized (list) {
        list.items().addAll(more);
      }
      return list;
    }
    if (op == BinaryOperator.ADD && current instanceof Value.ByteArray bytes) {
      bytes.append(Ops.bytesLike(operand).clone());
      return bytes;
    }
    return Arithmetic.binary(op, current, operand);
  }
}

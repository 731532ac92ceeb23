package io.sockscope.shell.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an expression parsed where a target stands (left of {@code =}, after {@code for} or
 * {@code as}, after {@code del}) into a {@link Target}, or says, as Python does, why it cannot be
 * one: "cannot assign to function call here. Maybe you meant '==' instead of '='?".
 */
final class Targets {

  /** Where the target stands, for the wording of errors. */
  enum Context {
    ASSIGN,
    FOR,
    WITH,
    DELETE,
    AUGMENTED
  }

  private Targets() {}

  static Target of(Expr e, Context context) {
    return convert(e, context, true);
  }

  private static Target convert(Expr e, Context context, boolean top) {
    switch (e) {
      case Expr.Name n -> {
        return new Target.Name(n.id(), n.span());
      }
      case Expr.Attribute a -> {
        return new Target.Attribute(a.value(), a.name(), a.span());
      }
      case Expr.Subscript s -> {
        return new Target.Subscript(s.value(), s.index(), s.span());
      }
      case Expr.Tuple t when context != Context.AUGMENTED -> {
        return new Target.Tuple(elements(t.elements(), context), t.span());
      }
      case Expr.ListDisplay l when context != Context.AUGMENTED -> {
        return new Target.Tuple(elements(l.elements(), context), l.span());
      }
      default -> throw Cursor.at(e.span(), message(e, context, top));
    }
  }

  private static List<Target> elements(List<Expr> elements, Context context) {
    List<Target> out = new ArrayList<>();
    for (Expr element : elements) {
      out.add(convert(element, context, false));
    }
    return out;
  }

  private static String message(Expr e, Context context, boolean top) {
    String what = describe(e);
    return switch (context) {
      case AUGMENTED -> "'" + what + "' is an illegal expression for augmented assignment";
      case DELETE -> "cannot delete " + what;
      case ASSIGN -> {
        boolean hint = top && (what.equals("function call") || what.equals("literal")
            || what.equals("expression"));
        yield "cannot assign to " + what + (hint ? " here. Maybe you meant '==' instead of '='?" : "");
      }
      case FOR, WITH -> "cannot assign to " + what;
    };
  }

  private static String describe(Expr e) {
    return switch (e) {
      case Expr.Call call -> "function call";
      case Expr.IntLiteral i -> "literal";
      case Expr.FloatLiteral f -> "literal";
      case Expr.StrLiteral s -> "literal";
      case Expr.BytesLiteral b -> "literal";
      case Expr.NoneLiteral n -> "None";
      case Expr.BoolLiteral b -> b.value() ? "True" : "False";
      case Expr.EllipsisLiteral ellipsis -> "ellipsis";
      case Expr.FString f -> "f-string expression";
      case Expr.Compare compare -> "comparison";
      case Expr.Conditional conditional -> "conditional expression";
      case Expr.DictDisplay d -> "dict literal";
      case Expr.SetDisplay s -> "set display";
      case Expr.Tuple t -> "tuple";
      case Expr.ListDisplay l -> "list";
      case Expr.Name n -> "name";
      case Expr.Attribute a -> "attribute";
      case Expr.Subscript s -> "subscript";
      case Expr.Slice s -> "slice";
      case Expr.Unary u -> "expression";
      case Expr.Binary b -> "expression";
      case Expr.BoolOp b -> "expression";
      case Expr.FileData f -> "file data";
      case Expr.GeneratedData g -> "generated data";
    };
  }
}

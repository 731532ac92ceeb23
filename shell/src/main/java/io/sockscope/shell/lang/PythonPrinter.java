package io.sockscope.shell.lang;

import java.util.List;

/**
 * Writes trees back as source: expressions as Python with the fewest parentheses Python's
 * precedence allows, so that parsing the text gives the same tree; statements as Python, and
 * sockscope's own statements in the short form. The short form's {@code @path} and
 * {@code --size N} data, which Python cannot spell, print in their short-form spelling.
 */
public final class PythonPrinter {

  private static final List<String> FSTRING_QUOTES = List.of("'", "\"", "'''", "\"\"\"");

  private PythonPrinter() {}

  /** The expression as Python source. */
  public static String expression(Expr e) {
    StringBuilder out = new StringBuilder();
    expr(out, e, Precedence.TUPLE);
    return out.toString();
  }

  /** The statement as source, several lines for a compound one (four-space indentation). */
  public static String statement(Stmt s) {
    StringBuilder out = new StringBuilder();
    StatementPrinter.print(out, s, 0);
    return out.toString();
  }

  static int precedence(Expr e) {
    return switch (e) {
      case Expr.Conditional c -> Precedence.CONDITIONAL;
      case Expr.BoolOp b -> b.operator().precedence();
      case Expr.Unary u -> u.operator().precedence();
      case Expr.Compare c -> Precedence.COMPARISON;
      case Expr.Binary b -> b.operator().precedence();
      case Expr.Attribute a -> Precedence.PRIMARY;
      case Expr.Call c -> Precedence.PRIMARY;
      case Expr.Subscript s -> Precedence.PRIMARY;
      default -> Precedence.ATOM;
    };
  }

  /** Writes {@code e}, in parentheses if it binds looser than {@code min}. */
  static void expr(StringBuilder out, Expr e, int min) {
    boolean parens = precedence(e) < min;
    if (parens) {
      out.append('(');
    }
    switch (e) {
      case Expr.Name n -> out.append(n.id());
      case Expr.IntLiteral i -> out.append(i.value());
      case Expr.FloatLiteral f -> out.append(Double.isInfinite(f.value()) ? "1e309"
          : PythonRepr.floatRepr(f.value()));
      case Expr.StrLiteral s -> out.append(PythonRepr.str(s.value()));
      case Expr.BytesLiteral b -> out.append(PythonRepr.bytes(b.value()));
      case Expr.FString f -> fstring(out, f.parts());
      case Expr.NoneLiteral n -> out.append("None");
      case Expr.BoolLiteral b -> out.append(b.value() ? "True" : "False");
      case Expr.EllipsisLiteral x -> out.append("...");
      case Expr.Tuple t -> {
        out.append('(');
        list(out, t.elements());
        out.append(t.elements().size() == 1 ? ",)" : ")");
      }
      case Expr.ListDisplay l -> {
        out.append('[');
        list(out, l.elements());
        out.append(']');
      }
      case Expr.SetDisplay s -> {
        out.append('{');
        list(out, s.elements());
        out.append('}');
      }
      case Expr.DictDisplay d -> {
        out.append('{');
        for (int i = 0; i < d.keys().size(); i++) {
          out.append(i == 0 ? "" : ", ");
          expr(out, d.keys().get(i), Precedence.CONDITIONAL);
          out.append(": ");
          expr(out, d.values().get(i), Precedence.CONDITIONAL);
        }
        out.append('}');
      }
      case Expr.Attribute a -> {
        if (a.value() instanceof Expr.IntLiteral) {
          out.append('(');
          expr(out, a.value(), Precedence.TUPLE);
          out.append(')');
        } else {
          expr(out, a.value(), Precedence.PRIMARY);
        }
        out.append('.').append(a.name());
      }
      case Expr.Call c -> call(out, c);
      case Expr.Subscript s -> {
        expr(out, s.value(), Precedence.PRIMARY);
        out.append('[');
        index(out, s.index());
        out.append(']');
      }
      case Expr.Slice s -> slice(out, s);
      case Expr.Unary u -> {
        out.append(u.operator().symbol());
        if (u.operator() == UnaryOperator.NOT) {
          out.append(' ');
        }
        expr(out, u.operand(), u.operator().precedence());
      }
      case Expr.Binary b -> {
        int p = b.operator().precedence();
        boolean power = b.operator() == BinaryOperator.POW;
        expr(out, b.left(), power ? Precedence.PRIMARY : p);
        out.append(' ').append(b.operator().symbol()).append(' ');
        expr(out, b.right(), power ? Precedence.FACTOR : p + 1);
      }
      case Expr.BoolOp b -> {
        for (int i = 0; i < b.values().size(); i++) {
          out.append(i == 0 ? "" : " " + b.operator().symbol() + " ");
          expr(out, b.values().get(i), b.operator().precedence() + 1);
        }
      }
      case Expr.Compare c -> {
        expr(out, c.left(), Precedence.BIT_OR);
        for (int i = 0; i < c.operators().size(); i++) {
          out.append(' ').append(c.operators().get(i).symbol()).append(' ');
          expr(out, c.comparators().get(i), Precedence.BIT_OR);
        }
      }
      case Expr.Conditional c -> {
        expr(out, c.body(), Precedence.OR);
        out.append(" if ");
        expr(out, c.test(), Precedence.OR);
        out.append(" else ");
        expr(out, c.orElse(), Precedence.CONDITIONAL);
      }
      case Expr.FileData f -> out.append('@').append(f.path().contains(" ")
          ? "\"" + f.path().replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : f.path());
      case Expr.GeneratedData g -> out.append("--size ").append(g.byteCount());
    }
    if (parens) {
      out.append(')');
    }
  }

  private static void list(StringBuilder out, List<Expr> elements) {
    for (int i = 0; i < elements.size(); i++) {
      out.append(i == 0 ? "" : ", ");
      expr(out, elements.get(i), Precedence.CONDITIONAL);
    }
  }

  private static void call(StringBuilder out, Expr.Call c) {
    expr(out, c.function(), Precedence.PRIMARY);
    out.append('(');
    list(out, c.arguments());
    for (int i = 0; i < c.keywords().size(); i++) {
      Expr.Keyword k = c.keywords().get(i);
      out.append(i == 0 && c.arguments().isEmpty() ? "" : ", ").append(k.name()).append('=');
      expr(out, k.value(), Precedence.CONDITIONAL);
    }
    out.append(')');
  }

  private static void index(StringBuilder out, Expr index) {
    if (index instanceof Expr.Tuple t && !t.elements().isEmpty()) {
      for (int i = 0; i < t.elements().size(); i++) {
        out.append(i == 0 ? "" : ", ");
        Expr element = t.elements().get(i);
        if (element instanceof Expr.Slice s) {
          slice(out, s);
        } else {
          expr(out, element, Precedence.CONDITIONAL);
        }
      }
      if (t.elements().size() == 1) {
        out.append(',');
      }
    } else if (index instanceof Expr.Slice s) {
      slice(out, s);
    } else {
      expr(out, index, Precedence.CONDITIONAL);
    }
  }

  private static void slice(StringBuilder out, Expr.Slice s) {
    s.lower().ifPresent(e -> expr(out, e, Precedence.CONDITIONAL));
    out.append(':');
    s.upper().ifPresent(e -> expr(out, e, Precedence.CONDITIONAL));
    s.step().ifPresent(e -> {
      out.append(':');
      expr(out, e, Precedence.CONDITIONAL);
    });
  }

  /** An f-string in the first quotes that none of its fields' source uses. */
  private static void fstring(StringBuilder out, List<Expr.FStringPart> parts) {
    String quote = FSTRING_QUOTES.getFirst();
    for (String candidate : FSTRING_QUOTES) {
      quote = candidate;
      if (fieldsAvoid(parts, candidate)) {
        break;
      }
    }
    out.append('f').append(quote);
    parts(out, parts, quote.charAt(0), false);
    out.append(quote);
  }

  private static boolean fieldsAvoid(List<Expr.FStringPart> parts, String quote) {
    for (Expr.FStringPart part : parts) {
      if (part instanceof Expr.FStringPart.Field f
          && (fieldSource(f.value()).contains(quote) || !fieldsAvoid(f.formatSpec(), quote))) {
        return false;
      }
    }
    return true;
  }

  private static String fieldSource(Expr value) {
    String text = expression(value);
    return text.startsWith("{") ? " " + text : text;
  }

  private static void parts(StringBuilder out, List<Expr.FStringPart> parts, char quote,
      boolean inSpec) {
    for (Expr.FStringPart part : parts) {
      switch (part) {
        case Expr.FStringPart.Text t -> {
          StringBuilder text = new StringBuilder();
          PythonRepr.appendEscaped(text, t.text(), quote);
          out.append(inSpec ? text : text.toString().replace("{", "{{").replace("}", "}}"));
        }
        case Expr.FStringPart.Field f -> {
          out.append('{').append(fieldSource(f.value()));
          f.conversion().ifPresent(conv -> out.append('!').append(conv.letter()));
          if (!f.formatSpec().isEmpty()) {
            out.append(':');
            parts(out, f.formatSpec(), quote, true);
          }
          out.append('}');
        }
      }
    }
  }
}

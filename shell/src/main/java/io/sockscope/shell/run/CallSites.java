package io.sockscope.shell.run;

import io.sockscope.shell.lang.Expr;
import io.sockscope.shell.lang.Span;
import io.sockscope.shell.lang.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * What a call's transcript line shows as its source. A statement with one method call in it
 * ({@code data = s.recv(1024)}, {@code print(s.recv(1024))}) shows whole; in a statement with
 * several ({@code client.connect(server.getsockname())}) each call that is not the statement's
 * own expression shows its own text ({@code server.getsockname()}), cut from the statement's
 * source by the call's span.
 */
final class CallSites {

  private CallSites() {}

  static String source(Stmt statement, Expr.Call call) {
    List<Expr> roots = roots(statement);
    if (roots.contains(call)) {
      return statement.source();
    }
    List<Expr.Call> methodCalls = new ArrayList<>();
    roots.forEach(root -> collect(root, methodCalls));
    if (methodCalls.size() <= 1) {
      return statement.source();
    }
    return slice(statement, call.span()).orElse(statement.source());
  }

  /** The expressions a statement itself evaluates (for a compound one, its header's). */
  private static List<Expr> roots(Stmt s) {
    return switch (s) {
      case Stmt.ExprStmt e -> List.of(e.expr());
      case Stmt.Assign a -> List.of(a.value());
      case Stmt.AugAssign a -> List.of(a.value());
      case Stmt.With w -> w.items().stream().map(Stmt.WithItem::context).toList();
      case Stmt.While w -> List.of(w.test());
      case Stmt.If i -> List.of(i.test());
      case Stmt.For f -> List.of(f.iterable());
      case Stmt.Raise r -> r.exception().map(List::of).orElse(List.of());
      case Stmt.Assert a -> List.of(a.test());
      case Stmt.Sleep sl -> List.of(sl.seconds());
      case Stmt.Background b -> roots(b.call());
      default -> List.of();
    };
  }

  /** Every call of the form {@code x.name(...)} in {@code e}. */
  private static void collect(Expr e, List<Expr.Call> into) {
    switch (e) {
      case Expr.Call c -> {
        if (c.function() instanceof Expr.Attribute) {
          into.add(c);
        }
        collect(c.function(), into);
        c.arguments().forEach(a -> collect(a, into));
        c.keywords().forEach(k -> collect(k.value(), into));
      }
      case Expr.Attribute a -> collect(a.value(), into);
      case Expr.Subscript s -> {
        collect(s.value(), into);
        collect(s.index(), into);
      }
      case Expr.Slice s -> {
        s.lower().ifPresent(x -> collect(x, into));
        s.upper().ifPresent(x -> collect(x, into));
        s.step().ifPresent(x -> collect(x, into));
      }
      case Expr.Unary u -> collect(u.operand(), into);
      case Expr.Binary b -> {
        collect(b.left(), into);
        collect(b.right(), into);
      }
      case Expr.BoolOp b -> b.values().forEach(v -> collect(v, into));
      case Expr.Compare c -> {
        collect(c.left(), into);
        c.comparators().forEach(x -> collect(x, into));
      }
      case Expr.Conditional c -> {
        collect(c.test(), into);
        collect(c.body(), into);
        collect(c.orElse(), into);
      }
      case Expr.Tuple t -> t.elements().forEach(x -> collect(x, into));
      case Expr.ListDisplay l -> l.elements().forEach(x -> collect(x, into));
      case Expr.SetDisplay s -> s.elements().forEach(x -> collect(x, into));
      case Expr.DictDisplay d -> {
        d.keys().forEach(x -> collect(x, into));
        d.values().forEach(x -> collect(x, into));
      }
      case Expr.FString f -> f.parts().forEach(p -> collect(p, into));
      default -> {
        // literals and names hold no calls
      }
    }
  }

  private static void collect(Expr.FStringPart part, List<Expr.Call> into) {
    if (part instanceof Expr.FStringPart.Field field) {
      collect(field.value(), into);
      field.formatSpec().forEach(p -> collect(p, into));
    }
  }

  /** The text of {@code span} within the statement's source, if the spans line up. */
  private static java.util.Optional<String> slice(Stmt statement, Span span) {
    Span whole = statement.span();
    String source = statement.source();
    int start = offset(source, whole, span.line(), span.column());
    int end = offset(source, whole, span.endLine(), span.endColumn());
    if (start < 0 || end < start || end > source.length()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(source.substring(start, end));
  }

  private static int offset(String source, Span whole, int line, int column) {
    if (line < whole.line() || whole.line() == 0) {
      return -1;
    }
    int at = 0;
    for (int l = whole.line(); l < line; l++) {
      int newline = source.indexOf('\n', at);
      if (newline < 0) {
        return -1;
      }
      at = newline + 1;
    }
    return at + column - (line == whole.line() ? whole.column() : 1);
  }
}

package io.sockscope.shell.lang;

import java.util.List;
import java.util.Optional;

/** The statement half of {@link PythonPrinter}. */
final class StatementPrinter {

  private StatementPrinter() {}

  static void print(StringBuilder out, Stmt s, int depth) {
    out.append("    ".repeat(depth));
    switch (s) {
      case Stmt.ExprStmt e -> PythonPrinter.expr(out, e.expr(), Precedence.TUPLE);
      case Stmt.Assign a -> {
        for (Target t : a.targets()) {
          target(out, t, true);
          out.append(" = ");
        }
        PythonPrinter.expr(out, a.value(), Precedence.TUPLE);
      }
      case Stmt.AugAssign a -> {
        target(out, a.target(), true);
        out.append(' ').append(a.operator().symbol()).append("= ");
        PythonPrinter.expr(out, a.value(), Precedence.TUPLE);
      }
      case Stmt.With w -> {
        out.append("with ");
        for (int i = 0; i < w.items().size(); i++) {
          Stmt.WithItem item = w.items().get(i);
          out.append(i == 0 ? "" : ", ");
          PythonPrinter.expr(out, item.context(), Precedence.CONDITIONAL);
          item.target().ifPresent(t -> {
            out.append(" as ");
            target(out, t, false);
          });
        }
        block(out, w.body(), depth);
      }
      case Stmt.While w -> {
        out.append("while ");
        PythonPrinter.expr(out, w.test(), Precedence.CONDITIONAL);
        block(out, w.body(), depth);
        elseBlock(out, w.orElse(), depth);
      }
      case Stmt.If i -> ifChain(out, i, depth);
      case Stmt.For f -> {
        out.append("for ");
        target(out, f.target(), true);
        out.append(" in ");
        PythonPrinter.expr(out, f.iterable(), Precedence.TUPLE);
        block(out, f.body(), depth);
        elseBlock(out, f.orElse(), depth);
      }
      case Stmt.Try t -> tryStatement(out, t, depth);
      case Stmt.Break b -> out.append("break");
      case Stmt.Continue c -> out.append("continue");
      case Stmt.Pass p -> out.append("pass");
      case Stmt.Raise r -> {
        out.append("raise");
        r.exception().ifPresent(e -> {
          out.append(' ');
          PythonPrinter.expr(out, e, Precedence.CONDITIONAL);
        });
        r.cause().ifPresent(e -> {
          out.append(" from ");
          PythonPrinter.expr(out, e, Precedence.CONDITIONAL);
        });
      }
      case Stmt.Import i -> out.append("import ").append(aliases(i.names()));
      case Stmt.ImportFrom f -> out.append("from ").append(".".repeat(f.level()))
          .append(f.module()).append(" import ").append(aliases(f.names()));
      case Stmt.Delete d -> {
        out.append("del ");
        for (int i = 0; i < d.targets().size(); i++) {
          out.append(i == 0 ? "" : ", ");
          target(out, d.targets().get(i), false);
        }
      }
      case Stmt.Assert a -> {
        out.append("assert ");
        PythonPrinter.expr(out, a.test(), Precedence.CONDITIONAL);
        a.message().ifPresent(m -> {
          out.append(", ");
          PythonPrinter.expr(out, m, Precedence.CONDITIONAL);
        });
      }
      case Stmt.Sleep s2 -> {
        out.append("time.sleep(");
        PythonPrinter.expr(out, s2.seconds(), Precedence.CONDITIONAL);
        out.append(')');
      }
      case Stmt.Expect e -> out.append("expect ").append(expectation(e.expectation()));
      case Stmt.Serve v -> {
        out.append("serve ").append(v.kind().keyword());
        if (v.host().isPresent() || v.port() != 0) {
          out.append(' ').append(address(v.host(), v.port()));
        }
        v.name().ifPresent(n -> out.append(" as ").append(n));
      }
      case Stmt.Stop st -> out.append("stop ").append(switch (st.peer()) {
        case PeerRef.Named n -> n.name();
        case PeerRef.AtPort p -> address(p.host(), p.port());
      });
      case Stmt.Sockets x -> out.append("sockets");
      case Stmt.Peers x -> out.append("peers");
      case Stmt.Jobs x -> out.append("jobs");
      case Stmt.Help h -> out.append("help").append(h.topic().map(t -> " " + t).orElse(""));
      case Stmt.Exit x -> out.append("exit");
      case Stmt.Background b -> {
        int mark = out.length();
        print(out, b.call(), depth);
        out.delete(mark, mark + 4 * depth);
        out.append(" &");
      }
    }
  }

  private static String address(Optional<String> host, int port) {
    String h = host.orElse("");
    return (h.contains(":") ? "[" + h + "]" : h) + (h.isEmpty() ? "" : ":") + port;
  }

  private static String expectation(Expectation e) {
    return switch (e) {
      case Expectation.Ok ok -> "ok";
      case Expectation.Error err -> "error " + err.name();
      case Expectation.Recv r -> "recv " + PythonPrinter.expression(r.data());
      case Expectation.Segment s -> "segment " + s.socket().map(n -> n + " ").orElse("")
          + s.direction().symbol() + " " + s.flagText();
      case Expectation.Explain x -> "explain " + x.code();
      case Expectation.State st -> "state " + st.socket().map(n -> n + " ").orElse("")
          + st.state().name();
    };
  }

  private static String aliases(List<Stmt.Alias> names) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      Stmt.Alias a = names.get(i);
      out.append(i == 0 ? "" : ", ").append(a.name());
      a.asName().ifPresent(n -> out.append(" as ").append(n));
    }
    return out.toString();
  }

  private static void target(StringBuilder out, Target t, boolean top) {
    switch (t) {
      case Target.Name n -> out.append(n.id());
      case Target.Tuple tuple -> {
        out.append(top ? "" : "(");
        for (int i = 0; i < tuple.elements().size(); i++) {
          out.append(i == 0 ? "" : ", ");
          target(out, tuple.elements().get(i), false);
        }
        out.append(tuple.elements().size() == 1 ? "," : "").append(top ? "" : ")");
      }
      case Target.Attribute a -> {
        PythonPrinter.expr(out, new Expr.Attribute(a.value(), a.name(), a.span()),
            Precedence.PRIMARY);
      }
      case Target.Subscript s -> {
        PythonPrinter.expr(out, new Expr.Subscript(s.value(), s.index(), s.span()),
            Precedence.PRIMARY);
      }
    }
  }

  private static void block(StringBuilder out, List<Stmt> body, int depth) {
    out.append(':');
    for (Stmt s : body) {
      out.append('\n');
      print(out, s, depth + 1);
    }
  }

  private static void elseBlock(StringBuilder out, List<Stmt> orElse, int depth) {
    if (!orElse.isEmpty()) {
      out.append('\n').append("    ".repeat(depth)).append("else");
      block(out, orElse, depth);
    }
  }

  private static void ifChain(StringBuilder out, Stmt.If i, int depth) {
    out.append("if ");
    PythonPrinter.expr(out, i.test(), Precedence.CONDITIONAL);
    block(out, i.body(), depth);
    Stmt.If current = i;
    while (current.orElse().size() == 1 && current.orElse().getFirst() instanceof Stmt.If elif) {
      out.append('\n').append("    ".repeat(depth)).append("elif ");
      PythonPrinter.expr(out, elif.test(), Precedence.CONDITIONAL);
      block(out, elif.body(), depth);
      current = elif;
    }
    elseBlock(out, current.orElse(), depth);
  }

  private static void tryStatement(StringBuilder out, Stmt.Try t, int depth) {
    out.append("try");
    block(out, t.body(), depth);
    for (Stmt.Handler h : t.handlers()) {
      out.append('\n').append("    ".repeat(depth)).append("except");
      h.type().ifPresent(e -> {
        out.append(' ');
        PythonPrinter.expr(out, e, Precedence.CONDITIONAL);
      });
      h.name().ifPresent(n -> out.append(" as ").append(n));
      block(out, h.body(), depth);
    }
    elseBlock(out, t.orElse(), depth);
    if (!t.finalBody().isEmpty()) {
      out.append('\n').append("    ".repeat(depth)).append("finally");
      block(out, t.finalBody(), depth);
    }
  }
}

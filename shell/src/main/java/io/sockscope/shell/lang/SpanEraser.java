package io.sockscope.shell.lang;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Copies of trees with every span {@link Span#NONE} and every statement's source empty, so that
 * trees compare by shape: the short form and its Python spelling, or a printed and re-parsed
 * expression, give equal erased trees.
 */
public final class SpanEraser {

  private static final Span N = Span.NONE;

  private SpanEraser() {}

  public static Program erase(Program p) {
    return new Program(p.file(), all(p.statements(), SpanEraser::erase));
  }

  public static Stmt erase(Stmt s) {
    return switch (s) {
      case Stmt.ExprStmt e -> new Stmt.ExprStmt(erase(e.expr()), N, "");
      case Stmt.Assign a ->
          new Stmt.Assign(all(a.targets(), SpanEraser::erase), erase(a.value()), N, "");
      case Stmt.AugAssign a ->
          new Stmt.AugAssign(erase(a.target()), a.operator(), erase(a.value()), N, "");
      case Stmt.With w -> new Stmt.With(
          all(w.items(), i -> new Stmt.WithItem(erase(i.context()), i.target().map(SpanEraser::erase))),
          body(w.body()), N, "");
      case Stmt.While w -> new Stmt.While(erase(w.test()), body(w.body()), body(w.orElse()), N, "");
      case Stmt.If i -> new Stmt.If(erase(i.test()), body(i.body()), body(i.orElse()), N, "");
      case Stmt.For f -> new Stmt.For(erase(f.target()), erase(f.iterable()), body(f.body()),
          body(f.orElse()), N, "");
      case Stmt.Try t -> new Stmt.Try(body(t.body()),
          all(t.handlers(), h -> new Stmt.Handler(opt(h.type()), h.name(), body(h.body()), N, "")),
          body(t.orElse()), body(t.finalBody()), N, "");
      case Stmt.Break b -> new Stmt.Break(N, "");
      case Stmt.Continue c -> new Stmt.Continue(N, "");
      case Stmt.Pass p -> new Stmt.Pass(N, "");
      case Stmt.Raise r -> new Stmt.Raise(opt(r.exception()), opt(r.cause()), N, "");
      case Stmt.Import i -> new Stmt.Import(i.names(), N, "");
      case Stmt.ImportFrom f -> new Stmt.ImportFrom(f.module(), f.level(), f.names(), N, "");
      case Stmt.Delete d -> new Stmt.Delete(all(d.targets(), SpanEraser::erase), N, "");
      case Stmt.Assert a -> new Stmt.Assert(erase(a.test()), opt(a.message()), N, "");
      case Stmt.Sleep sl -> new Stmt.Sleep(erase(sl.seconds()), N, "");
      case Stmt.Expect e -> new Stmt.Expect(erase(e.expectation()), N, "");
      case Stmt.Serve v -> new Stmt.Serve(v.kind(), v.host(), v.port(), v.name(), N, "");
      case Stmt.Stop st -> new Stmt.Stop(st.peer(), N, "");
      case Stmt.Sockets x -> new Stmt.Sockets(N, "");
      case Stmt.Peers x -> new Stmt.Peers(N, "");
      case Stmt.Jobs x -> new Stmt.Jobs(N, "");
      case Stmt.Help h -> new Stmt.Help(h.topic(), N, "");
      case Stmt.Exit x -> new Stmt.Exit(N, "");
      case Stmt.Background b -> new Stmt.Background(erase(b.call()), N, "");
    };
  }

  private static Expectation erase(Expectation e) {
    return e instanceof Expectation.Recv r ? new Expectation.Recv(erase(r.data())) : e;
  }

  public static Target erase(Target t) {
    return switch (t) {
      case Target.Name n -> new Target.Name(n.id(), N);
      case Target.Tuple tuple -> new Target.Tuple(all(tuple.elements(), SpanEraser::erase), N);
      case Target.Attribute a -> new Target.Attribute(erase(a.value()), a.name(), N);
      case Target.Subscript s -> new Target.Subscript(erase(s.value()), erase(s.index()), N);
    };
  }

  public static Expr erase(Expr e) {
    return switch (e) {
      case Expr.Name n -> new Expr.Name(n.id(), N);
      case Expr.IntLiteral i -> new Expr.IntLiteral(i.value(), N);
      case Expr.FloatLiteral f -> new Expr.FloatLiteral(f.value(), N);
      case Expr.StrLiteral s -> new Expr.StrLiteral(s.value(), N);
      case Expr.BytesLiteral b -> new Expr.BytesLiteral(b.value(), N);
      case Expr.FString f -> new Expr.FString(parts(f.parts()), N);
      case Expr.NoneLiteral n -> new Expr.NoneLiteral(N);
      case Expr.BoolLiteral b -> new Expr.BoolLiteral(b.value(), N);
      case Expr.EllipsisLiteral x -> new Expr.EllipsisLiteral(N);
      case Expr.Tuple t -> new Expr.Tuple(all(t.elements(), SpanEraser::erase), N);
      case Expr.ListDisplay l -> new Expr.ListDisplay(all(l.elements(), SpanEraser::erase), N);
      case Expr.SetDisplay s -> new Expr.SetDisplay(all(s.elements(), SpanEraser::erase), N);
      case Expr.DictDisplay d -> new Expr.DictDisplay(
          all(d.keys(), SpanEraser::erase), all(d.values(), SpanEraser::erase), N);
      case Expr.Attribute a -> new Expr.Attribute(erase(a.value()), a.name(), N);
      case Expr.Call c -> new Expr.Call(erase(c.function()), all(c.arguments(), SpanEraser::erase),
          all(c.keywords(), k -> new Expr.Keyword(k.name(), erase(k.value()), N)), N);
      case Expr.Subscript s -> new Expr.Subscript(erase(s.value()), erase(s.index()), N);
      case Expr.Slice s -> new Expr.Slice(opt(s.lower()), opt(s.upper()), opt(s.step()), N);
      case Expr.Unary u -> new Expr.Unary(u.operator(), erase(u.operand()), N);
      case Expr.Binary b -> new Expr.Binary(erase(b.left()), b.operator(), erase(b.right()), N);
      case Expr.BoolOp b -> new Expr.BoolOp(b.operator(), all(b.values(), SpanEraser::erase), N);
      case Expr.Compare c -> new Expr.Compare(erase(c.left()), c.operators(),
          all(c.comparators(), SpanEraser::erase), N);
      case Expr.Conditional c ->
          new Expr.Conditional(erase(c.test()), erase(c.body()), erase(c.orElse()), N);
      case Expr.FileData f -> new Expr.FileData(f.path(), N);
      case Expr.GeneratedData g -> new Expr.GeneratedData(g.byteCount(), N);
    };
  }

  private static List<Expr.FStringPart> parts(List<Expr.FStringPart> parts) {
    return all(parts, p -> switch (p) {
      case Expr.FStringPart.Text t -> t;
      case Expr.FStringPart.Field f ->
          new Expr.FStringPart.Field(erase(f.value()), f.conversion(), parts(f.formatSpec()));
    });
  }

  private static List<Stmt> body(List<Stmt> body) {
    return all(body, SpanEraser::erase);
  }

  private static Optional<Expr> opt(Optional<Expr> e) {
    return e.map(SpanEraser::erase);
  }

  private static <T, R> List<R> all(List<T> items, Function<T, R> f) {
    return items.stream().map(f).toList();
  }
}

package io.sockscope.shell.run;

import io.sockscope.shell.lang.Expectation;
import io.sockscope.shell.lang.Stmt;
import io.sockscope.shell.lang.Target;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Runs statements, with Python's meaning for Python's and sockscope's for its own. Two rules of
 * sockscope's sit here: a statement followed by {@code expect error} or {@code expect ok} hands
 * its exception to that {@code expect} instead of raising it (SPEC §3), and after each simple
 * statement of the main thread the garbage collector closes the sockets nothing refers to.
 */
final class Interpreter {
  private final Evaluator eval;
  private final Assigner assigner;

  Interpreter(Evaluator eval) {
    this.eval = eval;
    this.assigner = new Assigner(eval);
  }

  Assigner assigner() {
    return assigner;
  }

  /** What a block's statements ask of the loop around them. */
  enum Flow {
    NEXT,
    BREAK,
    CONTINUE
  }

  Flow runBlock(Frame f, List<Stmt> body) {
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      checkInterrupt();
      if (f.isMain()) {
        f.session().raiseJobFailure();
      }
      if (s instanceof Stmt.Expect e) {
        Expectations.check(f, e, eval);
        continue;
      }
      Optional<Stmt> next = i + 1 < body.size() ? Optional.of(body.get(i + 1)) : Optional.empty();
      Flow flow = runStatement(f, s, next);
      if (flow != Flow.NEXT) {
        return flow;
      }
    }
    return Flow.NEXT;
  }

  private Flow runStatement(Frame f, Stmt s, Optional<Stmt> next) {
    Tracker t = f.begin(s);
    boolean expectFollows = next.filter(n -> n instanceof Stmt.Expect).isPresent();
    try {
      Flow flow = exec(f, s, t, expectFollows);
      collect(f, s);
      return flow;
    } catch (PythonError e) {
      e.at(f.program().file(), s.span().line());
      t.failed(e.exception());
      collect(f, s);
      if (absorbs(next) && e.exception().type().isSubclassOf(Exceptions.EXCEPTION)) {
        return Flow.NEXT;
      }
      throw e;
    } finally {
      f.end(t);
    }
  }

  /** {@code expect error} and {@code expect ok} judge a failure instead of letting it stop the run. */
  private static boolean absorbs(Optional<Stmt> next) {
    return next.filter(n -> n instanceof Stmt.Expect e
        && (e.expectation() instanceof Expectation.Error
            || e.expectation() instanceof Expectation.Ok)).isPresent();
  }

  private static boolean simple(Stmt s) {
    return switch (s) {
      case Stmt.With w -> false;
      case Stmt.While w -> false;
      case Stmt.If i -> false;
      case Stmt.For x -> false;
      case Stmt.Try t -> false;
      default -> true;
    };
  }

  private static void collect(Frame f, Stmt s) {
    if (f.isMain() && simple(s)) {
      f.session().sockets().collect(f);
    }
  }

  static void checkInterrupt() {
    if (Thread.interrupted()) {
      throw new PythonError(Exceptions.bare(Exceptions.KEYBOARD_INTERRUPT));
    }
  }

  private Flow exec(Frame f, Stmt s, Tracker t, boolean expectFollows) {
    f.at(s);
    switch (s) {
      case Stmt.ExprStmt e -> {
        Value v = eval.eval(f, e.expr());
        f.session().echo(v, t);
      }
      case Stmt.Assign a -> {
        Value v = f.withNameHint(Assigner.hint(a.targets().getFirst(), a.value()),
            () -> eval.eval(f, a.value()));
        for (Target target : a.targets()) {
          assigner.assign(f, target, v);
        }
      }
      case Stmt.AugAssign a -> assigner.augmented(f, a);
      case Stmt.With w -> {
        return with(f, w, 0);
      }
      case Stmt.While w -> {
        return whileLoop(f, w);
      }
      case Stmt.If i -> {
        return Ops.truthy(eval.eval(f, i.test())) ? runBlock(f, i.body())
            : runBlock(f, i.orElse());
      }
      case Stmt.For x -> {
        return forLoop(f, x);
      }
      case Stmt.Try x -> {
        return tryStatement(f, x);
      }
      case Stmt.Break b -> {
        return Flow.BREAK;
      }
      case Stmt.Continue c -> {
        return Flow.CONTINUE;
      }
      case Stmt.Pass p -> {
        // nothing to do
      }
      case Stmt.Raise r -> raise(f, r);
      case Stmt.Import i -> Modules.importNames(f, i);
      case Stmt.ImportFrom i -> Modules.importFrom(f, i);
      case Stmt.Delete d -> d.targets().forEach(target -> assigner.delete(f, target));
      case Stmt.Assert a -> {
        if (!Ops.truthy(eval.eval(f, a.test()))) {
          List<Value> args = a.message().isPresent() ? List.of(eval.eval(f, a.message().get()))
              : List.of();
          throw new PythonError(new ExceptionValue(Exceptions.ASSERTION_ERROR, args,
              Optional.empty(), Optional.empty()));
        }
      }
      case Stmt.Sleep sl -> TimeModule.sleep(eval.eval(f, sl.seconds()));
      case Stmt.Expect e -> Expectations.check(f, e, eval);
      case Stmt.Serve sv -> SessionStatements.serve(f, sv);
      case Stmt.Stop st -> SessionStatements.stop(f, st);
      case Stmt.Sockets x -> SessionStatements.sockets(f);
      case Stmt.Peers x -> SessionStatements.peers(f);
      case Stmt.Jobs x -> SessionStatements.jobs(f);
      case Stmt.Help h -> SessionStatements.help(f, h);
      case Stmt.Exit x -> throw new ScriptStop(new Outcome.Exited(0));
      case Stmt.Background b -> Background.start(f, b, t, expectFollows, eval, assigner);
    }
    return Flow.NEXT;
  }

  /** Nested {@code with} items, innermost last; each socket closes at the end, as __exit__ does. */
  private Flow with(Frame f, Stmt.With w, int index) {
    if (index == w.items().size()) {
      return runBlock(f, w.body());
    }
    Stmt.WithItem item = w.items().get(index);
    f.at(w);
    Value context = f.withNameHint(item.target().flatMap(t -> Assigner.hint(t, item.context())),
        () -> eval.eval(f, item.context()));
    if (!(context instanceof SocketValue socket)) {
      throw PythonError.of(Exceptions.TYPE_ERROR, "'" + Ops.typeName(context)
          + "' object does not support the context manager protocol");
    }
    f.pushTemporary(socket);
    try {
      item.target().ifPresent(target -> assigner.assign(f, target, socket));
      return with(f, w, index + 1);
    } finally {
      f.popTemporary();
      if (socket.sock().isOpen()) {
        f.implicitly("end of with block", () -> SocketMethods.close(f, socket));
      }
    }
  }

  private Flow whileLoop(Frame f, Stmt.While w) {
    while (true) {
      checkInterrupt();
      f.at(w);
      if (!Ops.truthy(eval.eval(f, w.test()))) {
        return runBlock(f, w.orElse());
      }
      if (runBlock(f, w.body()) == Flow.BREAK) {
        return Flow.NEXT;
      }
    }
  }

  private Flow forLoop(Frame f, Stmt.For x) {
    Value iterable = eval.eval(f, x.iterable());
    Iterator<Value> items = Ops.iterate(iterable);
    f.pushTemporary(iterable);
    try {
      while (items.hasNext()) {
        checkInterrupt();
        Value item = items.next();
        f.at(x);
        assigner.assign(f, x.target(), item);
        if (runBlock(f, x.body()) == Flow.BREAK) {
          return Flow.NEXT;
        }
      }
    } finally {
      f.popTemporary();
    }
    return runBlock(f, x.orElse());
  }

  private Flow tryStatement(Frame f, Stmt.Try t) {
    try {
      Flow flow;
      try {
        flow = runBlock(f, t.body());
      } catch (PythonError e) {
        Optional<Stmt.Handler> handler = handlerFor(f, t, e.exception());
        if (handler.isEmpty()) {
          throw e;
        }
        return handle(f, handler.get(), e.exception());
      }
      return flow == Flow.NEXT ? runBlock(f, t.orElse()) : flow;
    } finally {
      if (!t.finalBody().isEmpty()) {
        runBlock(f, t.finalBody());
      }
    }
  }

  private Optional<Stmt.Handler> handlerFor(Frame f, Stmt.Try t, ExceptionValue e) {
    for (Stmt.Handler h : t.handlers()) {
      if (h.type().isEmpty()) {
        return Optional.of(h);
      }
      f.at(t);
      Value type = eval.eval(f, h.type().get());
      if (matches(e, type)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code except type} catches {@code e}. */
  static boolean matches(ExceptionValue e, Value type) {
    return switch (type) {
      case Value.Tuple t -> t.items().stream().anyMatch(item -> matches(e, item));
      case Value.Type c when c.isSubclassOf(Exceptions.BASE_EXCEPTION) ->
          e.type().isSubclassOf(c);
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "catching classes that do not inherit from BaseException is not allowed");
    };
  }

  private Flow handle(Frame f, Stmt.Handler h, ExceptionValue e) {
    h.name().ifPresent(name -> f.session().scope().set(name, e));
    f.handling(e);
    try {
      return runBlock(f, h.body());
    } finally {
      f.handled();
      h.name().ifPresent(name -> {
        f.session().scope().set(name, Value.None.NONE);
        f.session().scope().delete(name);
      });
    }
  }

  private void raise(Frame f, Stmt.Raise r) {
    if (r.exception().isEmpty()) {
      ExceptionValue current = f.currentException().orElseThrow(() ->
          PythonError.of(Exceptions.RUNTIME_ERROR, "No active exception to reraise"));
      throw new PythonError(current);
    }
    Value v = eval.eval(f, r.exception().get());
    r.cause().ifPresent(cause -> eval.eval(f, cause));
    throw new PythonError(switch (v) {
      case ExceptionValue e -> e;
      case Value.Type t when t.isSubclassOf(Exceptions.BASE_EXCEPTION) ->
          (ExceptionValue) eval.invoke(f, t, List.of(), java.util.Map.of());
      default -> Exceptions.create(Exceptions.TYPE_ERROR,
          "exceptions must derive from BaseException");
    });
  }
}

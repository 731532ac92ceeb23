package io.sockscope.shell.run;

import io.sockscope.shell.lang.Expr;
import io.sockscope.shell.lang.Stmt;
import io.sockscope.shell.lang.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A statement ending in {@code &}: the callee and its arguments are evaluated at once, on the
 * statement's own thread (so a NameError shows where it belongs); the call and the assignment of
 * its result run on a virtual thread, as a {@link Job}.
 */
final class Background {

  private Background() {}

  static void start(Frame f, Stmt.Background b, Tracker t, boolean expectFollows, Evaluator eval,
      Assigner assigner) {
    Stmt inner = b.call();
    Expr.Call call;
    List<Target> targets;
    switch (inner) {
      case Stmt.ExprStmt e when e.expr() instanceof Expr.Call c -> {
        call = c;
        targets = List.of();
      }
      case Stmt.Assign a when a.value() instanceof Expr.Call c -> {
        call = c;
        targets = a.targets();
      }
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "only a call can run in the background (statement & )");
    }
    Value callee = eval.eval(f, call.function());
    List<Value> args = new ArrayList<>();
    for (Expr e : call.arguments()) {
      args.add(eval.eval(f, e));
    }
    Map<String, Value> keywords = new LinkedHashMap<>();
    for (Expr.Keyword k : call.keywords()) {
      keywords.put(k.name(), eval.eval(f, k.value()));
    }
    List<Value> holds = new ArrayList<>(args);
    holds.add(callee);
    holds.addAll(keywords.values());
    Session session = f.session();
    Job job = session.jobs().create(f.program(), b, t, holds);
    t.runsAs(job);
    if (expectFollows) {
      job.claim();
    }
    Set<String> names = new HashSet<>();
    targets.forEach(target -> Assigner.names(target, names));
    session.scope().reserve(names, job);
    Optional<String> hint = targets.isEmpty() ? Optional.empty()
        : Assigner.hint(targets.getFirst(), call);
    session.transcript().emit(new TranscriptRecord.JobStarted(job.number(), inner.source(),
        b.span().line()));
    Thread thread = Thread.ofVirtual().name("sockscope-job-" + job.number()).unstarted(() ->
        run(session, job, callee, args, keywords, targets, hint, eval, assigner));
    session.jobs().bind(job, thread);
    thread.start();
  }

  private static void run(Session session, Job job, Value callee, List<Value> args,
      Map<String, Value> keywords, List<Target> targets, Optional<String> hint, Evaluator eval,
      Assigner assigner) {
    Frame f = new Frame(session, job);
    f.program(job.program());
    f.adopt(job.tracker());
    session.attach(f);
    TranscriptRecord.JobEnd end = TranscriptRecord.JobEnd.OK;
    PythonError failure = null;
    try {
      Value result = f.withNameHint(hint, () -> eval.invoke(f, callee, args, keywords));
      for (Target target : targets) {
        assigner.assign(f, target, result);
      }
    } catch (PythonError e) {
      e.at(job.program().file(), job.statement().span().line());
      job.tracker().failed(e.exception());
      failure = e;
      end = job.cancelledByRunEnd() && e.exception().type() == Exceptions.KEYBOARD_INTERRUPT
          ? TranscriptRecord.JobEnd.CANCELLED : TranscriptRecord.JobEnd.FAILED;
    } catch (RuntimeException e) {
      f.settle();
      finish(session, job, f, TranscriptRecord.JobEnd.FAILED,
          Optional.of("internal error: " + e));
      job.crash(e);
      return;
    }
    f.settle();
    finish(session, job, f, end, Optional.ofNullable(failure)
        .map(e -> e.exception().tracebackLine()));
    job.finish(end, failure);
  }

  private static void finish(Session session, Job job, Frame f, TranscriptRecord.JobEnd end,
      Optional<String> error) {
    session.scope().release(job);
    session.jobs().unbind(Thread.currentThread());
    session.detach(f);
    session.transcript().emit(new TranscriptRecord.JobDone(job.number(), end, error));
  }
}

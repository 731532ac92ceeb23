package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.shell.lang.Program;
import io.sockscope.shell.lang.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The interpreter's state on one thread: the main thread of a session has one, and so has each
 * background job. It knows the statement being run (whose source a call prints as), the
 * statements open around it (whose trackers collect its calls), the name a socket created now
 * should take, and the values the running statements hold that no variable does (a {@code with}
 * block's socket, a {@code for} loop's iterable) so that garbage collection leaves them alone.
 */
final class Frame {
  private final Session session;
  private final Job job;
  private Program program;
  private Stmt statement;
  private Tracker open;
  private Tracker last;
  private String nameHint;
  private String implicitNote;
  private final Deque<ExceptionValue> handling = new ArrayDeque<>();
  private final Deque<io.sockscope.shell.lang.Expr.Call> calling = new ArrayDeque<>();
  private final List<SocketValue> unsettled = new ArrayList<>();
  private final Deque<Value> temporaries = new ArrayDeque<>();

  Frame(Session session, Job job) {
    this.session = session;
    this.job = job;
  }

  Session session() {
    return session;
  }

  Optional<Job> job() {
    return Optional.ofNullable(job);
  }

  boolean isMain() {
    return job == null;
  }

  Program program() {
    return program;
  }

  void program(Program running) {
    program = running;
  }

  /** Says that expressions of {@code s} are being evaluated now. */
  void at(Stmt s) {
    statement = s;
  }

  Stmt statement() {
    return statement;
  }

  /** Opens the tracker of {@code s}, inside the one open now. */
  Tracker begin(Stmt s) {
    open = new Tracker(s, open);
    statement = s;
    return open;
  }

  /** Closes {@code t}, which becomes what a following {@code expect} is about. */
  void end(Tracker t) {
    open = t.parent();
    last = t;
  }

  /** Uses {@code t} as the tracker of a background job's statement. */
  void adopt(Tracker t) {
    open = t;
    statement = t.statement() instanceof Stmt.Background b ? b.call() : t.statement();
  }

  Optional<Tracker> last() {
    return Optional.ofNullable(last);
  }

  /** Evaluates {@code body} with {@code hint} as the name for the first socket it creates. */
  <T> T withNameHint(Optional<String> hint, Supplier<T> body) {
    String saved = nameHint;
    nameHint = hint.orElse(null);
    try {
      return body.get();
    } finally {
      nameHint = saved;
    }
  }

  /** The name hint, which only the first socket created gets. */
  Optional<String> takeNameHint() {
    Optional<String> hint = Optional.ofNullable(nameHint);
    nameHint = null;
    return hint;
  }

  /** Runs {@code body}, whose calls the interpreter makes on its own for the reason {@code note}. */
  <T> T implicitly(String note, Supplier<T> body) {
    String saved = implicitNote;
    implicitNote = note;
    try {
      return body.get();
    } finally {
      implicitNote = saved;
    }
  }

  /**
   * Reports a finished call: its transcript group (call, live records, kernel states of the
   * sockets it touched, {@code touched[0]} being its own) and the trackers of the statements
   * running it.
   */
  void report(CallEvent event, List<SocketValue> touched) {
    Optional<String> note = Optional.ofNullable(implicitNote);
    String source = note.isPresent() || statement == null
        ? CallText.python(event)
        : (calling.isEmpty() ? statement.source() : CallSites.source(statement, calling.peek()))
            + (job == null ? "" : " &");
    session.transcript().call(event, source, note,
        job == null ? OptionalInt.empty() : OptionalInt.of(job.number()), touched);
    if (open != null && !touched.isEmpty()) {
      open.add(event, touched.getFirst());
    }
  }

  /** The call expression being evaluated now (innermost last), for its transcript source. */
  void entering(io.sockscope.shell.lang.Expr.Call call) {
    calling.push(call);
  }

  void left() {
    calling.pop();
  }

  /** A socket this frame created in the statement running now. */
  void created(SocketValue socket) {
    synchronized (unsettled) {
      unsettled.add(socket);
    }
  }

  /** The statement is done with the sockets it created: they are where the program put them. */
  void settle() {
    synchronized (unsettled) {
      unsettled.forEach(SocketValue::settle);
      unsettled.clear();
    }
  }

  void pushTemporary(Value v) {
    synchronized (temporaries) {
      temporaries.push(v);
    }
  }

  void popTemporary() {
    synchronized (temporaries) {
      temporaries.pop();
    }
  }

  List<Value> temporaries() {
    synchronized (temporaries) {
      return List.copyOf(temporaries);
    }
  }

  /** Enters an {@code except} block handling {@code e} (what a bare {@code raise} re-raises). */
  void handling(ExceptionValue e) {
    handling.push(e);
  }

  void handled() {
    handling.pop();
  }

  Optional<ExceptionValue> currentException() {
    return Optional.ofNullable(handling.peek());
  }
}

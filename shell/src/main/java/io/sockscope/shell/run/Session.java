package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Engine;
import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.peer.Peer;
import io.sockscope.shell.lang.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One sockscope session: an engine, the interpreter's variables, the sockets and peers, the
 * background jobs, and the transcript they all report to. {@code sockscope run} makes one for
 * all its files; the line shell makes one and runs each entry in it.
 *
 * <p>{@link #run(Program)} runs a program's statements in order and stops at the first
 * uncaught exception or unmet expectation, having reported it (a {@link
 * TranscriptRecord.Error}); the session stays usable, so a shell can go on with the next entry.
 * {@link #close()} ends the session: background jobs still waiting are cancelled, every socket
 * still open is closed (each close reported as a call), every peer stopped, then the live
 * inspector and the engine.
 *
 * <p>{@link #run} is for one thread at a time (the shell's); Ctrl-C from another thread is
 * {@link #cancelRunningCalls()}.
 */
public final class Session implements AutoCloseable {
  static final String END_OF_SESSION = "end of the session";

  private final Engine engine;
  private final Transcript transcript;
  private final LiveInspector live;
  private final CaptureStatus capture;
  private final Scope scope;
  private final SocketRegistry sockets;
  private final Jobs jobs = new Jobs();
  private final Evaluator evaluator = new Evaluator();
  private final Interpreter interpreter = new Interpreter(evaluator);
  private final Frame main;
  private final boolean interactive;
  private final List<Frame> jobFrames = new CopyOnWriteArrayList<>();
  private volatile byte[] lastReceived;
  private boolean closed;

  private Session(TranscriptSink sink, LiveInspector live, boolean interactive) {
    this.engine = new Engine();
    this.transcript = new Transcript(sink, live);
    this.live = live;
    this.interactive = interactive;
    this.scope = new Scope(Builtins.namespace());
    this.sockets = new SocketRegistry(engine, this);
    this.main = new Frame(this, null);
    engine.addListener(this::track);
    this.capture = live.start(engine, transcript.between());
    if (capture instanceof CaptureStatus.Unavailable(String reason)) {
      sink.emit(new TranscriptRecord.Capture("unavailable", Optional.empty(), Optional.of(reason),
          java.util.OptionalLong.empty(), java.util.OptionalLong.empty()));
    }
  }

  /** A session for scripts: expression statements print nothing of their own. */
  public static Session start(TranscriptSink sink, LiveInspector live) {
    return new Session(sink, live, false);
  }

  /**
   * A session for the interactive shell: an expression statement that made no call prints its
   * value's repr, as Python's REPL does (a call's value is already on its call line).
   */
  public static Session interactive(TranscriptSink sink, LiveInspector live) {
    return new Session(sink, live, true);
  }

  /** Whether the live inspector captures. */
  public CaptureStatus capture() {
    return capture;
  }

  public Engine engine() {
    return engine;
  }

  /**
   * Runs {@code program}'s statements, stopping at the first failure, which the transcript has
   * shown when this returns.
   */
  public Outcome run(Program program) {
    main.program(program);
    try {
      interpreter.runBlock(main, program.statements());
      raiseJobFailure();
      return new Outcome.Completed();
    } catch (PythonError e) {
      return stopped(e, program);
    } catch (ScriptStop stop) {
      return stop.outcome();
    }
  }

  /** Cancels every call running now (Ctrl-C); returns how many. */
  public int cancelRunningCalls() {
    return engine.cancelAll();
  }

  private Outcome stopped(PythonError e, Program program) {
    ExceptionValue x = e.exception();
    if (x.type() == Exceptions.SYSTEM_EXIT) {
      return exit(x);
    }
    TranscriptRecord.Error error = new TranscriptRecord.Error(e.file().orElse(program.file()),
        e.line().orElse(0), TranscriptRecord.ErrorKind.EXCEPTION,
        Optional.of(x.type().qualifiedName()), x.tracebackLine());
    transcript.emit(error);
    return new Outcome.Stopped(error);
  }

  /** SystemExit: None is 0, an int is itself, anything else is printed and is 1. */
  private Outcome exit(ExceptionValue x) {
    Value code = x.args().isEmpty() ? Value.None.NONE
        : x.args().size() == 1 ? x.args().getFirst() : new Value.Tuple(x.args());
    if (code instanceof Value.None) {
      return new Outcome.Exited(0);
    }
    if (Ops.isInt(code)) {
      return new Outcome.Exited(Ops.intOf(code).intValue() & 0xff);
    }
    output(TranscriptRecord.Stream.STDERR, Repr.str(code) + "\n");
    return new Outcome.Exited(1);
  }

  /** Raises, in the main thread, the failure of a background job nobody expected. */
  void raiseJobFailure() {
    Optional<Job> failed = jobs.takeUnreportedFailure();
    if (failed.isEmpty()) {
      return;
    }
    Job job = failed.get();
    if (job.internalError().isPresent()) {
      throw job.internalError().get();
    }
    if (interactive) {
      return; // the shell showed the failure when the job ended; the next entry still runs
    }
    throw job.failure().orElseThrow();
  }

  /** Ends the session as {@link #end()} does. */
  @Override
  public void close() {
    end();
  }

  /**
   * Ends the session: cancels waiting background jobs, closes every open socket (reported as
   * calls), stops every peer, stops the live inspector, closes the engine. Returns {@link
   * Outcome.Stopped} when a background job failed after the last statement had run (and so
   * stopped nothing), having reported it; otherwise {@link Outcome.Completed}.
   */
  public Outcome end() {
    if (closed) {
      return new Outcome.Completed();
    }
    closed = true;
    Outcome late = new Outcome.Completed();
    try {
      jobs.cancelAll();
      Optional<Job> failed = jobs.takeUnreportedFailure();
      if (failed.isPresent() && failed.get().failure().isPresent()) {
        late = stopped(failed.get().failure().get(), failed.get().program());
      }
      sockets.closeAll(main, END_OF_SESSION);
      for (Peer peer : engine.peers()) {
        engine.stopPeer(peer.name());
        transcript.emit(new TranscriptRecord.Peer(TranscriptRecord.PeerEvent.STOPPED, peer.name(),
            peer.kind().wireName(), peer.endpoint(), false));
      }
      live.stop(transcript.sink());
    } finally {
      engine.close();
    }
    return late;
  }

  /** Notes which call each background job waits in, for {@code jobs}. */
  private void track(EngineEvent event) {
    switch (event) {
      case EngineEvent.CallStarted started ->
          jobs.byThread(Thread.currentThread()).ifPresent(j -> j.running(started));
      case CallEvent call -> {
        jobs.byThread(Thread.currentThread()).ifPresent(j -> j.running(null));
        if (call.result() instanceof CallResult.Received r) {
          lastReceived = r.data();
        }
      }
      default -> {
        // peers' events are reported by the statements that start and stop them
      }
    }
  }

  void output(TranscriptRecord.Stream stream, String text) {
    transcript.emit(new TranscriptRecord.Output(stream, text));
  }

  /** In an interactive session, an expression statement's value if it made no call. */
  void echo(Value value, Tracker statement) {
    if (interactive && !(value instanceof Value.None) && statement.calls().isEmpty()) {
      output(TranscriptRecord.Stream.STDOUT, Repr.repr(value) + "\n");
    }
  }

  /** A variable of the session: its name, its value and its Python type's name. */
  public record Variable(String name, Value value, String type) {}

  /** The session's variables now, by name: what the line shell completes. */
  public List<Variable> variables() {
    List<Variable> out = new ArrayList<>();
    scope.snapshot().forEach((name, value) -> out.add(new Variable(name, value,
        Ops.typeName(value))));
    out.sort(java.util.Comparator.comparing(Variable::name));
    return out;
  }

  Optional<byte[]> lastReceived() {
    return Optional.ofNullable(lastReceived);
  }

  Transcript transcript() {
    return transcript;
  }

  LiveInspector live() {
    return live;
  }

  Scope scope() {
    return scope;
  }

  SocketRegistry sockets() {
    return sockets;
  }

  Jobs jobs() {
    return jobs;
  }

  Evaluator evaluator() {
    return evaluator;
  }

  void attach(Frame jobFrame) {
    jobFrames.add(jobFrame);
  }

  void detach(Frame jobFrame) {
    jobFrames.remove(jobFrame);
  }

  /** What running statements and jobs hold that no variable does. */
  List<Value> roots() {
    List<Value> roots = new ArrayList<>(main.temporaries());
    jobFrames.forEach(f -> roots.addAll(f.temporaries()));
    roots.addAll(jobs.roots());
    return roots;
  }
}

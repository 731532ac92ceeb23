package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Errno;
import io.sockscope.shell.lang.Expectation;
import io.sockscope.shell.lang.Stmt;
import java.util.List;
import java.util.Optional;

/**
 * Judges {@code expect} statements (SPEC §7) against the statement just before: ok, error,
 * recv and state here; segment and explain by the {@link LiveInspector}. A verdict is always
 * reported; one not met stops the program ({@link ScriptStop}), with exit code 3 when it could
 * not be judged for want of capture.
 */
final class Expectations {
  /** How long {@code expect state} waits for the kernel to reach the state. */
  static final long STATE_SETTLE_MILLIS = 1000;

  private Expectations() {}

  private record Verdict(boolean met, String expected, String got, boolean needsCapture) {
    static Verdict of(boolean met, String expected, String got) {
      return new Verdict(met, expected, got, false);
    }
  }

  static void check(Frame f, Stmt.Expect statement, Evaluator eval) {
    Expectation expectation = statement.expectation();
    Optional<Tracker> previous = f.last();
    Verdict verdict;
    if (previous.isEmpty()) {
      verdict = Verdict.of(false, expected(expectation), "there is no statement before it");
    } else {
      Tracker t = previous.get();
      t.job().ifPresent(Job::await);
      verdict = judge(f, expectation, t, eval);
    }
    String file = f.program().file();
    int line = statement.span().line();
    Transcript transcript = f.session().transcript();
    transcript.emit(new TranscriptRecord.Expect(file, line, statement.source(), verdict.met(),
        verdict.expected(), verdict.got()));
    if (verdict.met()) {
      return;
    }
    TranscriptRecord.Error error = verdict.needsCapture()
        ? new TranscriptRecord.Error(file, line, TranscriptRecord.ErrorKind.CAPTURE,
            Optional.empty(), statement.source() + " needs live capture: " + verdict.got())
        : new TranscriptRecord.Error(file, line, TranscriptRecord.ErrorKind.EXPECTATION,
            Optional.empty(), "expectation not met: " + statement.source() + ": expected "
                + verdict.expected() + ", got " + verdict.got());
    transcript.emit(error);
    throw new ScriptStop(new Outcome.Stopped(error));
  }

  private static String expected(Expectation e) {
    return switch (e) {
      case Expectation.Ok ok -> "ok";
      case Expectation.Error err -> "error " + err.name();
      case Expectation.Recv r -> "recv";
      case Expectation.Segment s -> "segment " + s.socket().map(n -> n + " ").orElse("")
          + s.direction().symbol() + " " + s.flagText();
      case Expectation.Explain x -> "explain " + x.code();
      case Expectation.State s -> s.socket().map(n -> n + " in ").orElse("") + s.state().name();
    };
  }

  private static Verdict judge(Frame f, Expectation expectation, Tracker t, Evaluator eval) {
    Optional<ExceptionValue> error = t.error();
    return switch (expectation) {
      case Expectation.Ok ok -> Verdict.of(error.isEmpty(), "ok",
          error.map(ExceptionValue::tracebackLine).orElse("ok"));
      case Expectation.Error err -> error(err, t);
      case Expectation.Recv r -> recv(f, r, t, eval);
      case Expectation.State s -> state(f, s, t);
      case Expectation.Segment s -> live(f, s, s.socket(), t);
      case Expectation.Explain x -> live(f, x, Optional.empty(), t);
    };
  }

  private static Verdict error(Expectation.Error err, Tracker t) {
    String expected = "error " + err.name();
    if (t.error().isPresent()) {
      ExceptionValue e = t.error().get();
      boolean met = e.type().isSubclassOf(Exceptions.OS_ERROR)
          && (err.errnos().isEmpty()
              || Exceptions.errnoName(e).filter(err::matches).isPresent());
      return Verdict.of(met, expected, e.tracebackLine());
    }
    List<CallEvent> calls = t.calls();
    if (!calls.isEmpty() && calls.getLast().result() instanceof CallResult.ErrorCode code
        && code.code() != 0) {
      String name = Errno.of(code.code()).name();
      return Verdict.of(err.matches(name), expected,
          "connect_ex returned " + code.code() + " (" + name + ")");
    }
    return Verdict.of(false, expected, "no error: the statement succeeded");
  }

  private static Verdict recv(Frame f, Expectation.Recv r, Tracker t, Evaluator eval) {
    Value want = eval.eval(f, r.data());
    byte[] wanted = want instanceof Value.Str s ? s.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)
        : Ops.bytesLike(want);
    String expected = Repr.repr(Value.Bytes.adopt(wanted));
    Optional<byte[]> got = t.lastReceived().or(() -> f.session().lastReceived());
    if (got.isEmpty()) {
      return Verdict.of(false, expected, "no recv() so far");
    }
    return Verdict.of(java.util.Arrays.equals(wanted, got.get()), expected,
        Repr.repr(Value.Bytes.adopt(got.get())));
  }

  private static Optional<SocketValue> socket(Frame f, Optional<String> name, Tracker t) {
    if (name.isEmpty()) {
      return t.lastSocket();
    }
    Optional<Value> variable = f.session().scope().find(name.get());
    if (variable.isPresent() && variable.get() instanceof SocketValue s) {
      return Optional.of(s);
    }
    return f.session().sockets().byName(name.get());
  }

  private static Verdict state(Frame f, Expectation.State s, Tracker t) {
    String want = s.state().name().equals("NEW_SYN_RECV") ? "SYN_RECV" : s.state().name();
    Optional<SocketValue> socket = socket(f, s.socket(), t);
    if (socket.isEmpty()) {
      return Verdict.of(false, expected(s), s.socket().isPresent()
          ? "no socket called " + s.socket().get()
          : "the statement before made no socket call; name the socket: expect state NAME "
              + want);
    }
    long deadline = System.nanoTime() + STATE_SETTLE_MILLIS * 1_000_000;
    String now = KernelStates.of(socket.get()).tcpState();
    while (!now.equals(want) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      now = KernelStates.of(socket.get()).tcpState();
    }
    return Verdict.of(now.equals(want), socket.get().name() + " in " + want,
        socket.get().name() + " in " + now);
  }

  private static Verdict live(Frame f, Expectation e, Optional<String> named, Tracker t) {
    Optional<String> socket = (named.isPresent() ? socket(f, named, t) : t.lastSocket())
        .map(SocketValue::name).or(() -> named);
    return switch (f.session().live().check(e, t.calls(), socket)) {
      case LiveCheck.Met m -> Verdict.of(true, m.expected(), m.got());
      case LiveCheck.NotMet n -> Verdict.of(false, n.expected(), n.got());
      case LiveCheck.NeedsCapture c -> new Verdict(false, expected(e), c.reason(), true);
    };
  }
}

package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.shell.lang.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one statement did, for the {@code expect} that may follow it: the calls it made (a
 * compound statement's include its block's), the socket of its last call, the bytes of its last
 * recv, and the exception it raised. A background statement's tracker is its job's.
 */
final class Tracker {
  private final Stmt statement;
  private final Tracker parent;
  private final List<CallEvent> calls = new ArrayList<>();
  private Optional<SocketValue> lastSocket = Optional.empty();
  private Optional<byte[]> lastReceived = Optional.empty();
  private Optional<ExceptionValue> error = Optional.empty();
  private Optional<Job> job = Optional.empty();

  Tracker(Stmt statement, Tracker parent) {
    this.statement = statement;
    this.parent = parent;
  }

  Stmt statement() {
    return statement;
  }

  Tracker parent() {
    return parent;
  }

  /** Records a call made by this statement (and so by every statement enclosing it). */
  synchronized void add(CallEvent call, SocketValue socket) {
    calls.add(call);
    lastSocket = Optional.of(socket);
    if (call.result() instanceof CallResult.Received r) {
      lastReceived = Optional.of(r.data());
    }
    if (parent != null) {
      parent.add(call, socket);
    }
  }

  synchronized List<CallEvent> calls() {
    return List.copyOf(calls);
  }

  synchronized Optional<SocketValue> lastSocket() {
    return lastSocket;
  }

  synchronized Optional<byte[]> lastReceived() {
    return lastReceived;
  }

  synchronized void failed(ExceptionValue e) {
    error = Optional.of(e);
  }

  synchronized Optional<ExceptionValue> error() {
    return error;
  }

  synchronized void runsAs(Job background) {
    job = Optional.of(background);
  }

  synchronized Optional<Job> job() {
    return job;
  }
}

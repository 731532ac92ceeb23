package io.sockscope.shell.run;

import io.sockscope.engine.EngineEvent;
import io.sockscope.shell.lang.Program;
import io.sockscope.shell.lang.Stmt;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A statement ending in {@code &}, running on its own virtual thread: the call it makes, then the
 * assignment of the result. Reading or writing a variable it will assign waits for it (see
 * {@link Scope}); a failure it does not survive is reported when it ends and stops the script
 * at the main thread's next statement, unless an {@code expect} right after the statement
 * claimed it.
 */
final class Job {
  private final int number;
  private final Program program;
  private final Stmt.Background statement;
  private final Tracker tracker;
  private final List<Value> holds;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile Thread thread;
  private volatile TranscriptRecord.JobEnd end;
  private volatile PythonError failure;
  private volatile RuntimeException internalError;
  private volatile EngineEvent.CallStarted running;
  private volatile boolean claimed;
  private volatile boolean reported;
  private volatile boolean cancelledByRunEnd;

  Job(int number, Program program, Stmt.Background statement, Tracker tracker, List<Value> holds) {
    this.number = number;
    this.program = program;
    this.statement = statement;
    this.tracker = tracker;
    this.holds = List.copyOf(holds);
  }

  int number() {
    return number;
  }

  Program program() {
    return program;
  }

  Stmt.Background statement() {
    return statement;
  }

  Tracker tracker() {
    return tracker;
  }

  /** The callee and arguments it holds, which garbage collection must not close. */
  List<Value> holds() {
    return holds;
  }

  void thread(Thread t) {
    thread = t;
  }

  boolean isCurrentThread() {
    return Thread.currentThread() == thread;
  }

  boolean isRunning() {
    return done.getCount() > 0;
  }

  /** Waits until the job has ended (its assignment made or its exception recorded). */
  void await() {
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  void finish(TranscriptRecord.JobEnd how, PythonError error) {
    end = how;
    failure = error;
    done.countDown();
  }

  void crash(RuntimeException e) {
    end = TranscriptRecord.JobEnd.FAILED;
    internalError = e;
    done.countDown();
  }

  Optional<TranscriptRecord.JobEnd> end() {
    return Optional.ofNullable(end);
  }

  Optional<PythonError> failure() {
    return Optional.ofNullable(failure);
  }

  Optional<RuntimeException> internalError() {
    return Optional.ofNullable(internalError);
  }

  /** An {@code expect} follows the statement: it, not the main thread, judges the outcome. */
  void claim() {
    claimed = true;
  }

  boolean claimed() {
    return claimed;
  }

  /** Marks its failure as raised in the main thread; true the first time. */
  synchronized boolean report() {
    if (reported) {
      return false;
    }
    reported = true;
    return true;
  }

  /**
   * Raises the job's failure where its result was needed, unless an {@code expect} claimed it or
   * it was raised already.
   */
  void raiseUnclaimedFailure() {
    if (end == TranscriptRecord.JobEnd.FAILED && !claimed && report()) {
      if (internalError != null) {
        throw internalError;
      }
      throw failure;
    }
  }

  void running(EngineEvent.CallStarted call) {
    running = call;
  }

  Optional<EngineEvent.CallStarted> running() {
    return Optional.ofNullable(running);
  }

  /** Ends the job's wait because the run is ending (its thread is interrupted). */
  void cancelForRunEnd() {
    cancelledByRunEnd = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  boolean cancelledByRunEnd() {
    return cancelledByRunEnd;
  }

  void join() {
    Thread t = thread;
    if (t == null) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

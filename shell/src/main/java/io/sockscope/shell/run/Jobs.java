package io.sockscope.shell.run;

import io.sockscope.shell.lang.Program;
import io.sockscope.shell.lang.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The session's background jobs, numbered from 1 in the order they started. */
final class Jobs {
  private final List<Job> jobs = new ArrayList<>();
  private final Map<Thread, Job> byThread = new ConcurrentHashMap<>();

  synchronized Job create(Program program, Stmt.Background statement, Tracker tracker,
      List<Value> holds) {
    Job job = new Job(jobs.size() + 1, program, statement, tracker, holds);
    jobs.add(job);
    return job;
  }

  void bind(Job job, Thread thread) {
    job.thread(thread);
    byThread.put(thread, job);
  }

  void unbind(Thread thread) {
    byThread.remove(thread);
  }

  Optional<Job> byThread(Thread thread) {
    return Optional.ofNullable(byThread.get(thread));
  }

  synchronized List<Job> all() {
    return List.copyOf(jobs);
  }

  /** What running jobs hold, for garbage collection. */
  List<Value> roots() {
    List<Value> roots = new ArrayList<>();
    for (Job job : all()) {
      if (job.isRunning()) {
        roots.addAll(job.holds());
      }
    }
    return roots;
  }

  /** The first job that failed, whose failure no {@code expect} claimed and nobody raised yet. */
  Optional<Job> takeUnreportedFailure() {
    for (Job job : all()) {
      boolean failed = job.end().filter(e -> e == TranscriptRecord.JobEnd.FAILED).isPresent();
      if (failed && !job.claimed() && job.report()) {
        return Optional.of(job);
      }
    }
    return Optional.empty();
  }

  /** Cancels every job still running and waits for each to end. */
  void cancelAll() {
    List<Job> running = all().stream().filter(Job::isRunning).toList();
    running.forEach(Job::cancelForRunEnd);
    running.forEach(Job::join);
  }
}

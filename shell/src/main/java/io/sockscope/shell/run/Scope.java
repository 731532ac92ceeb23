package io.sockscope.shell.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables of a session: one global namespace (the language has no functions), over the
 * built-ins. A name that an unfinished background call will assign is pending: reading or
 * writing it from another thread waits until that call is done, so {@code conn, addr =
 * srv.accept() &} followed by code that uses {@code conn} does what it says.
 */
final class Scope {
  private final Map<String, Value> builtins;
  private final Map<String, Value> globals = new HashMap<>();
  private final Map<String, Job> pending = new HashMap<>();

  Scope(Map<String, Value> builtins) {
    this.builtins = Map.copyOf(builtins);
  }

  /** The value of {@code name}, or NameError. */
  Value get(String name) {
    awaitPending(name);
    synchronized (this) {
      Value v = globals.get(name);
      if (v != null) {
        return v;
      }
    }
    Value b = builtins.get(name);
    if (b != null) {
      return b;
    }
    throw PythonError.of(Exceptions.NAME_ERROR, "name '" + name + "' is not defined");
  }

  Optional<Value> find(String name) {
    synchronized (this) {
      Value v = globals.get(name);
      if (v != null) {
        return Optional.of(v);
      }
    }
    return Optional.ofNullable(builtins.get(name));
  }

  /** The built-in {@code name}, even where a variable hides it. */
  Optional<Value> builtin(String name) {
    return Optional.ofNullable(builtins.get(name));
  }

  void set(String name, Value value) {
    awaitPending(name);
    synchronized (this) {
      globals.put(name, value);
    }
  }

  /** {@code del name}. */
  void delete(String name) {
    awaitPending(name);
    synchronized (this) {
      if (globals.remove(name) == null) {
        throw PythonError.of(Exceptions.NAME_ERROR, "name '" + name + "' is not defined");
      }
    }
  }

  /** The global variables now, by name. */
  synchronized Map<String, Value> snapshot() {
    return Map.copyOf(globals);
  }

  /** The global variables' values now, for finding what still refers to a socket. */
  synchronized List<Value> values() {
    return new ArrayList<>(globals.values());
  }

  /** The names bound to {@code value} (by identity), in no particular order. */
  synchronized List<String> namesOf(Value value) {
    List<String> names = new ArrayList<>();
    globals.forEach((name, v) -> {
      if (v == value) {
        names.add(name);
      }
    });
    return names;
  }

  /** Marks {@code names} as to be assigned by {@code job}. */
  synchronized void reserve(Set<String> names, Job job) {
    names.forEach(n -> pending.put(n, job));
  }

  synchronized void release(Job job) {
    pending.values().removeIf(j -> j == job);
  }

  private void awaitPending(String name) {
    Job job;
    synchronized (this) {
      job = pending.get(name);
    }
    if (job != null && !job.isCurrentThread()) {
      job.await();
      job.raiseUnclaimedFailure();
    }
  }
}

package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Engine;
import io.sockscope.engine.Family;
import io.sockscope.engine.Sock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The session's socket objects: the names they take and the garbage collection CPython's
 * reference counting does.
 *
 * <p>Names: a socket takes the name of the variable it is first assigned to ({@code s =
 * socket.socket()}, {@code with socket.socket() as s}, {@code conn, addr = srv.accept()}); a
 * socket created where no variable receives it is {@code sock1}, {@code sock2}... Open sockets'
 * names are unique, so when a name goes to a new socket while the old one is open, the old one is
 * renamed first: to another variable that still refers to it, or else to {@code NAME#1} (then
 * #2...), and the transcript says so.
 *
 * <p>Garbage collection: in CPython a socket no variable or container refers to any more is
 * closed at once. After each statement the session looks for open sockets nothing reaches from
 * the variables, the values running statements hold and the background jobs, and closes them
 * with a real close() call that the transcript attributes to the garbage collector.
 */
final class SocketRegistry {
  static final String GARBAGE_COLLECTOR = "garbage collector: nothing refers to this socket any more";

  private final Engine engine;
  private final Session session;
  private final List<SocketValue> sockets = new ArrayList<>();
  private int unnamed;

  SocketRegistry(Engine engine, Session session) {
    this.engine = engine;
    this.session = session;
  }

  /** What socket() came to: its call, and the socket when it succeeded. */
  record Created(CallEvent event, Optional<SocketValue> socket) {}

  /** socket(family): makes the call under the name the frame's hint gives, and reports it. */
  Created create(Frame frame, Family family) {
    CallEvent event;
    Optional<SocketValue> created = Optional.empty();
    synchronized (this) {
      Claim claim = claim(frame.takeNameHint());
      event = engine.socket(claim.name(), family);
      if (event.ok() && event.result() instanceof CallResult.Fd(int fd)) {
        SocketValue socket = new SocketValue(engine.sock(claim.name()).orElseThrow(), fd);
        sockets.add(socket);
        created = Optional.of(socket);
      } else {
        claim.undo();
      }
    }
    created.ifPresent(frame::created);
    frame.report(event, created.map(List::of).orElse(List.of()));
    return new Created(event, created);
  }

  /** The name an accept() about to be made gives its new socket. */
  synchronized Claim claimForAccept(Frame frame) {
    return claim(frame.takeNameHint());
  }

  /** The socket an accept() registered as {@code name}. */
  SocketValue adopt(Frame frame, String name, Endpoint local, Endpoint peer) {
    Sock sock = engine.sock(name).orElseThrow();
    SocketValue socket = new SocketValue(sock, FdLookup.fdOf(local, peer).orElse(-1));
    synchronized (this) {
      sockets.add(socket);
    }
    frame.created(socket);
    return socket;
  }

  /** The socket object of an engine socket. */
  synchronized Optional<SocketValue> byName(String name) {
    for (int i = sockets.size() - 1; i >= 0; i--) {
      if (sockets.get(i).name().equals(name)) {
        return Optional.of(sockets.get(i));
      }
    }
    return Optional.empty();
  }

  synchronized List<SocketValue> open() {
    return sockets.stream().filter(s -> s.sock().isOpen()).toList();
  }

  /** Every socket of the session, open or closed, oldest first. */
  synchronized List<SocketValue> all() {
    return List.copyOf(sockets);
  }

  /** A name taken for a new socket; {@link #undo} gives a displaced socket its name back. */
  final class Claim {
    private final String name;
    private final Optional<String> displacedTo;

    Claim(String name, Optional<String> displacedTo) {
      this.name = name;
      this.displacedTo = displacedTo;
    }

    String name() {
      return name;
    }

    void undo() {
      synchronized (SocketRegistry.this) {
        displacedTo.ifPresent(to -> {
          if (engine.rename(to, name)) {
            session.transcript().emit(new TranscriptRecord.Renamed(to, name));
          }
        });
      }
    }
  }

  private Claim claim(Optional<String> hint) {
    if (hint.isEmpty()) {
      String name;
      do {
        name = "sock" + ++unnamed;
      } while (isOpenName(name));
      return new Claim(name, Optional.empty());
    }
    String name = hint.get();
    Optional<SocketValue> holder = byName(name).filter(s -> s.sock().isOpen());
    if (holder.isEmpty()) {
      return new Claim(name, Optional.empty());
    }
    String to = displacedName(holder.get(), name);
    engine.rename(name, to);
    session.transcript().emit(new TranscriptRecord.Renamed(name, to));
    return new Claim(name, Optional.of(to));
  }

  private boolean isOpenName(String name) {
    return engine.sock(name).filter(Sock::isOpen).isPresent();
  }

  /** Another variable still naming {@code socket}, else {@code name#N}. */
  private String displacedName(SocketValue socket, String name) {
    for (String variable : session.scope().namesOf(socket)) {
      if (!variable.equals(name) && !isOpenName(variable)) {
        return variable;
      }
    }
    int n = 1;
    while (isOpenName(name + "#" + n)) {
      n++;
    }
    return name + "#" + n;
  }

  /**
   * Closes the open, settled sockets nothing reaches any more, as CPython's reference counting
   * would have; called by the main frame after each statement.
   */
  void collect(Frame frame) {
    frame.settle();
    List<SocketValue> candidates = new ArrayList<>();
    Set<Value> direct = Collections.newSetFromMap(new IdentityHashMap<>());
    direct.addAll(session.scope().values());
    for (SocketValue s : open()) {
      if (s.settled() && !direct.contains(s)) {
        candidates.add(s);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    Set<Value> reachable = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Value> roots = new ArrayList<>(session.scope().values());
    roots.addAll(session.roots());
    roots.forEach(root -> mark(root, reachable));
    for (SocketValue s : candidates) {
      if (!reachable.contains(s)) {
        frame.implicitly(GARBAGE_COLLECTOR, () -> SocketMethods.close(frame, s));
      }
    }
  }

  private static void mark(Value root, Set<Value> reachable) {
    ArrayList<Value> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Value v = stack.removeLast();
      if (!reachable.add(v)) {
        continue;
      }
      switch (v) {
        case Value.Tuple t -> stack.addAll(t.items());
        case Value.PyList l -> {
          synchronized (l) {
            stack.addAll(l.items());
          }
        }
        case Value.Dict d -> d.entries().forEach((k, x) -> {
          stack.add(k.value());
          stack.add(x);
        });
        case Value.PySet s -> stack.addAll(s.members().values());
        case Value.Method m -> stack.add(m.self());
        case Value.Iter i -> i.holds().ifPresent(stack::add);
        case ExceptionValue e -> stack.addAll(e.args());
        default -> {
          // holds no other values
        }
      }
    }
  }

  /** Closes every open socket, oldest first, with the transcript saying why. */
  void closeAll(Frame frame, String note) {
    for (SocketValue s : open()) {
      frame.implicitly(note, () -> SocketMethods.close(frame, s));
    }
  }
}

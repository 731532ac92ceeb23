package io.sockscope.shell.repl;

import io.sockscope.engine.peer.Peer;
import io.sockscope.shell.complete.SessionNames;
import io.sockscope.shell.run.Session;
import io.sockscope.shell.run.SocketValue;
import io.sockscope.shell.run.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The running session's names as completion and highlighting see them: variables bound to open
 * sockets, the other variables (modules left out: completion offers {@code socket.} itself), and
 * the running peers. Read afresh at every call, from the session's snapshot of its variables
 * and the engine's peers; no system call, so it is cheap enough for every keystroke.
 */
final class LiveNames implements SessionNames {

  private final Session session;

  LiveNames(Session session) {
    this.session = session;
  }

  @Override
  public List<Known> sockets() {
    List<Known> out = new ArrayList<>();
    for (Session.Variable v : session.variables()) {
      if (v.value() instanceof SocketValue socket && socket.sock().isOpen()) {
        out.add(new Known(v.name(), describe(socket)));
      }
    }
    return out;
  }

  @Override
  public List<Known> variables() {
    List<Known> out = new ArrayList<>();
    for (Session.Variable v : session.variables()) {
      if (!(v.value() instanceof SocketValue) && !(v.value() instanceof Value.Module)) {
        out.add(new Known(v.name(), v.type()));
      }
    }
    return out;
  }

  @Override
  public List<Known> peers() {
    List<Known> out = new ArrayList<>();
    for (Peer p : session.engine().peers()) {
      out.add(new Known(p.name(), p.kind().wireName() + " on " + p.endpoint()));
    }
    return out;
  }

  /** {@code fd 5, 127.0.0.1:51234 → 127.0.0.1:9000}: what the socket is, from its endpoints. */
  private static String describe(SocketValue socket) {
    StringBuilder out = new StringBuilder("fd ").append(socket.fd());
    socket.sock().lastLocal().ifPresent(l -> out.append(", ").append(l));
    socket.sock().lastRemote().ifPresent(r -> out.append(" → ").append(r));
    return out.toString();
  }
}

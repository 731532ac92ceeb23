package io.sockscope.tui;

import io.sockscope.engine.peer.Peer;
import io.sockscope.shell.complete.SessionNames;
import io.sockscope.shell.run.Session;
import io.sockscope.shell.run.SocketValue;
import io.sockscope.shell.run.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The running session's names for Tab completion and highlighting: variables bound to open
 * sockets, the other variables (modules left out), the running peers. Read afresh at each call
 * from the session's snapshot of its variables and the engine's peers, which takes no lock a
 * running call holds, so the GUI thread may ask at every key.
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
        StringBuilder what = new StringBuilder("fd ").append(socket.fd());
        socket.sock().lastLocal().ifPresent(l -> what.append(", ").append(l));
        socket.sock().lastRemote().ifPresent(r -> what.append(" → ").append(r));
        out.add(new Known(v.name(), what.toString()));
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

  /** Whether {@code name} is bound to an open socket. */
  boolean isSocket(String name) {
    for (Session.Variable v : session.variables()) {
      if (v.name().equals(name)) {
        return v.value() instanceof SocketValue socket && socket.sock().isOpen();
      }
    }
    return false;
  }
}

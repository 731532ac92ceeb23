package io.sockscope.shell.run;

import io.sockscope.engine.peer.Peer;
import io.sockscope.shell.complete.SessionNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The running session's names as completion and highlighting see them: variables bound to open
 * sockets, the other variables (modules left out: completion offers {@code socket.} itself), and
 * the running peers, for the line shell and the full-screen session alike. Read afresh at every
 * call, from the session's snapshot of its variables and the engine's peers: no system call and
 * no lock a running call holds, so it is cheap enough for every keystroke on any thread.
 */
public final class LiveNames implements SessionNames {

  private final Session session;

  public LiveNames(Session session) {
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

  /** Whether {@code name} is bound to an open socket. */
  public boolean isSocket(String name) {
    for (Session.Variable v : session.variables()) {
      if (v.name().equals(name)) {
        return v.value() instanceof SocketValue socket && socket.sock().isOpen();
      }
    }
    return false;
  }

  /** {@code fd 5, 127.0.0.1:51234 → 127.0.0.1:9000}: what the socket is, from its endpoints. */
  private static String describe(SocketValue socket) {
    StringBuilder out = new StringBuilder("fd ").append(socket.fd());
    socket.sock().lastLocal().ifPresent(l -> out.append(", ").append(l));
    socket.sock().lastRemote().ifPresent(r -> out.append(" → ").append(r));
    return out.toString();
  }
}

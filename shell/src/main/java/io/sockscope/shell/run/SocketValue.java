package io.sockscope.shell.run;

import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Family;
import io.sockscope.engine.Sock;
import io.sockscope.engine.kernel.KernelView;
import io.sockscope.engine.kernel.TcpState;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A Python socket object: the engine's {@link Sock} plus what Python shows of it (its fd, its
 * repr). Its name is the engine's, so the transcript and the call records agree.
 *
 * <p>A socket is <em>settled</em> once the statement that created it has finished (its value
 * has been stored wherever the program put it); only settled sockets can be found unreachable
 * and closed by the {@link SocketRegistry}'s garbage collection.
 */
public final class SocketValue implements Value {
  private static final Set<TcpState> CONNECTED = EnumSet.of(TcpState.ESTABLISHED,
      TcpState.FIN_WAIT1, TcpState.FIN_WAIT2, TcpState.CLOSE_WAIT, TcpState.CLOSING,
      TcpState.LAST_ACK);

  private final Sock sock;
  private volatile int fd;
  private volatile int proto;
  private volatile boolean settled;

  SocketValue(Sock sock, int fd) {
    this.sock = sock;
    this.fd = fd;
  }

  public Sock sock() {
    return sock;
  }

  public String name() {
    return sock.name();
  }

  /** The fd, -1 once closed (or when it could not be learnt). */
  public int fd() {
    return sock.isOpen() ? fd : -1;
  }

  void fd(int value) {
    fd = value;
  }

  /** The protocol number Python shows: as given to socket(), 6 from create_connection(). */
  int proto() {
    return proto;
  }

  void proto(int value) {
    proto = value;
  }

  boolean settled() {
    return settled;
  }

  void settle() {
    settled = true;
  }

  /** CPython's repr: {@code <socket.socket fd=5, family=2, type=1, proto=0, laddr=(...)>}. */
  String repr() {
    StringBuilder out = new StringBuilder("<socket.socket ");
    if (!sock.isOpen()) {
      out.append("[closed] ");
    }
    int family = sock.family() == Family.INET ? 2 : 10;
    out.append("fd=").append(fd()).append(", family=").append(family)
        .append(", type=1, proto=").append(proto);
    if (sock.isOpen()) {
      Optional<KernelView> view = sock.kernelView();
      Endpoint local = sock.lastLocal().orElse(new Endpoint(
          sock.family() == Family.INET ? "0.0.0.0" : "::", 0));
      out.append(", laddr=").append(Repr.repr(address(local)));
      if (view.isPresent() && CONNECTED.contains(view.get().state())) {
        sock.lastRemote().ifPresent(r -> out.append(", raddr=").append(Repr.repr(address(r))));
      }
    }
    return out.append('>').toString();
  }

  /** An endpoint as Python's socket module returns it: (host, port), or a 4-tuple for IPv6. */
  static Value.Tuple address(Endpoint e) {
    Value host = new Value.Str(e.host());
    Value port = Value.Int.of(e.port());
    return e.family() == Family.INET6
        ? Value.Tuple.of(host, port, Value.Int.ZERO, Value.Int.ZERO)
        : Value.Tuple.of(host, port);
  }
}

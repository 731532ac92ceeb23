package io.sockscope.shell.run;

import io.sockscope.engine.Family;
import io.sockscope.engine.SockOpt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code socket} module: the {@code socket} class, {@code create_connection}, the constants
 * socket scripts pass (AF_*, SOCK_STREAM, SOL_SOCKET, IPPROTO_TCP, SHUT_*, the SO_ and TCP_
 * options the engine knows) and the exception aliases ({@code socket.timeout} is TimeoutError,
 * {@code socket.error} is OSError, {@code socket.gaierror}).
 */
final class SocketModule {
  static final Value.EnumInt AF_INET = new Value.EnumInt("AddressFamily", "AF_INET", 2);
  static final Value.EnumInt AF_INET6 = new Value.EnumInt("AddressFamily", "AF_INET6", 10);
  static final Value.EnumInt SOCK_STREAM = new Value.EnumInt("SocketKind", "SOCK_STREAM", 1);
  static final Value.EnumInt SOCK_DGRAM = new Value.EnumInt("SocketKind", "SOCK_DGRAM", 2);
  static final int SOL_SOCKET = 1;
  static final int IPPROTO_TCP = 6;

  /** The class {@code socket.socket}. */
  static final Value.Type SOCKET = new Value.Type("socket", "socket",
      Optional.of(BuiltinTypes.OBJECT), SocketModule::construct);

  private SocketModule() {}

  static Value.Module module() {
    Map<String, Value> members = new LinkedHashMap<>();
    members.put("socket", SOCKET);
    members.put("SocketType", SOCKET);
    members.put("create_connection", new Value.Function("socket.create_connection",
        SocketModule::createConnection));
    members.put("getdefaulttimeout", new Value.Function("socket.getdefaulttimeout", args -> {
      args.noKeywords().expect(0, 0);
      return Value.None.NONE;
    }));
    members.put("AF_INET", AF_INET);
    members.put("AF_INET6", AF_INET6);
    members.put("SOCK_STREAM", SOCK_STREAM);
    members.put("SOCK_DGRAM", SOCK_DGRAM);
    members.put("SOL_SOCKET", Value.Int.of(SOL_SOCKET));
    members.put("IPPROTO_TCP", Value.Int.of(IPPROTO_TCP));
    members.put("IPPROTO_IP", Value.Int.ZERO);
    members.put("SHUT_RD", Value.Int.of(0));
    members.put("SHUT_WR", Value.Int.of(1));
    members.put("SHUT_RDWR", Value.Int.of(2));
    members.put("SOMAXCONN", Value.Int.of(4096));
    for (SockOpt option : SockOpt.values()) {
      members.put(option.name(), Value.Int.of(option.number()));
    }
    members.put("has_ipv6", Value.Bool.TRUE);
    members.put("timeout", Exceptions.TIMEOUT_ERROR);
    members.put("error", Exceptions.OS_ERROR);
    members.put("gaierror", Exceptions.GAIERROR);
    members.put("herror", Exceptions.HERROR);
    return new Value.Module("socket", members);
  }

  /** The option a (level, optname) pair names, if the engine knows it. */
  static Optional<SockOpt> option(int level, int number) {
    for (SockOpt o : SockOpt.values()) {
      if (o.level().number() == level && o.number() == number) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None). */
  private static Value construct(Args args) {
    args.expect(0, 4);
    Value family = args.argument(0, "family").orElse(AF_INET);
    Value type = args.argument(1, "type").orElse(SOCK_STREAM);
    Value proto = args.argument(2, "proto").orElse(Value.Int.ZERO);
    Optional<Value> fileno = args.argument(3, "fileno").filter(v -> !(v instanceof Value.None));
    args.done();
    int familyNumber = Ops.toIntExact(family);
    int typeNumber = Ops.toIntExact(type);
    int protoNumber = Ops.toIntExact(proto);
    if (fileno.isPresent()) {
      throw PythonError.of(Exceptions.VALUE_ERROR,
          "sockscope sockets are made by the engine: socket(fileno=...) is not supported");
    }
    Family f = switch (familyNumber) {
      case -1, 2 -> Family.INET;
      case 10 -> Family.INET6;
      default -> throw new PythonError(Exceptions.fromErrno(io.sockscope.engine.Errno.of(97)));
    };
    if (typeNumber != 1 && typeNumber != -1) {
      throw PythonError.of(Exceptions.VALUE_ERROR,
          "sockscope sockets are TCP only: type must be SOCK_STREAM, not " + typeNumber);
    }
    if (protoNumber != 0 && protoNumber != -1 && protoNumber != IPPROTO_TCP) {
      throw new PythonError(Exceptions.fromErrno(io.sockscope.engine.Errno.of(93)));
    }
    SocketValue socket = newSocket(args.frame(), f);
    socket.proto(protoNumber == IPPROTO_TCP ? IPPROTO_TCP : 0);
    return socket;
  }

  static SocketValue newSocket(Frame f, Family family) {
    SocketRegistry.Created created = f.session().sockets().create(f, family);
    return created.socket().orElseThrow(() ->
        new PythonError(Exceptions.fromFailure(created.event().failure().orElseThrow())));
  }

  /**
   * socket.create_connection(address, timeout=None, source_address=None): socket(), then
   * settimeout(), bind() and connect() as asked; a failed connect closes the socket and raises.
   */
  private static Value createConnection(Args args) {
    args.expect(1, 3);
    Value address = args.argument(0, "address").orElseThrow();
    Optional<Value> timeout = args.argument(1, "timeout");
    Optional<Value> source = args.argument(2, "source_address")
        .filter(v -> !(v instanceof Value.None));
    args.keyword("all_errors");
    args.done();
    List<Value> pair = Ops.toList(address);
    if (pair.size() != 2) {
      throw PythonError.of(Exceptions.VALUE_ERROR, pair.size() < 2
          ? "not enough values to unpack (expected 2, got " + pair.size() + ")"
          : "too many values to unpack (expected 2)");
    }
    Value host = pair.get(0);
    Family family = host instanceof Value.Str s && s.value().indexOf(':') >= 0 ? Family.INET6
        : Family.INET;
    Frame f = args.frame();
    SocketValue sock = newSocket(f, family);
    sock.proto(IPPROTO_TCP);
    String note = "in socket.create_connection";
    return f.implicitly(note, () -> {
      try {
        timeout.ifPresent(t -> SocketMethods.settimeout(f, sock, t));
        source.ifPresent(s -> SocketMethods.bind(f, sock, s, "bind"));
        SocketMethods.connect(f, sock, Value.Tuple.of(host, pair.get(1)), "connect");
        return sock;
      } catch (PythonError e) {
        if (sock.sock().isOpen()) {
          SocketMethods.close(f, sock);
        }
        throw e;
      }
    });
  }
}

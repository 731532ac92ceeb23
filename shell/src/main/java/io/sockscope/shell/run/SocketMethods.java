package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Family;
import io.sockscope.engine.OptValue;
import io.sockscope.engine.Sock;
import io.sockscope.engine.SockOpt;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The methods of a socket object, one engine call each: the arguments are checked as CPython
 * checks them (same TypeErrors, before any system call), the call is made and reported, and its
 * result comes back as the Python value, or its failure as the exception Python raises.
 */
final class SocketMethods {

  private SocketMethods() {}

  static Optional<Value> attribute(SocketValue s, String name) {
    Native body = switch (name) {
      case "connect" -> args -> connect(args.frame(), s, one(args, "connect"), "connect");
      case "connect_ex" -> args -> connectEx(args.frame(), s, one(args, "connect_ex"));
      case "bind" -> args -> bind(args.frame(), s, one(args, "bind"), "bind");
      case "listen" -> args -> {
        args.noKeywords().expect(0, 1);
        int backlog = args.count() == 0 ? Sock.DEFAULT_BACKLOG : Ops.toIntExact(args.get(0));
        return none(call(args.frame(), s, sock -> sock.listen(backlog)));
      };
      case "accept" -> args -> {
        pythonLevel(args, "accept");
        return accept(args.frame(), s);
      };
      case "send", "sendall" -> args -> {
        args.noKeywords().expect(1, 2);
        byte[] data = Ops.bytesLike(args.get(0));
        noFlags(args, 1);
        CallEvent e = call(args.frame(), s, sock -> name.equals("send") ? sock.send(data)
            : sock.sendall(data));
        return name.equals("send") ? Value.Int.of(((CallResult.Sent) ok(e)).sent()) : none(e);
      };
      case "recv" -> args -> recv(args, s);
      case "shutdown" -> args -> {
        Value how = one(args, "shutdown");
        BigInteger n = Ops.index(how);
        Sock.How h = n.equals(BigInteger.ZERO) ? Sock.How.SHUT_RD
            : n.equals(BigInteger.ONE) ? Sock.How.SHUT_WR
            : n.equals(BigInteger.TWO) ? Sock.How.SHUT_RDWR : null;
        if (h == null) {
          throw new PythonError(Exceptions.fromErrno(io.sockscope.engine.Errno.of(22)));
        }
        return none(call(args.frame(), s, sock -> sock.shutdown(h)));
      };
      case "close" -> args -> {
        pythonLevel(args, "close");
        return close(args.frame(), s);
      };
      case "setsockopt" -> args -> setsockopt(args, s);
      case "getsockopt" -> args -> getsockopt(args, s);
      case "settimeout" -> args -> settimeout(args.frame(), s, one(args, "settimeout"));
      case "setblocking" -> args -> {
        boolean flag = Ops.index(one(args, "setblocking")).signum() != 0;
        return none(call(args.frame(), s, sock -> sock.setblocking(flag)));
      };
      case "gettimeout" -> args -> {
        noArguments(args, "gettimeout");
        OptionalDouble t = s.sock().timeout();
        return t.isPresent() ? new Value.Float(t.getAsDouble()) : Value.None.NONE;
      };
      case "getblocking" -> args -> {
        noArguments(args, "getblocking");
        OptionalDouble t = s.sock().timeout();
        return Value.Bool.of(t.isEmpty() || t.getAsDouble() != 0.0);
      };
      case "getsockname", "getpeername" -> args -> {
        noArguments(args, name);
        CallEvent e = call(args.frame(), s, sock -> name.equals("getsockname")
            ? sock.getsockname() : sock.getpeername());
        return SocketValue.address(((CallResult.Address) ok(e)).endpoint());
      };
      case "fileno" -> args -> {
        noArguments(args, "fileno");
        CallEvent e = call(args.frame(), s, Sock::fileno);
        return Value.Int.of(((CallResult.Fd) ok(e)).fd());
      };
      case "__enter__" -> args -> {
        noArguments(args, "__enter__");
        return s;
      };
      case "__exit__" -> args -> {
        args.noKeywords();
        return s.sock().isOpen() ? close(args.frame(), s) : Value.None.NONE;
      };
      default -> null;
    };
    if (body != null) {
      return Optional.of(new Value.Method(s, name, body));
    }
    return switch (name) {
      case "family" -> Optional.of(s.sock().family() == Family.INET ? SocketModule.AF_INET
          : SocketModule.AF_INET6);
      case "type" -> Optional.of(SocketModule.SOCK_STREAM);
      case "proto" -> Optional.of(Value.Int.of(s.proto()));
      default -> Optional.empty();
    };
  }

  /** A METH_O method's one argument: {@code socket.connect() takes exactly one argument}. */
  private static Value one(Args args, String method) {
    args.noKeywords();
    if (args.count() != 1) {
      throw PythonError.of(Exceptions.TYPE_ERROR, "socket." + method
          + "() takes exactly one argument (" + args.count() + " given)");
    }
    return args.get(0);
  }

  private static void noArguments(Args args, String method) {
    args.noKeywords();
    if (args.count() != 0) {
      throw PythonError.of(Exceptions.TYPE_ERROR, "socket." + method
          + "() takes no arguments (" + args.count() + " given)");
    }
  }

  /** A method written in Python in CPython's socket.py (accept, close). */
  private static void pythonLevel(Args args, String method) {
    args.done();
    if (args.count() != 0) {
      throw PythonError.of(Exceptions.TYPE_ERROR, "socket." + method
          + "() takes 1 positional argument but " + (args.count() + 1) + " were given");
    }
  }

  private static void noFlags(Args args, int index) {
    if (args.count() > index && Ops.index(args.get(index)).signum() != 0) {
      throw PythonError.of(Exceptions.VALUE_ERROR,
          "sockscope makes its calls without flags (MSG_*): pass no flags or 0");
    }
  }

  /** Makes one engine call on {@code s} and reports it. */
  private static CallEvent call(Frame f, SocketValue s, Function<Sock, CallEvent> op) {
    CallEvent event = op.apply(s.sock());
    f.report(event, List.of(s));
    return event;
  }

  /** The call's result, or the exception Python raises for its failure. */
  private static CallResult ok(CallEvent event) {
    if (event.failure().isPresent()) {
      throw new PythonError(Exceptions.fromFailure(event.failure().get()));
    }
    return event.result();
  }

  private static Value none(CallEvent event) {
    ok(event);
    return Value.None.NONE;
  }

  /** An address tuple checked as CPython's getsockaddrarg checks it. */
  private record Address(String host, int port) {}

  private static Address address(SocketValue s, Value v, String method) {
    boolean v6 = s.sock().family() == Family.INET6;
    String family = v6 ? "AF_INET6" : "AF_INET";
    if (!(v instanceof Value.Tuple t)) {
      throw PythonError.of(Exceptions.TYPE_ERROR, method + "(): " + family
          + " address must be tuple, not " + Ops.typeName(v));
    }
    int n = t.items().size();
    if (v6 ? n < 2 || n > 4 : n != 2) {
      throw PythonError.of(Exceptions.TYPE_ERROR, v6
          ? "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
          : "AF_INET address must be a pair (host, port)");
    }
    String host = switch (t.items().get(0)) {
      case Value.Str str -> str.value();
      case Value.Bytes b -> new String(b.shared(), StandardCharsets.ISO_8859_1);
      case Value.ByteArray b -> new String(b.toBytes(), StandardCharsets.ISO_8859_1);
      default -> throw PythonError.of(Exceptions.TYPE_ERROR,
          "str, bytes or bytearray expected, not " + Ops.typeName(t.items().get(0)));
    };
    BigInteger port = Ops.index(t.items().get(1));
    if (port.bitLength() > 31) {
      throw PythonError.of(Exceptions.OVERFLOW_ERROR, method + "(): port must be 0-65535.");
    }
    return new Address(host, port.intValue());
  }

  static Value connect(Frame f, SocketValue s, Value address, String method) {
    Address a = address(s, address, method);
    return none(call(f, s, sock -> sock.connect(a.host(), a.port())));
  }

  private static Value connectEx(Frame f, SocketValue s, Value address) {
    Address a = address(s, address, "connect_ex");
    CallEvent e = call(f, s, sock -> sock.connectEx(a.host(), a.port()));
    return Value.Int.of(((CallResult.ErrorCode) ok(e)).code());
  }

  static Value bind(Frame f, SocketValue s, Value address, String method) {
    Address a = address(s, address, method);
    CallEvent e = call(f, s, sock -> sock.bind(a.host(), a.port()));
    ok(e);
    if (a.host().isEmpty() || a.host().equals("0.0.0.0") || a.host().equals("::")) {
      f.session().transcript().emit(new TranscriptRecord.Note(s.name() + " is bound to every "
          + "interface (" + (a.host().isEmpty() ? "''" : a.host()) + "): once it listens, other "
          + "machines can connect to its port"));
    }
    return Value.None.NONE;
  }

  private static Value accept(Frame f, SocketValue s) {
    SocketRegistry registry = f.session().sockets();
    SocketRegistry.Claim claim = registry.claimForAccept(f);
    CallEvent e = s.sock().accept(claim.name());
    if (e.result() instanceof CallResult.Accepted accepted && e.ok()) {
      SocketValue conn = registry.adopt(f, accepted.socket(), accepted.local(), accepted.peer());
      f.report(e, List.of(s, conn));
      return Value.Tuple.of(conn, SocketValue.address(accepted.peer()));
    }
    claim.undo();
    f.report(e, List.of(s));
    ok(e);
    throw new IllegalStateException("accept() succeeded without a new socket: " + e);
  }

  private static Value recv(Args args, SocketValue s) {
    boolean untilEof = args.keyword("until_eof").map(Ops::truthy).orElse(false);
    if (!args.takeKeywords().isEmpty()) {
      throw PythonError.of(Exceptions.TYPE_ERROR, "socket.recv() takes no keyword arguments");
    }
    args.expect(1, 2);
    int bufsize = Ops.toIntExact(args.get(0));
    noFlags(args, 1);
    CallEvent e = call(args.frame(), s, sock -> untilEof ? sock.recvUntilEof(bufsize)
        : sock.recv(bufsize));
    return new Value.Bytes(((CallResult.Received) ok(e)).data());
  }

  static Value close(Frame f, SocketValue s) {
    return none(call(f, s, Sock::close));
  }

  static Value settimeout(Frame f, SocketValue s, Value value) {
    OptionalDouble seconds;
    if (value instanceof Value.None) {
      seconds = OptionalDouble.empty();
    } else if (Ops.isNumber(value)) {
      seconds = OptionalDouble.of(Ops.floatOf(value));
    } else {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "'" + Ops.typeName(value) + "' object cannot be interpreted as an integer");
    }
    return none(call(f, s, sock -> sock.settimeout(seconds)));
  }

  private static SockOpt knownOption(Args args) {
    int level = Ops.toIntExact(args.get(0));
    int number = Ops.toIntExact(args.get(1));
    return SocketModule.option(level, number).orElseThrow(() ->
        PythonError.of(Exceptions.VALUE_ERROR, "sockscope knows the options "
            + String.join(", ", java.util.Arrays.stream(SockOpt.values()).map(Enum::name).toList())
            + "; level " + level + ", option " + number + " is none of them"));
  }

  private static Value setsockopt(Args args, SocketValue s) {
    args.noKeywords();
    if (args.count() != 3) {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "setsockopt() takes exactly 3 arguments (" + args.count() + " given)");
    }
    SockOpt option = knownOption(args);
    Value v = args.get(2);
    OptValue value;
    if (Ops.isInt(v) && Ops.index(v).bitLength() <= 31) {
      value = new OptValue.IntValue(Ops.toIntExact(v));
    } else if (Ops.isBytesLike(v)) {
      byte[] bytes = Ops.bytesLike(v);
      value = option == SockOpt.SO_LINGER && bytes.length == 8 ? OptValue.Linger.of(bytes)
          : new OptValue.Raw(bytes);
    } else {
      throw PythonError.of(Exceptions.TYPE_ERROR,
          "a bytes-like object is required, not '" + Ops.typeName(v) + "'");
    }
    return none(call(args.frame(), s, sock -> sock.setsockopt(option, value)));
  }

  private static Value getsockopt(Args args, SocketValue s) {
    args.noKeywords();
    if (args.count() < 2 || args.count() > 3) {
      throw PythonError.of(Exceptions.TYPE_ERROR, "getsockopt() takes "
          + (args.count() < 2 ? "at least 2" : "at most 3") + " arguments (" + args.count()
          + " given)");
    }
    SockOpt option = knownOption(args);
    Optional<Integer> buflen = args.optional(2).map(Ops::toIntExact);
    CallEvent e = call(args.frame(), s, sock -> buflen.isPresent()
        ? sock.getsockopt(option, buflen.get()) : sock.getsockopt(option));
    return switch (((CallResult.Option) ok(e)).value()) {
      case OptValue.IntValue i -> Value.Int.of(i.value());
      case OptValue.Raw r -> Value.Bytes.adopt(r.bytes());
      case OptValue.Linger l -> Value.Bytes.adopt(l.toBytes());
    };
  }
}

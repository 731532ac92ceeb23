package io.sockscope.shell.render;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Errno;
import io.sockscope.engine.Family;
import io.sockscope.engine.Op;
import io.sockscope.engine.OptValue;
import io.sockscope.engine.PythonBytes;
import io.sockscope.shell.lang.PythonRepr;
import io.sockscope.shell.run.PythonFailures;

/**
 * What a call came to, in the words of the text transcript: {@code ok} for None, {@code fd 5}
 * for a new socket, {@code → REPR} for a value as Python prints it, or the exception Python
 * raises; and the call's duration.
 */
public final class CallOutcome {
  /** Data longer than this is abbreviated in a result. */
  static final int DATA_LIMIT = PythonBytes.ARGUMENT_LIMIT;

  private CallOutcome() {}

  /** The outcome and the role it is shown in. */
  public static Styled of(CallEvent call) {
    if (call.failure().isPresent()) {
      String text = PythonFailures.tracebackLine(call.failure().get()) + partial(call.result());
      return new Styled(text, Role.FAILURE);
    }
    return switch (call.result()) {
      case CallResult.NoResult n -> new Styled("ok", Role.OK);
      case CallResult.SentAll s -> new Styled("ok", Role.OK);
      case CallResult.Fd fd -> call.op() == Op.SOCKET ? new Styled("fd " + fd.fd(), Role.OK)
          : new Styled("→ " + fd.fd(), Role.VALUE);
      case CallResult.Accepted a -> new Styled("→ " + a.socket() + ", " + address(a.peer()),
          Role.VALUE);
      case CallResult.Sent s -> new Styled("→ " + s.sent()
          + (s.sent() < s.requested() ? " (of " + s.requested() + ")" : ""), Role.VALUE);
      case CallResult.Received r -> new Styled("→ " + data(r.data()), Role.VALUE);
      case CallResult.Address a -> new Styled("→ " + address(a.endpoint()), Role.VALUE);
      case CallResult.ErrorCode c -> new Styled("→ " + c.code()
          + (c.code() == 0 ? "" : " (" + Errno.of(c.code()).name() + ")"), Role.VALUE);
      case CallResult.Option o -> new Styled("→ " + switch (o.value()) {
        case OptValue.IntValue i -> Integer.toString(i.value());
        case OptValue.Raw raw -> PythonRepr.bytes(raw.bytes());
        case OptValue.Linger l -> PythonRepr.bytes(l.toBytes());
      }, Role.VALUE);
    };
  }

  /** What a failed call had done before it failed. */
  private static String partial(CallResult result) {
    return switch (result) {
      case CallResult.Sent s -> " (" + s.sent() + " bytes sent first)";
      case CallResult.SentAll s -> s.sent() > 0 ? " (" + s.sent() + " bytes sent first)" : "";
      case CallResult.Received r -> r.length() > 0 ? " (" + r.length() + " bytes received first)"
          : "";
      default -> "";
    };
  }

  /** {@code b'hello\n'}, abbreviated past 64 bytes with the total length. */
  static String data(byte[] data) {
    return data.length > DATA_LIMIT
        ? PythonBytes.repr(data, DATA_LIMIT) + " (" + data.length + " bytes)"
        : PythonRepr.bytes(data);
  }

  /** An endpoint as Python's socket module returns it: {@code ('127.0.0.1', 9000)}. */
  static String address(Endpoint e) {
    return e.family() == Family.INET6
        ? "(" + PythonRepr.str(e.host()) + ", " + e.port() + ", 0, 0)"
        : "(" + PythonRepr.str(e.host()) + ", " + e.port() + ")";
  }

  /** {@code 0.21 ms}, or {@code 1.50 s} from a second on. */
  public static String duration(long micros) {
    return micros < 1_000_000
        ? String.format(java.util.Locale.ROOT, "%.2f ms", micros / 1000.0)
        : String.format(java.util.Locale.ROOT, "%.2f s", micros / 1_000_000.0);
  }
}

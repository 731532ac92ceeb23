package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.shell.lang.PythonRepr;
import java.util.List;
import java.util.Map;

/**
 * A call written as the Python statement that makes it ({@code s.connect(('127.0.0.1', 9000))}),
 * for the calls that have no source line of their own: a {@code with} block's close, the garbage
 * collector's, those {@code socket.create_connection} makes, the closes at the end of a run.
 */
final class CallText {

  private CallText() {}

  static String python(CallEvent event) {
    Map<String, Object> a = event.args();
    String name = event.socket();
    return switch (event.op()) {
      case SOCKET -> "socket.socket(socket." + a.get("family") + ", socket." + a.get("type") + ")";
      case BIND, CONNECT, CONNECT_EX -> name + "." + event.op().wireName() + "(("
          + PythonRepr.str(String.valueOf(a.get("host"))) + ", " + a.get("port") + "))";
      case LISTEN -> name + ".listen(" + a.get("backlog") + ")";
      case SEND, SENDALL -> name + "." + event.op().wireName() + "(" + a.get("repr") + ")";
      case RECV -> name + ".recv(" + a.get("bufsize")
          + (Boolean.TRUE.equals(a.get("until_eof")) ? ", until_eof=True" : "") + ")";
      case SHUTDOWN -> name + ".shutdown(socket." + a.get("how") + ")";
      case SETSOCKOPT -> name + ".setsockopt(socket." + a.get("level") + ", socket."
          + a.get("option") + ", " + optionValue(a.get("value")) + ")";
      case GETSOCKOPT -> name + ".getsockopt(socket." + a.get("level") + ", socket."
          + a.get("option") + (a.containsKey("buflen") ? ", " + a.get("buflen") : "") + ")";
      case SETTIMEOUT -> name + ".settimeout(" + (a.get("seconds") instanceof Double d
          ? PythonRepr.floatRepr(d) : "None") + ")";
      case SETBLOCKING -> name + ".setblocking(" + (Boolean.TRUE.equals(a.get("flag"))
          ? "True" : "False") + ")";
      case ACCEPT, CLOSE, GETSOCKNAME, GETPEERNAME, FILENO ->
          name + "." + event.op().wireName() + "()";
    };
  }

  private static String optionValue(Object value) {
    if (value instanceof List<?> pair && pair.size() == 2) {
      return "struct.pack('ii', " + pair.get(0) + ", " + pair.get(1) + ")";
    }
    return String.valueOf(value);
  }
}

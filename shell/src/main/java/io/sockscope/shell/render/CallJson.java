package io.sockscope.shell.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Failure;
import io.sockscope.engine.Op;
import io.sockscope.engine.OptValue;
import io.sockscope.engine.PythonBytes;
import java.io.IOException;
import java.util.Base64;

/**
 * The call record of SPEC §5: {@code type, id, socket, op, args, start_us, end_us, ok, result,
 * errno, error}, with {@code result} shaped per op and {@code errno}/{@code error} naming the
 * failure (docs/JSON.md). The calls whose {@code result} SPEC §5 leaves {@code null} but that
 * return a value in Python (connect_ex's errno, getsockopt's option, fileno's descriptor) carry
 * that value in one more field, {@code returned}.
 */
public final class CallJson {

  private CallJson() {}

  public static void write(JsonGenerator g, CallEvent call) throws IOException {
    g.writeStringField("type", "call");
    g.writeNumberField("id", call.id());
    g.writeStringField("socket", call.socket());
    g.writeStringField("op", call.op().wireName());
    g.writeFieldName("args");
    JsonLines.value(g, call.args());
    g.writeNumberField("start_us", call.startMicros());
    g.writeNumberField("end_us", call.endMicros());
    g.writeBooleanField("ok", call.ok());
    result(g, call);
    if (call.failure().isPresent()) {
      Failure f = call.failure().get();
      g.writeFieldName("errno");
      switch (f) {
        case Failure.OsError os -> g.writeString(os.errno().name());
        case Failure.AddressError a -> g.writeString(a.name());
        case Failure.TimedOut t -> g.writeNull();
        case Failure.Cancelled c -> g.writeNull();
        case Failure.BadArgument b -> g.writeNull();
        case Failure.NameInUse n -> g.writeNull();
      }
      g.writeStringField("error", message(f));
    } else {
      g.writeNullField("errno");
      g.writeNullField("error");
    }
  }

  /** The {@code error} field: the errno's message, or what Python says. */
  static String message(Failure f) {
    return switch (f) {
      case Failure.OsError os -> os.errno().message();
      case Failure.TimedOut t -> Failure.TimedOut.MESSAGE;
      case Failure.Cancelled c -> "KeyboardInterrupt";
      case Failure.AddressError a -> a.message();
      case Failure.BadArgument b -> b.message();
      case Failure.NameInUse n -> "a socket named " + n.name() + " is already open";
    };
  }

  /**
   * The {@code result} field, and for connect_ex, getsockopt and fileno, whose result SPEC §5
   * leaves null, the {@code returned} field with the value Python's call returns.
   */
  private static void result(JsonGenerator g, CallEvent call) throws IOException {
    g.writeFieldName("result");
    switch (call.result()) {
      case CallResult.NoResult n -> g.writeNull();
      case CallResult.ErrorCode c -> returned(g).writeNumber(c.code());
      case CallResult.Fd fd when call.op() == Op.FILENO -> returned(g).writeNumber(fd.fd());
      case CallResult.Option o -> {
        returned(g);
        switch (o.value()) {
          case OptValue.IntValue i -> g.writeNumber(i.value());
          case OptValue.Raw raw -> g.writeString(PythonBytes.repr(raw.bytes()));
          case OptValue.Linger l -> JsonLines.value(g, l.toArgument());
        }
      }
      default -> {
        g.writeStartObject();
        resultFields(g, call.result());
        g.writeEndObject();
      }
    }
  }

  /** Writes a null result and names the {@code returned} field, whose value comes next. */
  private static JsonGenerator returned(JsonGenerator g) throws IOException {
    g.writeNull();
    g.writeFieldName("returned");
    return g;
  }

  /** The fields of a result object (the calls whose result is not null). */
  private static void resultFields(JsonGenerator g, CallResult result) throws IOException {
    switch (result) {
      case CallResult.Fd fd -> g.writeNumberField("fd", fd.fd());
      case CallResult.Accepted a -> {
        g.writeStringField("socket", a.socket());
        g.writeStringField("peer", a.peer().toString());
      }
      case CallResult.Sent s -> {
        g.writeNumberField("sent", s.sent());
        g.writeNumberField("requested", s.requested());
      }
      case CallResult.SentAll s -> g.writeNumberField("sent", s.sent());
      case CallResult.Received r -> {
        byte[] data = r.data();
        g.writeNumberField("len", data.length);
        g.writeStringField("data", Base64.getEncoder().encodeToString(data));
        g.writeStringField("repr", PythonBytes.repr(data, PythonBytes.ARGUMENT_LIMIT));
        g.writeBooleanField("eof", r.eof());
      }
      case CallResult.Address a -> {
        g.writeStringField("host", a.endpoint().host());
        g.writeNumberField("port", a.endpoint().port());
      }
      case CallResult.NoResult n -> {
        // written as null by result()
      }
      case CallResult.ErrorCode c -> {
        // written as returned by result()
      }
      case CallResult.Option o -> {
        // written as returned by result()
      }
    }
  }
}

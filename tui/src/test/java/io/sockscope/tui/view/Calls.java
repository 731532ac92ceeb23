package io.sockscope.tui.view;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Op;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Call and state records as a session makes them, for the view's tests. */
final class Calls {
  static final long START = 1_700_000_000_000_000L;

  private Calls() {}

  static TranscriptRecord.Call call(long id, String socket, Op op, String source,
      CallResult result, Endpoint local, Endpoint remote) {
    return call(id, socket, op, Map.of(), source, result, local, remote);
  }

  static TranscriptRecord.Call call(long id, String socket, Op op, Map<String, Object> args,
      String source, CallResult result, Endpoint local, Endpoint remote) {
    return new TranscriptRecord.Call(new CallEvent(id, socket, op, new LinkedHashMap<>(args),
        START + id * 1000, START + id * 1000 + 210, result, Optional.empty(),
        Optional.ofNullable(local), Optional.ofNullable(remote), Optional.empty()), source,
        Optional.empty(), OptionalInt.empty());
  }

  static TranscriptRecord.State state(String socket, String tcpState, long sendQ, long recvQ) {
    return new TranscriptRecord.State(socket, tcpState, sendQ, recvQ, OptionalLong.of(31), true,
        Optional.empty());
  }

  static Endpoint at(int port) {
    return new Endpoint("127.0.0.1", port);
  }
}

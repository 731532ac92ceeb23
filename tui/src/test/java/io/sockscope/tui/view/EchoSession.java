package io.sockscope.tui.view;

import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Op;
import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.explain.ExplanationCode;
import io.sockscope.inspector.live.LiveExplanation;
import io.sockscope.shell.complete.SessionNames;
import io.sockscope.shell.complete.TabCompletion;
import io.sockscope.shell.run.TranscriptRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The tutorial's echo client as a session reports it — socket, connect, send, recv, close
 * against an echo peer — with the segments of the corpus capture {@code handshake_echo}
 * (127.0.0.1:39564 → 127.0.0.1:47101) attributed as the live inspector attributes them: the
 * handshake to connect, the data to send, the peer's echo as the peer's, the FIN to close.
 */
public final class EchoSession {

  static final Endpoint CLIENT = Calls.at(39564);
  static final Endpoint PEER = Calls.at(47101);

  private EchoSession() {}

  /** A view at {@code columns} × {@code rows} with nothing in it. */
  public static SessionView emptyView(int columns, int rows) {
    SessionView view = new SessionView(new TabCompletion(SessionNames.empty(), Path.of(".")),
        new History(List.of()), name -> name.equals("s"));
    view.resize(columns, rows);
    return view;
  }

  /** A view at {@code columns} × {@code rows} after the whole session. */
  public static SessionView view(int columns, int rows) {
    SessionView view = emptyView(columns, rows);
    feed(view);
    return view;
  }

  /** Feeds the session's records, segments and explanations, in the order they happen. */
  public static void feed(SessionView view) {
    Recorded r = Recorded.of("handshake_echo");
    view.accept(new TranscriptRecord.Peer(TranscriptRecord.PeerEvent.STARTED, "echo", "echo",
        PEER, false));
    view.accept(Calls.call(1, "s", Op.SOCKET, "s = socket.socket()", new CallResult.Fd(5), null,
        null));
    view.accept(Calls.state("s", "CLOSE", 0, 0));
    view.accept(Calls.call(2, "s", Op.CONNECT, "s.connect((\"127.0.0.1\", 47101))",
        new CallResult.NoResult(), CLIENT, PEER));
    for (int i = 0; i < 3; i++) {
      view.accept(r.wire(i, OptionalLong.of(2), WireSegment.Origin.CALL));
    }
    view.accept(explained(r, ExplanationCode.HANDSHAKE, 2));
    view.accept(Calls.state("s", "ESTABLISHED", 0, 0));
    view.accept(Calls.call(3, "s", Op.SEND, "s.send(b\"hello\\n\")",
        new CallResult.Sent(6, 6), CLIENT, PEER));
    view.accept(r.wire(3, OptionalLong.of(3), WireSegment.Origin.CALL));
    view.accept(r.wire(4, OptionalLong.of(3), WireSegment.Origin.CALL));
    view.accept(explained(r, ExplanationCode.DATA, 3));
    view.accept(Calls.state("s", "ESTABLISHED", 0, 0));
    view.accept(r.wire(5, OptionalLong.empty(), WireSegment.Origin.PEER));
    view.accept(r.wire(6, OptionalLong.empty(), WireSegment.Origin.KERNEL));
    view.accept(Calls.call(4, "s", Op.RECV, "s.recv(1024)",
        new CallResult.Received("hello\n".getBytes(), false), CLIENT, PEER));
    view.accept(Calls.state("s", "ESTABLISHED", 0, 0));
    view.accept(Calls.call(5, "s", Op.CLOSE, "s.close()", new CallResult.NoResult(), CLIENT,
        PEER));
    view.accept(r.wire(7, OptionalLong.of(5), WireSegment.Origin.CALL));
    view.accept(r.wire(8, OptionalLong.empty(), WireSegment.Origin.PEER));
    view.accept(r.wire(9, OptionalLong.empty(), WireSegment.Origin.KERNEL));
    view.accept(explained(r, ExplanationCode.FIN, 5));
    view.accept(new TranscriptRecord.State("s", "TIME_WAIT", 0, 0, OptionalLong.empty(), false,
        Optional.of(java.time.Duration.ofSeconds(60))));
  }

  /** The corpus's explanation with {@code code}, as the live inspector gives it for a call. */
  static LiveExplanation explained(Recorded r, ExplanationCode code, long call) {
    Explanation e = r.explanations().stream().filter(x -> x.code() == code).findFirst()
        .orElseThrow(() -> new AssertionError("handshake_echo has no " + code + " explanation: "
            + r.explanations()));
    return live(e, OptionalLong.of(call));
  }

  /** An explanation of the offline explainer as the live inspector hands it over. */
  static LiveExplanation live(Explanation e, OptionalLong call) {
    return new LiveExplanation(e.code(), call, OptionalInt.of(e.stream()), e.frames(),
        e.frameCount(), OptionalLong.of(e.keyFrame()), e.text(), e.inferred());
  }
}

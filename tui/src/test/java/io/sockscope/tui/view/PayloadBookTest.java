package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallResult;
import io.sockscope.engine.Op;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A segment's payload when the capture hands over none: the bytes its socket's calls showed. */
class PayloadBookTest {

  private static final Recorded ECHO = Recorded.of("handshake_echo");

  private static WireSegment bare(int i, OptionalLong call, WireSegment.Origin origin) {
    return new WireSegment(ECHO.segments().get(i), call, origin, Optional.empty());
  }

  /** The echo session with no payloads from the capture; the recv only if {@code read}. */
  private static SessionView session(boolean read) {
    SessionView view = EchoSession.emptyView(200, 50);
    view.accept(Calls.call(2, "s", Op.CONNECT, "s.connect(...)", new CallResult.NoResult(),
        EchoSession.CLIENT, EchoSession.PEER));
    for (int i = 0; i < 3; i++) {
      view.accept(bare(i, OptionalLong.of(2), WireSegment.Origin.CALL));
    }
    view.accept(Calls.call(3, "s", Op.SEND, Map.of("len", 6, "repr", "b'hello\\n'"),
        "s.send(b\"hello\\n\")", new CallResult.Sent(6, 6), EchoSession.CLIENT, EchoSession.PEER));
    view.accept(bare(3, OptionalLong.of(3), WireSegment.Origin.CALL));
    view.accept(bare(4, OptionalLong.of(3), WireSegment.Origin.CALL));
    view.accept(bare(5, OptionalLong.empty(), WireSegment.Origin.PEER));
    if (read) {
      view.accept(Calls.call(4, "s", Op.RECV, Map.of("bufsize", 1024), "s.recv(1024)",
          new CallResult.Received("hello\n".getBytes(StandardCharsets.US_ASCII), false),
          EchoSession.CLIENT, EchoSession.PEER));
    }
    view.focus(Pane.SEGMENTS);
    return view;
  }

  private static List<String> detailOfFrame(SessionView view, long frame) {
    view.segments().home();
    for (int i = 0; i < 20; i++) {
      if (view.segments().selected().orElseThrow() instanceof SegmentRow.Wire w
          && w.wire().segment().frame() == frame) {
        return Rows.of(view.detailRows());
      }
      view.segments().move(1);
    }
    throw new AssertionError("no frame " + frame);
  }

  @Test
  void whatASocketSentComesFromItsSendCall() {
    assertThat(detailOfFrame(session(false), 4)).contains("payload 6 bytes",
        "0000  68 65 6c 6c 6f 0a                                hello.");
  }

  @Test
  void whatItReceivedComesFromItsRecvOnceRead() {
    assertThat(detailOfFrame(session(false), 6)).contains(
        "payload 6 bytes, not shown: s has not read them yet (recv shows them)");
    assertThat(detailOfFrame(session(true), 6)).contains("payload 6 bytes",
        "0000  68 65 6c 6c 6f 0a                                hello.");
  }

  @Test
  void aReprCutShortShowsNothing() {
    PayloadBook book = new PayloadBook();
    book.learn(Calls.call(3, "s", Op.SENDALL, Map.of("len", 100, "repr", "b'xxxx'..."),
        "s.sendall(x)", new CallResult.SentAll(100), EchoSession.CLIENT, EchoSession.PEER));
    assertThat(book.payload(ECHO.segments().get(3), "s", true)).isEmpty();
  }

  @Test
  void reprsDecodeAsPythonWroteThem() {
    assertThat(ReprBytes.decode("b'a\\tb\\n\\x00\\xff\\\\'")).hasValueSatisfying(b ->
        assertThat(b).containsExactly('a', '\t', 'b', '\n', 0, 0xff, '\\'));
    assertThat(ReprBytes.decode("b\"it's\"")).hasValueSatisfying(b ->
        assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("it's"));
    assertThat(ReprBytes.decode("b'abc'...")).isEmpty();
    assertThat(ReprBytes.decode("'abc'")).isEmpty();
    assertThat(ReprBytes.decode("b'\\x4'")).isEmpty();
  }
}

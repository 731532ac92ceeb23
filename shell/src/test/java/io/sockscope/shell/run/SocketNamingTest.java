package io.sockscope.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Socket names, and sockets closed as CPython's reference counting closes them. */
class SocketNamingTest {

  @Test
  void aSocketIsNamedAfterTheVariableItIsFirstAssignedTo() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          server = socket.socket()
          server.bind(("127.0.0.1", 0))
          server.listen(2)
          with socket.socket() as client:
              client.connect(server.getsockname())
              conn, addr = server.accept()
              conn.close()
          other = socket.create_connection(server.getsockname())
          accept server as second
          """);
      assertThat(runs.calls().stream().filter(c -> c.op() == Op.SOCKET).map(CallEvent::socket))
          .containsExactly("server", "client", "other");
      assertThat(runs.calls().stream().filter(c -> c.op() == Op.ACCEPT)
          .map(c -> c.args().get("as"))).containsExactly("conn", "second");
    }
  }

  @Test
  void socketsNoVariableReceivesAreNumbered() {
    try (Runs runs = new Runs()) {
      runs.ok("pair = [socket.socket(), socket.socket()]\nthird = socket.socket()\n");
      assertThat(runs.calls()).extracting(CallEvent::socket)
          .containsExactly("sock1", "sock2", "third");
    }
  }

  @Test
  void rebindingANameClosesTheOldSocketAsTheGarbageCollector() {
    try (Runs runs = new Runs()) {
      runs.ok("s = socket.socket()\ns = socket.socket()\nprint(s.fileno() > 2)\n");
      assertThat(runs.all(TranscriptRecord.Renamed.class))
          .containsExactly(new TranscriptRecord.Renamed("s", "s#1"));
      List<TranscriptRecord.Call> calls = runs.all(TranscriptRecord.Call.class);
      assertThat(calls).extracting(c -> c.event().op() + " " + c.event().socket())
          .containsExactly("SOCKET s", "SOCKET s", "CLOSE s#1", "FILENO s");
      assertThat(calls.get(2).source()).isEqualTo("s#1.close()");
      assertThat(calls.get(2).note()).contains(SocketRegistry.GARBAGE_COLLECTOR);
      assertThat(runs.session().engine().sockets()).extracting(io.sockscope.engine.Sock::name)
          .containsExactly("s");
    }
  }

  @Test
  void aSocketAnotherVariableStillHoldsIsRenamedToItAndStaysOpen() {
    try (Runs runs = new Runs()) {
      runs.ok("s = socket.socket()\nkeep = s\ns = socket.socket()\nkeep.fileno()\n");
      assertThat(runs.all(TranscriptRecord.Renamed.class))
          .containsExactly(new TranscriptRecord.Renamed("s", "keep"));
      assertThat(runs.calls()).extracting(c -> c.op() + " " + c.socket())
          .containsExactly("SOCKET s", "SOCKET s", "FILENO keep");
    }
  }

  @Test
  void aSocketNothingReceivesIsClosedRightAway() {
    try (Runs runs = new Runs()) {
      runs.ok("socket.socket()\nsockets\n");
      assertThat(runs.calls()).extracting(c -> c.op() + " " + c.socket())
          .containsExactly("SOCKET sock1", "CLOSE sock1");
      assertThat(runs.all(TranscriptRecord.Sockets.class)).singleElement()
          .satisfies(table -> assertThat(table.rows()).isEmpty());
    }
  }

  @Test
  void socketsHeldInContainersLoopsAndWithBlocksStayOpen() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          held = {"a": [socket.socket()]}
          for s in [socket.socket()]:
              x = 1
          with socket.socket() as w:
              y = 2
          del held
          """);
      List<String> closes = runs.calls().stream().filter(c -> c.op() == Op.CLOSE)
          .map(CallEvent::socket).toList();
      assertThat(closes).containsExactly("w", "sock1");
    }
  }

  @Test
  void aWithBlockClosesItsSocketAlsoWhenItRaises() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run("with socket.socket() as s:\n    raise RuntimeError('inside')\n");
      assertThat(runs.errors()).containsExactly("RuntimeError: inside");
      assertThat(((Outcome.Stopped) outcome).error().line()).isEqualTo(2);
      assertThat(runs.calls()).extracting(CallEvent::op).containsExactly(Op.SOCKET, Op.CLOSE);
    }
  }

  @Test
  void theEndOfTheSessionClosesEverySocketAndPeer() {
    Runs runs = new Runs();
    runs.ok("serve echo\na = socket.create_connection(echo)\nb = socket.socket()\n");
    runs.close();
    List<TranscriptRecord.Call> closes = runs.callRecords(c -> c.event().op() == Op.CLOSE);
    assertThat(closes).extracting(c -> c.event().socket()).containsExactly("a", "b");
    assertThat(closes).allSatisfy(c -> assertThat(c.note()).contains(Session.END_OF_SESSION));
    assertThat(runs.all(TranscriptRecord.Peer.class).getLast().event())
        .isEqualTo(TranscriptRecord.PeerEvent.STOPPED);
  }
}

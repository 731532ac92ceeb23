package io.sockscope.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Socket statements on real sockets against real peers: results, exceptions, the stop rule. */
class SocketStatementsTest {

  private static final String BOUND_NOT_LISTENING = """
      server = socket.socket()
      server.bind(("127.0.0.1", 0))
      address = server.getsockname()
      client = socket.socket()
      """;

  @Test
  void theTutorialClientRunsAsPastedAgainstTheEchoPeer() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          serve echo
          import socket

          HOST = "127.0.0.1"  # where the echo server listens
          PORT = echo[1]

          with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
              s.connect((HOST, PORT))
              s.sendall(b"Hello, world")
              data = s.recv(1024)

          print(f"Received {data!r}")
          """);
      assertThat(runs.stdout()).isEqualTo("Received b'Hello, world'\n");
      assertThat(runs.calls()).extracting(CallEvent::op).containsExactly(Op.SOCKET, Op.CONNECT,
          Op.SENDALL, Op.RECV, Op.CLOSE);
      assertThat(runs.calls()).extracting(CallEvent::socket).containsOnly("s");
      TranscriptRecord.Call close = runs.all(TranscriptRecord.Call.class).getLast();
      assertThat(close.source()).isEqualTo("s.close()");
      assertThat(close.note()).contains("end of with block");
      assertThat(runs.all(TranscriptRecord.Call.class).get(1).source())
          .isEqualTo("s.connect((HOST, PORT))");
    }
  }

  @Test
  void eachCallIsFollowedByTheKernelViewOfItsSocket() {
    try (Runs runs = new Runs()) {
      runs.ok("serve echo\ns = socket.create_connection(echo)\n");
      List<TranscriptRecord> records = runs.records();
      int connect = indexOf(records, Op.CONNECT);
      assertThat(records.get(connect + 1)).isInstanceOfSatisfying(TranscriptRecord.State.class,
          state -> {
            assertThat(state.socket()).isEqualTo("s");
            assertThat(state.tcpState()).isEqualTo("ESTABLISHED");
            assertThat(state.rttMicros()).isPresent();
            assertThat(state.fdOpen()).isTrue();
          });
    }
  }

  @Test
  void aRefusedConnectRaisesAsPythonDoesAndStopsTheProgram() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run(BOUND_NOT_LISTENING + "client.connect(address)\nprint('never')\n");
      assertThat(outcome).isInstanceOfSatisfying(Outcome.Stopped.class, stopped -> {
        assertThat(stopped.error().text())
            .isEqualTo("ConnectionRefusedError: [Errno 111] Connection refused");
        assertThat(stopped.error().line()).isEqualTo(5);
        assertThat(stopped.error().exception()).contains("ConnectionRefusedError");
        assertThat(stopped.exitCode()).isEqualTo(1);
      });
      assertThat(runs.stdout()).isEmpty();
      CallEvent connect = runs.calls().getLast();
      assertThat(connect.op()).isEqualTo(Op.CONNECT);
      assertThat(connect.errno().orElseThrow().name()).isEqualTo("ECONNREFUSED");
    }
  }

  @Test
  void expectErrorAcceptsTheFailureAndTheProgramGoesOn() {
    try (Runs runs = new Runs()) {
      runs.ok(BOUND_NOT_LISTENING + """
          client.connect(address)
          expect error ECONNREFUSED
          print("after")
          """);
      assertThat(runs.stdout()).isEqualTo("after\n");
      assertThat(runs.all(TranscriptRecord.Expect.class)).singleElement().satisfies(e -> {
        assertThat(e.met()).isTrue();
        assertThat(e.got()).isEqualTo("ConnectionRefusedError: [Errno 111] Connection refused");
        assertThat(e.line()).isEqualTo(6);
      });
    }
  }

  @Test
  void expectErrorByExceptionNameMatchesItsErrnos() {
    try (Runs runs = new Runs()) {
      runs.ok(BOUND_NOT_LISTENING + "client.connect(address)\nexpect error ConnectionError\n");
    }
  }

  @Test
  void expectErrorFailsWhenTheStatementSucceeded() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run("serve echo\ns = socket.socket()\ns.connect(echo)\n"
          + "expect error ECONNREFUSED\nprint('never')\n");
      assertThat(outcome).isInstanceOfSatisfying(Outcome.Stopped.class, stopped -> {
        assertThat(stopped.error().kind()).isEqualTo(TranscriptRecord.ErrorKind.EXPECTATION);
        assertThat(stopped.error().text()).isEqualTo("expectation not met: expect error "
            + "ECONNREFUSED: expected error ECONNREFUSED, got no error: the statement succeeded");
      });
      assertThat(runs.all(TranscriptRecord.Expect.class)).singleElement()
          .satisfies(e -> assertThat(e.met()).isFalse());
      assertThat(runs.stdout()).isEmpty();
    }
  }

  @Test
  void expectOkAfterAFailureShowsTheException() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run(BOUND_NOT_LISTENING + "client.connect(address)\nexpect ok\n");
      assertThat(outcome).isInstanceOf(Outcome.Stopped.class);
      assertThat(runs.all(TranscriptRecord.Expect.class)).singleElement().satisfies(e -> {
        assertThat(e.expected()).isEqualTo("ok");
        assertThat(e.got()).isEqualTo("ConnectionRefusedError: [Errno 111] Connection refused");
      });
    }
  }

  @Test
  void connectExReturnsTheErrnoAndExpectErrorAcceptsIt() {
    try (Runs runs = new Runs()) {
      runs.ok(BOUND_NOT_LISTENING + """
          code = client.connect_ex(address)
          expect error ECONNREFUSED
          print(code)
          """);
      assertThat(runs.stdout()).isEqualTo("111\n");
    }
  }

  @Test
  void sendingStrIsATypeErrorBeforeAnyCall() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run("serve echo\ns = socket.create_connection(echo)\ns.send('text')\n");
      assertThat(runs.errors()).containsExactly("TypeError: a bytes-like object is required, not 'str'");
      assertThat(outcome.exitCode()).isEqualTo(1);
      assertThat(runs.calls()).extracting(CallEvent::op).doesNotContain(Op.SEND);
    }
  }

  @Test
  void aTimeoutIsTimeoutErrorAndANonBlockingWaitIsBlockingIOError() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          serve echo
          s = socket.create_connection(echo)
          s.settimeout(0.05)
          try:
              s.recv(10)
          except socket.timeout as e:
              print(type(e).__name__, e, e.errno)
          s.setblocking(False)
          try:
              s.recv(10)
          except BlockingIOError as e:
              print(e)
          print(s.gettimeout(), s.getblocking())
          """);
      assertThat(runs.stdout()).isEqualTo("TimeoutError timed out None\n"
          + "[Errno 11] Resource temporarily unavailable\n0.0 False\n");
      List<CallEvent> recvs = runs.calls().stream().filter(c -> c.op() == Op.RECV).toList();
      assertThat(recvs).hasSize(2).noneMatch(CallEvent::ok);
    }
  }

  @Test
  void socketErrorsAreCaughtByTheirPythonClasses() {
    try (Runs runs = new Runs()) {
      runs.ok(BOUND_NOT_LISTENING + """
          try:
              client.connect(address)
          except ConnectionRefusedError as e:
              print("refused", e.errno, e.strerror)
          try:
              socket.socket().connect(address)
          except OSError as e:
              print(type(e).__name__, isinstance(e, ConnectionError))
          """);
      assertThat(runs.stdout()).isEqualTo(
          "refused 111 Connection refused\nConnectionRefusedError True\n");
    }
  }

  @Test
  void createConnectionCallsSocketThenConnectAndClosesWhenRefused() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run(BOUND_NOT_LISTENING
          + "sock = socket.create_connection(address, timeout=2)\n");
      assertThat(outcome).isInstanceOf(Outcome.Stopped.class);
      List<TranscriptRecord.Call> calls = runs.callRecords(c -> c.event().socket().equals("sock"));
      assertThat(calls).extracting(c -> c.event().op())
          .containsExactly(Op.SOCKET, Op.SETTIMEOUT, Op.CONNECT, Op.CLOSE);
      assertThat(calls.getFirst().source())
          .isEqualTo("sock = socket.create_connection(address, timeout=2)");
      assertThat(calls.get(2).source()).startsWith("sock.connect(('127.0.0.1', ");
      assertThat(calls.subList(1, 4)).allSatisfy(c ->
          assertThat(c.note()).contains("in socket.create_connection"));
    }
  }

  @Test
  void aNestedCallShowsItsOwnTextAndTheOuterCallTheStatement() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          server = socket.socket()
          server.bind(("127.0.0.1", 0))
          server.listen(1)
          client = socket.socket()
          client.connect(server.getsockname())
          print(client.fileno() > 2)
          """);
      List<TranscriptRecord.Call> calls = runs.all(TranscriptRecord.Call.class);
      assertThat(calls).extracting(TranscriptRecord.Call::source).containsSubsequence(
          "server.getsockname()", "client.connect(server.getsockname())",
          "print(client.fileno() > 2)");
    }
  }

  @Test
  void theShortFormMakesTheSameCallsAsPython() {
    try (Runs runs = new Runs()) {
      runs.ok("serve echo\n");
      int port = runs.all(TranscriptRecord.Peer.class).getFirst().endpoint().port();
      runs.ok("""
          socket s
          connect s :%d
          send s "hi\\n"
          recv s 100
          expect recv b"hi\\n"
          opt s linger 1,0
          close s
          """.formatted(port));
      assertThat(runs.calls()).extracting(CallEvent::op).containsExactly(Op.SOCKET, Op.CONNECT,
          Op.SEND, Op.RECV, Op.SETSOCKOPT, Op.CLOSE);
      assertThat(runs.all(TranscriptRecord.Call.class)).extracting(TranscriptRecord.Call::source)
          .containsExactly("socket s", "connect s :" + port, "send s \"hi\\n\"", "recv s 100",
              "opt s linger 1,0", "close s");
      CallEvent linger = runs.calls().get(4);
      assertThat(linger.args()).containsEntry("option", "SO_LINGER")
          .containsEntry("value", List.of(1, 0));
      assertThat(runs.calls().getLast().closing().orElseThrow().resets()).isTrue();
    }
  }

  @Test
  void aSocketPrintsAsCPythonWritesIt() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          s = socket.socket()
          s.bind(("127.0.0.1", 0))
          text = repr(s)
          fd = s.fileno()
          port = s.getsockname()[1]
          print(text == "<socket.socket fd=%d, family=2, type=1, proto=0, laddr=('127.0.0.1', %d)>" % (fd, port))
          s.close()
          print(s)
          """);
      assertThat(runs.stdout()).isEqualTo(
          "True\n<socket.socket [closed] fd=-1, family=2, type=1, proto=0>\n");
    }
  }

  @Test
  void stopEndsAPeerByNameOrByPort() {
    try (Runs runs = new Runs()) {
      runs.ok("serve discard\nserve echo\nstop discard\npeers\n");
      List<TranscriptRecord.Peer> peers = runs.all(TranscriptRecord.Peer.class);
      assertThat(peers).extracting(p -> p.event() + " " + p.name())
          .containsExactly("STARTED discard", "STARTED echo", "STOPPED discard");
      assertThat(runs.all(TranscriptRecord.Peers.class)).singleElement()
          .satisfies(p -> assertThat(p.rows()).extracting(TranscriptRecord.PeerRow::name)
              .containsExactly("echo"));
      runs.ok("stop " + peers.get(1).endpoint().port() + "\n");
      assertThat(runs.session().engine().peers()).isEmpty();
      Outcome missing = runs.run("stop nosuch\n");
      assertThat(runs.errors().getLast())
          .isEqualTo("LookupError: no peer called nosuch; no peer is running");
      assertThat(missing.exitCode()).isEqualTo(1);
    }
  }

  private static int indexOf(List<TranscriptRecord> records, Op op) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof TranscriptRecord.Call c && c.event().op() == op) {
        return i;
      }
    }
    throw new AssertionError("no " + op + " call in " + records);
  }
}

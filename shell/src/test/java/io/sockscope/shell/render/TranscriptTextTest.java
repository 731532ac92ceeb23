package io.sockscope.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Failure;
import io.sockscope.engine.Op;
import io.sockscope.shell.run.TranscriptRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The text transcript's lines, exactly (docs/TRANSCRIPT.md). */
class TranscriptTextTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final TranscriptText text = new TranscriptText(
      new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8), Styler.PLAIN);

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static TranscriptRecord.Call call(io.sockscope.engine.CallEvent e, String source) {
    return new TranscriptRecord.Call(e, source, Optional.empty(), OptionalInt.empty());
  }

  @Test
  void aCallLineHasItsOutcomeAtColumnSixtyThenItsDuration() {
    text.emit(call(Calls.ok(2, "s", Op.CONNECT, Map.of("host", "127.0.0.1", "port", 9000), 210,
        new CallResult.NoResult()), "s.connect((\"127.0.0.1\", 9000))"));
    assertThat(out()).isEqualTo(
        "[2] s.connect((\"127.0.0.1\", 9000))                          ok  0.21 ms\n");
    assertThat(out().indexOf("ok")).isEqualTo(TextLine.OUTCOME_COLUMN);
  }

  @Test
  void valuesShowAsPythonPrintsThem() {
    text.emit(call(Calls.ok(1, "s", Op.SOCKET, Map.of(), 50, new CallResult.Fd(5)),
        "s = socket.socket()"));
    text.emit(call(Calls.ok(3, "s", Op.SEND, Map.of(), 1500, new CallResult.Sent(6, 6)),
        "s.send(b\"hello\\n\")"));
    text.emit(call(Calls.ok(4, "s", Op.RECV, Map.of(), 2_500_000,
        new CallResult.Received("hello\n".getBytes(StandardCharsets.UTF_8), false)),
        "data = s.recv(1024)"));
    text.emit(call(Calls.ok(5, "s", Op.GETPEERNAME, Map.of(), 10,
        new CallResult.Address(new Endpoint("127.0.0.1", 9000))), "s.getpeername()"));
    text.emit(call(Calls.ok(6, "srv", Op.ACCEPT, Map.of(), 10,
        new CallResult.Accepted("conn", new Endpoint("127.0.0.1", 51234),
            new Endpoint("127.0.0.1", 9000))), "conn, addr = srv.accept()"));
    text.emit(call(Calls.ok(7, "c", Op.CONNECT_EX, Map.of(), 10, new CallResult.ErrorCode(111)),
        "c.connect_ex(addr)"));
    text.emit(call(Calls.ok(8, "w", Op.SEND, Map.of(), 10, new CallResult.Sent(2304, 1048576)),
        "w.send(big)"));
    assertThat(out()).isEqualTo("""
        [1] s = socket.socket()                                     fd 5  0.05 ms
        [3] s.send(b"hello\\n")                                      → 6  1.50 ms
        [4] data = s.recv(1024)                                     → b'hello\\n'  2.50 s
        [5] s.getpeername()                                         → ('127.0.0.1', 9000)  0.01 ms
        [6] conn, addr = srv.accept()                               → conn, ('127.0.0.1', 51234)  0.01 ms
        [7] c.connect_ex(addr)                                      → 111 (ECONNREFUSED)  0.01 ms
        [8] w.send(big)                                             → 2304 (of 1048576)  0.01 ms
        """);
  }

  @Test
  void failuresShowAsPythonRaisesThem() {
    text.emit(call(Calls.failed(5, "c", Op.CONNECT, Map.of(), 120, Calls.errno(111),
        new CallResult.NoResult()), "c.connect(address)"));
    text.emit(call(Calls.failed(6, "s", Op.RECV, Map.of(), 2000, new Failure.TimedOut(),
        new CallResult.NoResult()), "s.recv(10)"));
    text.emit(call(Calls.failed(7, "s", Op.SENDALL, Map.of(), 30, new Failure.Cancelled(),
        new CallResult.SentAll(4608)), "s.sendall(data)"));
    assertThat(out()).isEqualTo("""
        [5] c.connect(address)                                      ConnectionRefusedError: [Errno 111] Connection refused  0.12 ms
        [6] s.recv(10)                                              TimeoutError: timed out  2.00 ms
        [7] s.sendall(data)                                         KeyboardInterrupt (4608 bytes sent first)  0.03 ms
        """);
  }

  @Test
  void notesAndJobsFollowTheDuration() {
    text.emit(new TranscriptRecord.Call(Calls.ok(9, "w", Op.CLOSE, Map.of(), 70,
        new CallResult.NoResult()), "w.close()", Optional.of("end of with block"),
        OptionalInt.empty()));
    text.emit(new TranscriptRecord.Call(Calls.ok(10, "conn", Op.ACCEPT, Map.of(), 1000,
        new CallResult.Accepted("conn", new Endpoint("::1", 4000), new Endpoint("::1", 9000))),
        "conn, addr = srv.accept() &", Optional.empty(), OptionalInt.of(1)));
    assertThat(out()).isEqualTo("""
        [9] w.close()                                               ok  0.07 ms  (end of with block)
        [10] conn, addr = srv.accept() &                            → conn, ('::1', 4000, 0, 0)  1.00 ms  (job 1)
        """);
  }

  @Test
  void stateLinesSayWhatTheKernelHolds() {
    text.emit(new TranscriptRecord.State("s", "ESTABLISHED", 0, 6, OptionalLong.of(33), true,
        Optional.empty()));
    text.emit(new TranscriptRecord.State("srv", "LISTEN", 128, 1, OptionalLong.empty(), true,
        Optional.empty()));
    text.emit(new TranscriptRecord.State("c", "CLOSE", 1, 0, OptionalLong.empty(), true,
        Optional.empty()));
    text.emit(new TranscriptRecord.State("w", "TIME_WAIT", 0, 0, OptionalLong.empty(), false,
        Optional.of(Duration.ofMillis(59_400))));
    text.emit(new TranscriptRecord.State("x", "CLOSE", 0, 0, OptionalLong.empty(), false,
        Optional.empty()));
    text.emit(new TranscriptRecord.State("y", "ESTABLISHED", 0, 0, OptionalLong.of(1500), true,
        Optional.empty()));
    assertThat(out()).isEqualTo("""
              state s ESTABLISHED  send-q 0 B  recv-q 6 B  rtt 33 µs
              state srv LISTEN  accept queue 1 of 128
              state c CLOSE
              state w TIME_WAIT  fd closed, the kernel keeps it 60 s more
              state x CLOSE  fd closed
              state y ESTABLISHED  send-q 0 B  recv-q 0 B  rtt 1.50 ms
        """);
  }

  @Test
  void outputIsWrittenAsPrintedAndAnOpenLineEndsBeforeTheNextRecord() {
    text.emit(new TranscriptRecord.Output(TranscriptRecord.Stream.STDOUT, "no newline"));
    text.emit(new TranscriptRecord.Note("next"));
    text.emit(new TranscriptRecord.Output(TranscriptRecord.Stream.STDERR, "to stderr\n"));
    assertThat(out()).isEqualTo("no newline\nnote: next\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("to stderr\n");
  }

  @Test
  void expectationsPeersJobsAndRenamesHaveALineEach() {
    text.emit(new TranscriptRecord.Expect("f", 3, "expect error ECONNREFUSED", true,
        "error ECONNREFUSED", "ConnectionRefusedError: [Errno 111] Connection refused"));
    text.emit(new TranscriptRecord.Expect("f", 5, "expect recv b\"hihi\"", false, "b'hihi'",
        "b'hi'"));
    text.emit(new TranscriptRecord.Peer(TranscriptRecord.PeerEvent.STARTED, "echo", "echo",
        new Endpoint("127.0.0.1", 9000), false));
    text.emit(new TranscriptRecord.Peer(TranscriptRecord.PeerEvent.STOPPED, "echo", "echo",
        new Endpoint("127.0.0.1", 9000), false));
    text.emit(new TranscriptRecord.JobStarted(1, "conn, addr = srv.accept()", 4));
    text.emit(new TranscriptRecord.JobDone(1, TranscriptRecord.JobEnd.FAILED,
        Optional.of("OSError: [Errno 9] Bad file descriptor")));
    text.emit(new TranscriptRecord.JobDone(2, TranscriptRecord.JobEnd.CANCELLED, Optional.empty()));
    text.emit(new TranscriptRecord.Renamed("s", "s#1"));
    text.emit(new TranscriptRecord.Capture("unavailable", Optional.empty(),
        Optional.of("no libpcap"), OptionalLong.empty(), OptionalLong.empty()));
    text.emit(new TranscriptRecord.Capture("ok", Optional.of("lo"), Optional.empty(),
        OptionalLong.of(12), OptionalLong.of(0)));
    assertThat(out()).isEqualTo("""
          ✓ expect error ECONNREFUSED                               ConnectionRefusedError: [Errno 111] Connection refused
          ✗ expect recv b"hihi"                                     expected b'hihi', got b'hi'
        peer echo: echo listening on 127.0.0.1:9000
        peer echo: stopped (echo on 127.0.0.1:9000)
        [&1] conn, addr = srv.accept() &                            running in the background
        [&1] failed: OSError: [Errno 9] Bad file descriptor
        [&2] cancelled: still waiting when the session ended
        note: socket s is now called s#1: its name went to a new socket
        capture: unavailable: no libpcap
        capture: lo, 12 frames captured, 0 dropped
        """);
  }

  @Test
  void errorsGoToTheErrorStreamAsFileLineMessage() {
    text.emit(new TranscriptRecord.Error("client.py", 4, TranscriptRecord.ErrorKind.EXCEPTION,
        Optional.of("ConnectionRefusedError"),
        "ConnectionRefusedError: [Errno 111] Connection refused"));
    assertThat(out()).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("client.py:4: ConnectionRefusedError: [Errno 111] Connection refused\n");
  }

  @Test
  void tablesAlignTheirColumns() {
    text.emit(new TranscriptRecord.Sockets(java.util.List.of(
        new TranscriptRecord.SocketRow("srv", 22, Optional.of(new Endpoint("127.0.0.1", 40875)),
            Optional.empty(), "LISTEN", 1, 0, OptionalLong.empty()),
        new TranscriptRecord.SocketRow("c2", 24, Optional.of(new Endpoint("127.0.0.1", 48602)),
            Optional.of(new Endpoint("127.0.0.1", 40875)), "ESTABLISHED", 0, 0,
            OptionalLong.of(25)))));
    text.emit(new TranscriptRecord.Jobs(java.util.List.of()));
    assertThat(out()).isEqualTo("""
        name  fd  local            remote           state        send-q  recv-q  rtt
        srv   22  127.0.0.1:40875  -                LISTEN       1       0       -
        c2    24  127.0.0.1:48602  127.0.0.1:40875  ESTABLISHED  0       0       25 µs
        no background jobs
        """);
  }

  @Test
  void aStylerDressesEachPieceByItsRole() {
    TranscriptText coloured = new TranscriptText(new PrintStream(out, true, StandardCharsets.UTF_8),
        System.err, (piece, role) -> "<" + role + ">" + piece);
    coloured.emit(call(Calls.ok(2, "s", Op.CLOSE, Map.of(), 10, new CallResult.NoResult()),
        "s.close()"));
    assertThat(out()).startsWith("<CALL_ID>[2] <SOURCE>s.close()")
        .contains("<OK>ok  <DURATION>0.01 ms");
  }
}

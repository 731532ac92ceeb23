package io.sockscope.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Failure;
import io.sockscope.engine.Op;
import io.sockscope.engine.OptValue;
import io.sockscope.shell.run.TranscriptRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** JSON lines exactly as SPEC §5 and docs/JSON.md give them. */
class TranscriptJsonTest {

  private static String call(io.sockscope.engine.CallEvent e) {
    return TranscriptJson.line(new TranscriptRecord.Call(e, "src", Optional.empty(),
        OptionalInt.empty()));
  }

  private static Map<String, Object> args(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void aCallRecordHasSpecFieldsInOrder() {
    assertThat(call(Calls.ok(2, "s", Op.CONNECT, args("host", "127.0.0.1", "port", 9000), 210,
        new CallResult.NoResult()))).isEqualTo("{\"type\":\"call\",\"id\":2,\"socket\":\"s\","
            + "\"op\":\"connect\",\"args\":{\"host\":\"127.0.0.1\",\"port\":9000},"
            + "\"start_us\":1700000000000000,\"end_us\":1700000000000210,\"ok\":true,"
            + "\"result\":null,\"errno\":null,\"error\":null}");
  }

  @Test
  void aFailedCallNamesItsErrnoAndMessage() {
    assertThat(call(Calls.failed(5, "c", Op.CONNECT, args(), 1, Calls.errno(111),
        new CallResult.NoResult()))).endsWith(
            "\"ok\":false,\"result\":null,\"errno\":\"ECONNREFUSED\",\"error\":\"Connection refused\"}");
    assertThat(call(Calls.failed(6, "s", Op.RECV, args(), 1, new Failure.TimedOut(),
        new CallResult.NoResult()))).endsWith("\"errno\":null,\"error\":\"timed out\"}");
    assertThat(call(Calls.failed(7, "s", Op.RECV, args(), 1, new Failure.Cancelled(),
        new CallResult.NoResult()))).endsWith("\"errno\":null,\"error\":\"KeyboardInterrupt\"}");
    assertThat(call(Calls.failed(8, "s", Op.CONNECT, args(), 1,
        new Failure.AddressError(-2, "EAI_NONAME", "Name or service not known"),
        new CallResult.NoResult())))
        .endsWith("\"errno\":\"EAI_NONAME\",\"error\":\"Name or service not known\"}");
    assertThat(call(Calls.failed(9, "s", Op.SENDALL, args(), 1, new Failure.TimedOut(),
        new CallResult.SentAll(4608)))).contains("\"ok\":false,\"result\":{\"sent\":4608}");
  }

  @Test
  void resultsAreShapedPerOp() {
    assertThat(call(Calls.ok(1, "s", Op.SOCKET, args(), 1, new CallResult.Fd(5))))
        .contains("\"result\":{\"fd\":5}");
    assertThat(call(Calls.ok(1, "srv", Op.ACCEPT, args("as", "conn"), 1,
        new CallResult.Accepted("conn", new Endpoint("127.0.0.1", 51234),
            new Endpoint("127.0.0.1", 9000)))))
        .contains("\"args\":{\"as\":\"conn\"}")
        .contains("\"result\":{\"socket\":\"conn\",\"peer\":\"127.0.0.1:51234\"}");
    assertThat(call(Calls.ok(1, "s", Op.SEND, args("len", 6, "repr", "b'hello\\n'"), 1,
        new CallResult.Sent(6, 6))))
        .contains("\"args\":{\"len\":6,\"repr\":\"b'hello\\\\n'\"}")
        .contains("\"result\":{\"sent\":6,\"requested\":6}");
    assertThat(call(Calls.ok(1, "s", Op.SENDALL, args(), 1, new CallResult.SentAll(6))))
        .contains("\"result\":{\"sent\":6}");
    assertThat(call(Calls.ok(1, "s", Op.RECV, args("bufsize", 1024), 1,
        new CallResult.Received("hi".getBytes(StandardCharsets.US_ASCII), false))))
        .contains("\"result\":{\"len\":2,\"data\":\"aGk=\",\"repr\":\"b'hi'\",\"eof\":false}");
    assertThat(call(Calls.ok(1, "s", Op.RECV, args(), 1,
        new CallResult.Received(new byte[0], true)))).contains("\"eof\":true");
    assertThat(call(Calls.ok(1, "s", Op.GETSOCKNAME, args(), 1,
        new CallResult.Address(new Endpoint("::1", 9000)))))
        .contains("\"result\":{\"host\":\"::1\",\"port\":9000}");
    assertThat(call(Calls.ok(1, "s", Op.CONNECT_EX, args(), 1, new CallResult.ErrorCode(111))))
        .contains("\"ok\":true,\"result\":null,\"returned\":111,\"errno\":null");
    assertThat(call(Calls.ok(1, "s", Op.GETSOCKOPT, args(), 1,
        new CallResult.Option(new OptValue.IntValue(1)))))
        .contains("\"result\":null,\"returned\":1,");
    assertThat(call(Calls.ok(1, "s", Op.FILENO, args(), 1, new CallResult.Fd(5))))
        .contains("\"result\":null,\"returned\":5,");
    assertThat(call(Calls.ok(1, "s", Op.SOCKET, args(), 1, new CallResult.Fd(5))))
        .contains("\"result\":{\"fd\":5},\"errno\"");
    assertThat(call(Calls.ok(1, "s", Op.SETSOCKOPT, args("level", "SOL_SOCKET", "option",
        "SO_LINGER", "value", List.of(1, 0)), 1, new CallResult.NoResult())))
        .contains("\"args\":{\"level\":\"SOL_SOCKET\",\"option\":\"SO_LINGER\",\"value\":[1,0]}");
    assertThat(call(Calls.ok(1, "s", Op.SETTIMEOUT, args("seconds", null), 1,
        new CallResult.NoResult()))).contains("\"args\":{\"seconds\":null}");
  }

  @Test
  void stateOutputExpectAndErrorRecords() {
    assertThat(TranscriptJson.line(new TranscriptRecord.State("s", "ESTABLISHED", 0, 6,
        OptionalLong.of(31), true, Optional.empty()))).isEqualTo("{\"type\":\"state\","
            + "\"socket\":\"s\",\"tcp_state\":\"ESTABLISHED\",\"send_q\":0,\"recv_q\":6,"
            + "\"rtt_us\":31}");
    assertThat(TranscriptJson.line(new TranscriptRecord.State("w", "TIME_WAIT", 0, 0,
        OptionalLong.empty(), false, Optional.empty()))).endsWith("\"rtt_us\":null}");
    assertThat(TranscriptJson.line(new TranscriptRecord.Output(TranscriptRecord.Stream.STDOUT,
        "reply: b'hi'\n"))).isEqualTo(
            "{\"type\":\"output\",\"stream\":\"stdout\",\"text\":\"reply: b'hi'\\n\"}");
    assertThat(TranscriptJson.line(new TranscriptRecord.Expect("lab.sc", 8,
        "expect error ECONNREFUSED", true, "error ECONNREFUSED", "ConnectionRefusedError")))
        .isEqualTo("{\"type\":\"expect\",\"file\":\"lab.sc\",\"line\":8,\"source\":"
            + "\"expect error ECONNREFUSED\",\"ok\":true,\"expected\":\"error ECONNREFUSED\","
            + "\"got\":\"ConnectionRefusedError\"}");
    assertThat(TranscriptJson.line(new TranscriptRecord.Error("c.py", 4,
        TranscriptRecord.ErrorKind.EXCEPTION, Optional.of("socket.gaierror"), "x")))
        .isEqualTo("{\"type\":\"error\",\"file\":\"c.py\",\"line\":4,\"kind\":\"exception\","
            + "\"exception\":\"socket.gaierror\",\"text\":\"x\"}");
    assertThat(TranscriptJson.line(new TranscriptRecord.Capture("unavailable", Optional.empty(),
        Optional.of("why"), OptionalLong.empty(), OptionalLong.empty())))
        .isEqualTo("{\"type\":\"capture\",\"status\":\"unavailable\",\"reason\":\"why\"}");
    assertThat(TranscriptJson.line(new TranscriptRecord.Capture("ok", Optional.of("lo"),
        Optional.empty(), OptionalLong.of(12), OptionalLong.of(0))))
        .isEqualTo("{\"type\":\"capture\",\"iface\":\"lo\",\"status\":\"ok\",\"received\":12,"
            + "\"dropped\":0}");
  }

  @Test
  void peerJobAndRenameRecords() {
    assertThat(TranscriptJson.line(new TranscriptRecord.Peer(TranscriptRecord.PeerEvent.STARTED,
        "echo", "echo", new Endpoint("127.0.0.1", 9000), false))).isEqualTo("{\"type\":\"peer\","
            + "\"event\":\"started\",\"peer\":\"echo\",\"kind\":\"echo\","
            + "\"address\":\"127.0.0.1:9000\",\"exposed\":false}");
    assertThat(TranscriptJson.line(new TranscriptRecord.JobStarted(1, "x = s.recv(1)", 3)))
        .isEqualTo("{\"type\":\"job\",\"job\":1,\"event\":\"started\",\"source\":"
            + "\"x = s.recv(1)\",\"line\":3}");
    assertThat(TranscriptJson.line(new TranscriptRecord.JobDone(1, TranscriptRecord.JobEnd.OK,
        Optional.empty()))).isEqualTo(
            "{\"type\":\"job\",\"job\":1,\"event\":\"done\",\"end\":\"ok\",\"error\":null}");
    assertThat(TranscriptJson.line(new TranscriptRecord.Renamed("s", "s#1")))
        .isEqualTo("{\"type\":\"rename\",\"from\":\"s\",\"to\":\"s#1\"}");
  }
}

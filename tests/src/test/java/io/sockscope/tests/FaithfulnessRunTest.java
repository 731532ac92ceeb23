package io.sockscope.tests;

import static io.sockscope.tests.JsonRecords.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each faithfulness point of the engine, reproduced by a command file through the built command
 * ({@code sockscope run --json --no-capture}) and checked in its SPEC §5 call records.
 */
class FaithfulnessRunTest {

  private static JsonRecords run(String script) {
    Sockscope.Result result = Sockscope.run("run", "--json", "--no-capture",
        Sockscope.resource("faithfulness/" + script).toString());
    assertThat(result.stderr()).isEmpty();
    assertThat(result.exitCode()).as("exit code; output:%n%s", result.stdout()).isZero();
    JsonRecords records = JsonRecords.parse(result.stdout());
    assertThat(records.ofType("expect")).allSatisfy(e -> assertThat(e.get("ok")).isEqualTo(true));
    assertThat(records.ofType("error")).isEmpty();
    return records;
  }

  private static void failedWith(Map<String, Object> call, String errno, String error) {
    assertThat(call.get("ok")).isEqualTo(false);
    assertThat(call.get("errno")).isEqualTo(errno);
    assertThat(call.get("error")).isEqualTo(error);
  }

  @Test
  void bindWithoutListenRefusesAClientsConnect() {
    JsonRecords records = run("bind-without-listen.py");
    assertThat(records.calls("server", "listen")).isEmpty();
    failedWith(records.calls("client", "connect").getFirst(), "ECONNREFUSED",
        "Connection refused");
  }

  @Test
  void afterListenAClientsConnectCompletesBeforeAccept() {
    JsonRecords records = run("handshake-before-accept.py");
    Map<String, Object> connect = records.calls("client", "connect").getFirst();
    Map<String, Object> accept = records.calls("server", "accept").getFirst();
    assertThat(connect.get("ok")).isEqualTo(true);
    assertThat((Long) connect.get("end_us")).isLessThanOrEqualTo((Long) accept.get("start_us"));
    assertThat(map(accept.get("args"))).containsEntry("as", "conn");
    assertThat(map(accept.get("result"))).containsEntry("socket", "conn");
    assertThat(records.ofType("expect")).extracting(e -> e.get("source")).containsExactly(
        "expect ok", "expect state client ESTABLISHED", "expect state conn ESTABLISHED");
  }

  @Test
  void bindToAPortInTimeWaitNeedsSoReuseaddrOnBothSockets() {
    JsonRecords records = run("time-wait-bind.py");
    List<Map<String, Object>> binds = records.calls("again", "bind");
    assertThat(binds).hasSize(2);
    failedWith(binds.get(0), "EADDRINUSE", "Address already in use");
    assertThat(binds.get(1).get("ok")).isEqualTo(true);
    assertThat(map(binds.get(0).get("args")).get("port"))
        .isNotEqualTo(map(binds.get(1).get("args")).get("port"));
    assertThat(records.calls("again", "setsockopt")).singleElement().satisfies(c ->
        assertThat(map(c.get("args"))).containsEntry("option", "SO_REUSEADDR")
            .containsEntry("value", 1L));
    assertThat(records.calls("server", "setsockopt")).hasSize(1);
    assertThat(records.ofType("expect")).filteredOn(e -> "expect state conn TIME_WAIT".equals(
        e.get("source"))).extracting(e -> e.get("got"))
        .containsExactly("conn in TIME_WAIT", "conn in TIME_WAIT");
  }

  @Test
  void aSmallSendBufferMakesSendShortAndSendallDeliversOnceThePeerReads() {
    JsonRecords records = run("short-send.py");
    Map<String, Object> toSink = records.calls("s", "send").getFirst();
    Map<String, Object> toReader = records.calls("writer", "send").getFirst();
    for (Map<String, Object> send : List.of(toSink, toReader)) {
      Map<String, Object> result = map(send.get("result"));
      assertThat(result.get("requested")).isEqualTo(1048576L);
      assertThat((Long) result.get("sent")).isPositive().isLessThan(1048576L);
    }
    Map<String, Object> sendall = records.calls("writer", "sendall").getFirst();
    assertThat(sendall.get("ok")).isEqualTo(true);
    assertThat(map(sendall.get("result"))).containsEntry("sent", 1048576L);
    long first = (Long) map(toReader.get("result")).get("sent");
    assertThat(records.ofType("output")).extracting(o -> o.get("text"))
        .containsExactly("reader got " + (first + 1048576L) + " bytes\n");
    assertThat(records.ofType("job")).extracting(j -> j.get("end")).contains("ok");
  }

  @Test
  void closeWithUnreadBytesAndAbortiveLingerResetThePeer() {
    JsonRecords records = run("close-unread-resets.py");
    failedWith(records.calls("client", "recv").getFirst(), "ECONNRESET",
        "Connection reset by peer");
    failedWith(records.calls("conn2", "recv").getFirst(), "ECONNRESET",
        "Connection reset by peer");
    assertThat(map(records.calls("lingering", "setsockopt").getFirst().get("args")))
        .containsEntry("option", "SO_LINGER").containsEntry("value", List.of(1L, 0L));
  }

  @Test
  void shutdownWriteGivesThePeerEofWhileThisSideStillReceives() {
    JsonRecords records = run("shutdown-write.py");
    assertThat(map(records.calls("client", "shutdown").getFirst().get("args")))
        .containsEntry("how", "SHUT_WR");
    List<Map<String, Object>> serverReads = records.calls("conn", "recv");
    assertThat(serverReads).extracting(r -> map(r.get("result")).get("repr"))
        .containsExactly("b'request'", "b''");
    assertThat(map(serverReads.get(1).get("result"))).containsEntry("eof", true)
        .containsEntry("len", 0L);
    assertThat(map(records.calls("client", "recv").getFirst().get("result")))
        .containsEntry("repr", "b'reply after EOF'");
  }

  @Test
  void everyCallRecordHasTheFieldsOfSpecSectionFive() {
    JsonRecords records = run("shutdown-write.py");
    assertThat(records.ofType("call")).isNotEmpty().allSatisfy(call ->
        assertThat(call.keySet()).containsExactly("type", "id", "socket", "op", "args",
            "start_us", "end_us", "ok", "result", "errno", "error"));
    assertThat(records.ofType("state")).isNotEmpty().allSatisfy(state ->
        assertThat(state.keySet()).containsExactly("type", "socket", "tcp_state", "send_q",
            "recv_q", "rtt_us"));
    List<Long> ids = records.ofType("call").stream().map(c -> (Long) c.get("id")).toList();
    assertThat(ids).doesNotHaveDuplicates().contains(1L);
  }
}

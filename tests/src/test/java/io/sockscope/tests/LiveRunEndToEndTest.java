package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.capture.CaptureRequirement;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.ReadStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sockscope run} with live capture, as a user runs it: every call's segments under it
 * in the JSON lines (SPEC §5, {@code segment.call}), the explanations that name it, the capture
 * counts at the end; and what happens when capture cannot run.
 */
class LiveRunEndToEndTest {

  @TempDir Path dir;

  @BeforeEach
  void capture() {
    CaptureRequirement.assumeAvailable();
  }

  @Test
  void againstServeEchoEachCallHasItsOwnSegments() {
    Sockscope.Result result = Sockscope.run("run", "--json",
        "-e", "serve echo as echo",
        "-e", "s = socket.socket()",
        "-e", "s.connect(echo)",
        "-e", "s.send(b'hello')",
        "-e", "s.recv(16)",
        "-e", "s.close()");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonRecords json = JsonRecords.parse(result.stdout());
    assertThat(flags(json, id(json, "connect"))).containsExactly(List.of("SYN"),
        List.of("SYN", "ACK"), List.of("ACK"));
    assertThat(explanations(json, id(json, "connect"))).contains("handshake");
    List<Map<String, Object>> sent = segments(json, id(json, "send"));
    assertThat(sent.getFirst()).containsEntry("flags", List.of("PSH", "ACK"))
        .containsEntry("len", 5L).containsEntry("by", "call").containsEntry("socket", "s");
    assertThat(explanations(json, id(json, "send"))).contains("data");
    assertThat(flags(json, id(json, "close")).getFirst()).isEqualTo(List.of("FIN", "ACK"));
    assertThat(explanations(json, id(json, "close"))).contains("fin");
    assertThat(json.ofType("capture")).singleElement().satisfies(c -> {
      assertThat(c).containsEntry("iface", "lo").containsEntry("status", "ok")
          .containsEntry("dropped", 0L);
      assertThat((Long) c.get("received")).isEqualTo(json.ofType("segment").size());
    });
  }

  @Test
  void aPortThatIsBoundButDoesNotListenRefusesWithRst() {
    Sockscope.Result result = Sockscope.runWithInput("""
        server = socket.socket()
        server.bind(('127.0.0.1', 0))
        c = socket.socket()
        c.connect(server.getsockname())
        expect error ECONNREFUSED
        """, "run", "--json", "-");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonRecords json = JsonRecords.parse(result.stdout());
    long connect = id(json, "connect");
    assertThat(flags(json, connect)).containsExactly(List.of("SYN"), List.of("RST", "ACK"));
    assertThat(explanations(json, connect)).containsExactly("connect_refused");
  }

  @Test
  void closeWithUnreadDataResets() {
    Sockscope.Result result = Sockscope.run("run", "--json",
        "-e", "srv = socket.socket()",
        "-e", "srv.bind(('127.0.0.1', 0))",
        "-e", "srv.listen()",
        "-e", "c = socket.create_connection(srv.getsockname())",
        "-e", "conn, _ = srv.accept()",
        "-e", "c.sendall(b'never read')",
        "-e", "conn.close()");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonRecords json = JsonRecords.parse(result.stdout());
    long close = (Long) json.calls("conn", "close").getFirst().get("id");
    assertThat(flags(json, close)).contains(List.of("RST", "ACK"));
    assertThat(json.where(r -> "explain".equals(r.get("type"))
        && "rst_unread_data".equals(r.get("code")))).singleElement().satisfies(e -> {
          assertThat(e).containsEntry("call", close).containsEntry("inferred", false);
          assertThat((String) e.get("text")).startsWith("close() [" + close
              + "] with 10 unread bytes: the kernel sent RST instead of FIN");
        });
  }

  @Test
  void theTextTranscriptShowsSegmentsUnderTheCall() {
    Sockscope.Result result = Sockscope.run("run",
        "-e", "serve discard as d",
        "-e", "s = socket.socket()",
        "-e", "s.connect(d)");
    List<String> lines = result.lines();
    int connect = lines.indexOf(lines.stream().filter(l -> l.startsWith("[2] s.connect(d)"))
        .findFirst().orElseThrow());
    assertThat(lines.get(connect + 1)).matches(" {6}127\\.0\\.0\\.1\\.\\d+ > 127\\.0\\.0\\.1\\.\\d+:"
        + " Flags \\[S\\], seq 0, win 65495, options \\[.*\\], length 0");
    assertThat(lines.get(connect + 4)).startsWith("      = handshake: :");
    assertThat(lines.getLast()).matches("capture: lo, \\d+ frames captured, 0 dropped");
  }

  @Test
  void writeKeepsEveryCapturedFrameInAPcapFile() {
    Path file = dir.resolve("session.pcap");
    Sockscope.Result result = Sockscope.run("run", "--json", "-w", file.toString(),
        "-e", "serve echo as echo",
        "-e", "s = socket.create_connection(echo)",
        "-e", "s.sendall(b'x' * 100000)",
        "-e", "s.close()");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    JsonRecords json = JsonRecords.parse(result.stdout());
    long received = (Long) json.ofType("capture").getFirst().get("received");
    CaptureOpen open = CaptureReader.open(file);
    assertThat(open).isInstanceOf(CaptureOpen.Opened.class);
    long frames = 0;
    try (CaptureReader reader = ((CaptureOpen.Opened) open).reader()) {
      while (reader.next() == ReadStatus.FRAME) {
        frames++;
        assertThat(reader.frame().capturedLength()).isEqualTo(reader.frame().wireLength());
      }
    }
    assertThat(frames).isEqualTo(received).isEqualTo(json.ofType("segment").size());
  }

  @Test
  void captureThatCannotRunIsOneLineAndRequiredCaptureExitsThree() {
    Sockscope.Result result = Sockscope.run("run", "-i", "nosuch0", "-e", "print('ok')");
    assertThat(result.exitCode()).isZero();
    assertThat(result.lines()).hasSize(2);
    assertThat(result.lines().getFirst()).startsWith("capture: unavailable: there is no"
        + " interface named 'nosuch0'").contains("; to fix: use one of: ");
    assertThat(result.lines().getLast()).isEqualTo("ok");
    Sockscope.Result required = Sockscope.run("run", "-i", "nosuch0", "--require-capture", "-e",
        "print('ok')");
    assertThat(required.exitCode()).isEqualTo(3);
    assertThat(required.stderr()).startsWith("sockscope run: capture is required"
        + " (--require-capture) but not running: there is no interface named 'nosuch0'");
  }

  private static long id(JsonRecords json, String op) {
    return (Long) json.where(r -> "call".equals(r.get("type")) && op.equals(r.get("op")))
        .getFirst().get("id");
  }

  private static List<Map<String, Object>> segments(JsonRecords json, long call) {
    return json.where(r -> "segment".equals(r.get("type")) && Long.valueOf(call)
        .equals(r.get("call")));
  }

  private static List<Object> flags(JsonRecords json, long call) {
    return segments(json, call).stream().map(s -> s.get("flags")).toList();
  }

  private static List<Object> explanations(JsonRecords json, long call) {
    return json.where(r -> "explain".equals(r.get("type")) && Long.valueOf(call)
        .equals(r.get("call"))).stream().map(e -> e.get("code")).toList();
  }
}

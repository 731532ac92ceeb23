package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.capture.CaptureRequirement;
import io.sockscope.shell.cli.Peer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sockscope capture} as a user runs it: the built command in its own process, started
 * before a separate python3 program talks on its port, ended by Ctrl-C (a real SIGINT), by
 * SIGTERM or by {@code -c}; and refused when the process may not capture.
 */
class CaptureEndToEndTest {
  @TempDir Path dir;

  private static long lines(String text, String part) {
    return text.lines().filter(line -> line.contains(part)).count();
  }

  @Test
  void ctrlCEndsTheCaptureWithEveryFrameExplainedAndAnHonestRecord() throws Exception {
    CaptureRequirement.assumeAvailable();
    Path pcap = dir.resolve("lo.pcap");
    try (Peer peer = Peer.start(dir, "exchange", "reset", "refused");
        CaptureProcess capture = CaptureProcess.start("capture", "-i", "lo", "-f",
            "tcp port " + peer.port, "--json", "-w", pcap.toString())) {
      capture.awaitListening();
      peer.go();
      peer.awaitDone();
      capture.awaitOut(out -> lines(out, "\"type\":\"flow\"") == 3);
      capture.signal("INT");
      assertThat(capture.await()).isZero();
      assertThat(capture.err()).isEqualTo("sockscope capture: listening on lo, link-type EN10MB"
          + " (Ethernet), snapshot length 262144 bytes, writing every frame to " + pcap + "\n");

      JsonRecords records = JsonRecords.parse(capture.out());
      List<Map<String, Object>> segments = records.ofType("segment");
      Map<Long, String> ours = new LinkedHashMap<>();
      for (Map<String, Object> s : segments) {
        assertThat(s.get("call")).isNull();
        ours.put((Long) s.get("frame"), TsharkFields.of(s));
      }
      assertThat(ours).isEqualTo(TsharkFields.read(pcap, dir)).hasSizeGreaterThanOrEqualTo(15);
      assertThat(records.ofType("explain")).extracting(e -> e.get("code"))
          .contains("handshake", "data", "fin", "connect_refused")
          .containsAnyOf("rst_unread_data", "rst_abort");
      assertThat(records.ofType("flow")).extracting(f -> f.get("how"))
          .containsExactly("fin", "rst", "rst");
      Map<String, Object> end = records.all().getLast();
      assertThat(end).containsEntry("type", "capture").containsEntry("iface", "lo")
          .containsEntry("status", "ok").containsEntry("dropped", 0L)
          .containsEntry("frames", (long) segments.size())
          .containsEntry("written", (long) segments.size())
          .containsEntry("ended_by", "interrupt");
      assertThat((Long) end.get("received")).isGreaterThanOrEqualTo(segments.size());
    }
  }

  /**
   * Ctrl-C while connections keep coming, delivered twice at once as GNU timeout sends it (the
   * copy arriving just after the process took the first): one clean stop, every time.
   */
  @Test
  void ctrlCDeliveredTwiceWhileTrafficFlowsIsOneCleanStop() throws Exception {
    CaptureRequirement.assumeAvailable();
    for (int round = 0; round < 3; round++) {
      try (Peer peer = Peer.start(dir, "many", "5000");
          CaptureProcess capture = CaptureProcess.start("capture", "-i", "lo", "-f",
              "tcp port " + peer.port)) {
        capture.awaitListening();
        peer.go();
        capture.awaitOut(out -> lines(out, "end of connection") >= 3);
        capture.interruptTwiceAtOnce();
        assertThat(capture.await()).as("round %d; stderr: %s", round, capture.err()).isZero();
        List<String> out = capture.out().lines().toList();
        assertThat(out).as("round %d", round).anyMatch(line -> line.startsWith(
            "  end of connection 0 (127.0.0.1:"));
        assertThat(out.getLast()).as("round %d", round).matches("capture on lo: [\\d,]+ frames"
            + " received, [\\d,]+ dropped; [\\d,]+ TCP segments in [\\d,]+ connections; ended by Ctrl-C"
            + " after .*");
        assertThat(capture.err()).startsWith("sockscope capture: listening on lo,").satisfies(
            err -> assertThat(err.lines().skip(1)).allMatch(line -> line.contains(
                "frames were dropped")));
      }
    }
  }

  @Test
  void countEndsTheCaptureByItself() throws Exception {
    CaptureRequirement.assumeAvailable();
    try (Peer peer = Peer.start(dir, "exchange");
        CaptureProcess capture = CaptureProcess.start("capture", "-i", "lo", "-f",
            "tcp port " + peer.port, "--json", "-c", "4")) {
      capture.awaitListening();
      peer.go();
      peer.awaitDone();
      assertThat(capture.await()).isZero();
      JsonRecords records = JsonRecords.parse(capture.out());
      assertThat(records.ofType("segment")).hasSize(4);
      assertThat(records.all().getLast()).containsEntry("ended_by", "count")
          .containsEntry("segments", 4L).containsEntry("status", "ok");
      assertThat(capture.err()).hasLineCount(1).startsWith("sockscope capture: listening on lo,");
    }
  }

  @Test
  void sigtermEndsTheTextCaptureWithItsClosingLine() throws Exception {
    CaptureRequirement.assumeAvailable();
    try (Peer peer = Peer.start(dir, "exchange");
        CaptureProcess capture = CaptureProcess.start("capture", "-i", "lo", "-f",
            "tcp port " + peer.port, "--duration", "120")) {
      capture.awaitListening();
      peer.go();
      peer.awaitDone();
      capture.awaitOut(out -> out.contains("end of connection 0"));
      capture.signal("TERM");
      assertThat(capture.await()).isZero();
      List<String> out = capture.out().lines().toList();
      assertThat(out.getFirst()).startsWith("connection 0  127.0.0.1:");
      assertThat(out.getLast()).matches("capture on lo: \\d+ frames received, 0 dropped; \\d+ TCP"
          + " segments in 1 connection; ended by SIGTERM after .*");
      assertThat(capture.err()).hasLineCount(1);
    }
  }

  @Test
  void withoutCapNetRawItSaysHowToFixItAndExits3() throws Exception {
    CaptureRequirement.assumeAvailable();
    try (CaptureProcess capture = CaptureProcess.start(List.of("setpriv",
        "--bounding-set=-net_raw,-net_admin", "--inh-caps=-net_raw,-net_admin"), "capture", "-i",
        "lo", "--json", "-f", "tcp port 9")) {
      assertThat(capture.await()).isEqualTo(3);
      String java = Path.of(ProcessHandle.current().info().command().orElseThrow()).toRealPath()
          .toString();
      String line = "live capture unavailable: no permission to capture on lo (socket: Operation"
          + " not permitted); to fix: run as root, or: sudo setcap cap_net_raw,cap_net_admin=eip "
          + java;
      assertThat(capture.err()).hasLineCount(1).startsWith("sockscope capture: " + line);
      assertThat(JsonRecords.parse(capture.out()).all()).singleElement().satisfies(record ->
          assertThat(record).containsEntry("type", "capture").containsEntry("status",
              "unavailable").containsEntry("reason", capture.err().strip()
              .substring("sockscope capture: ".length())));
    }
  }

  @Test
  void aBadFilterIsOneLineWithLibpcapsMessage() throws Exception {
    try (CaptureProcess capture = CaptureProcess.start("capture", "-i", "lo", "-f",
        "tcp port 99999")) {
      assertThat(capture.await()).isEqualTo(2);
      assertThat(capture.err()).isEqualTo("sockscope capture: bad capture filter 'tcp port"
          + " 99999': illegal port number 99999 > 65535\n");
      assertThat(capture.out()).isEmpty();
    }
  }
}

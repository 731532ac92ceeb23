package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.capture.CaptureRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sockscope capture} run in-process through picocli on loopback while a separate python3
 * process ({@link Peer}) talks on its own port: a small exchange, a reset and a refused connect.
 * The JSON records are checked against tshark's reading of the {@code -w} file frame by frame,
 * and the explanations, flow records and capture record against what the program did.
 */
class CaptureCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void captureAvailable() {
        CaptureRequirement.assumeAvailable();
    }

    @AfterEach
    void noCaptureThreadLeft() {
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sockscope-capture") && t.isAlive())
                .map(Thread::getName)).isEmpty();
    }

    static List<Map<String, Object>> ofType(List<Map<String, Object>> records, String type) {
        return records.stream().filter(r -> r.get("type").equals(type)).toList();
    }

    static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }

    @Test
    void jsonSegmentsOfAnotherProgramCarryTsharksFieldsForEveryFrame() throws Exception {
        try (Peer peer = Peer.start(dir, "exchange", "reset", "refused")) {
            Path pcap = dir.resolve("lo.pcap");
            Capture.Running capture = Capture.start("-i", "lo", "-f", "tcp port " + peer.port,
                    "--json", "-w", pcap.toString()).awaitListening();
            peer.go();
            peer.awaitDone();
            capture.awaitOut(out -> count(out, "\"type\":\"flow\"") == 3);
            capture.interrupt();
            assertThat(capture.await()).isZero();
            assertThat(capture.err()).isEqualTo("sockscope capture: listening on lo, link-type"
                    + " EN10MB (Ethernet), snapshot length 262144 bytes, writing every frame to "
                    + pcap + "\n");

            List<Map<String, Object>> records = JsonLines.parse(capture.out());
            List<Map<String, Object>> segments = ofType(records, "segment");
            List<Tshark.Frame> truth = Tshark.read(pcap, dir);
            assertThat(segments).hasSameSizeAs(truth).hasSizeGreaterThanOrEqualTo(15);
            for (int i = 0; i < truth.size(); i++) {
                Map<String, Object> s = segments.get(i);
                Tshark.Frame t = truth.get(i);
                String where = "frame " + t.number();
                assertThat(s.keySet()).as(where).containsExactly("type", "frame", "call", "ts_us",
                        "src", "dst", "stream", "flags", "seq", "ack", "len", "win", "options",
                        "analysis", "line");
                assertThat(s.get("frame")).as(where).isEqualTo(t.number());
                assertThat(s.get("call")).as(where).isNull();
                assertThat(s.get("stream")).as(where).isEqualTo(t.stream());
                assertThat(s.get("seq")).as(where).isEqualTo(t.seq());
                assertThat(s.get("ack")).as(where).isEqualTo(t.ack());
                assertThat(s.get("len")).as(where).isEqualTo(t.len());
                assertThat(s.get("win")).as(where).isEqualTo(t.win());
                assertThat(Set.copyOf((List<?>) s.get("flags"))).as(where).isEqualTo(t.flags());
                assertThat(Set.copyOf((List<?>) s.get("analysis"))).as(where)
                        .isEqualTo(t.analysis());
                assertThat((String) s.get("line")).as(where).contains(" > ", "Flags [");
            }
            assertThat(segments).allSatisfy(s -> assertThat(List.of(s.get("src"), s.get("dst")))
                    .contains("127.0.0.1:" + peer.port));
        }
    }

    @Test
    void explanationsFlowsAndTheCaptureRecordTellWhatTheProgramDid() throws Exception {
        try (Peer peer = Peer.start(dir, "exchange", "reset", "refused")) {
            Path pcap = dir.resolve("lo.pcap");
            Capture.Running capture = Capture.start("-i", "lo", "-f", "tcp port " + peer.port,
                    "--json", "-w", pcap.toString()).awaitListening();
            peer.go();
            peer.awaitDone();
            capture.awaitOut(out -> count(out, "\"type\":\"flow\"") == 3);
            capture.interrupt();
            assertThat(capture.await()).isZero();
            List<Map<String, Object>> records = JsonLines.parse(capture.out());

            Map<Long, List<Object>> codes = ofType(records, "explain").stream().collect(
                    Collectors.groupingBy(e -> (Long) e.get("stream"),
                            Collectors.mapping(e -> e.get("code"), Collectors.toList())));
            assertThat(codes.get(0L)).contains("handshake", "data", "fin").doesNotContain(
                    "rst_unread_data", "rst_abort", "connect_refused");
            assertThat(codes.get(1L)).contains("handshake").containsAnyOf("rst_unread_data",
                    "rst_abort");
            assertThat(codes.get(2L)).containsExactly("connect_refused");
            assertThat(ofType(records, "explain")).allSatisfy(e -> {
                assertThat(e.get("call")).isNull();
                assertThat((List<?>) e.get("frames")).isNotEmpty();
            });

            List<Map<String, Object>> flows = ofType(records, "flow");
            assertThat(flows).extracting(f -> f.get("stream")).containsExactly(0L, 1L, 2L);
            String server = "127.0.0.1:" + peer.port;
            assertThat(flows.get(0)).containsEntry("server", server).containsEntry("how", "fin")
                    .containsEntry("bytes_to_server", 6L).containsEntry("bytes_to_client", 7L)
                    .containsEntry("client_state", "TIME_WAIT")
                    .containsEntry("server_state", "CLOSED");
            assertThat(flows.get(0).get("closed_by")).isEqualTo(flows.get(0).get("client"));
            assertThat(flows.get(1)).containsEntry("how", "rst").containsEntry("reset_by", server)
                    .containsEntry("bytes_to_server", 5L);
            assertThat(flows.get(2)).containsEntry("how", "rst").containsEntry("reset_by", server)
                    .containsEntry("frames_to_server", 1L).containsEntry("frames_to_client", 1L);
            for (Map<String, Object> flow : flows) {
                long lastSegment = records.indexOf(ofType(records, "segment").stream()
                        .filter(s -> s.get("stream").equals(flow.get("stream"))).toList()
                        .getLast());
                assertThat(records.indexOf(flow)).as("flow after its last segment")
                        .isGreaterThan((int) lastSegment);
            }

            Map<String, Object> end = records.getLast();
            long frames = ofType(records, "segment").size();
            assertThat(end.keySet()).containsExactly("type", "iface", "status", "received",
                    "dropped", "filter", "frames", "segments", "connections", "written",
                    "ended_by", "start_us", "end_us");
            assertThat(end).containsEntry("type", "capture").containsEntry("iface", "lo")
                    .containsEntry("status", "ok").containsEntry("dropped", 0L)
                    .containsEntry("filter", "tcp port " + peer.port)
                    .containsEntry("frames", frames).containsEntry("segments", frames)
                    .containsEntry("connections", 3L).containsEntry("written", frames)
                    .containsEntry("ended_by", "interrupt");
            assertThat((Long) end.get("received")).isGreaterThanOrEqualTo(frames);
            assertThat((Long) end.get("start_us")).isLessThanOrEqualTo(
                    (Long) ofType(records, "segment").getFirst().get("ts_us"));
            assertThat(Tshark.read(pcap, dir)).hasSize((int) frames);
        }
    }

    @Test
    void countStopsRightAfterThatManySegmentsAndSummarisesWhatIsOpen() throws Exception {
        try (Peer peer = Peer.start(dir, "exchange")) {
            Path pcap = dir.resolve("three.pcap");
            Capture.Running capture = Capture.start("-i", "lo", "-f", "tcp port " + peer.port,
                    "--json", "-c", "3", "-w", pcap.toString()).awaitListening();
            peer.go();
            assertThat(capture.exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            peer.awaitDone();
            List<Map<String, Object>> records = JsonLines.parse(capture.out());
            assertThat(ofType(records, "segment")).extracting(s -> s.get("frame"))
                    .containsExactly(1L, 2L, 3L);
            assertThat(ofType(records, "explain")).extracting(e -> e.get("code"))
                    .containsExactly("handshake");
            assertThat(ofType(records, "flow")).singleElement().satisfies(flow -> assertThat(flow)
                    .containsEntry("client_state", "ESTABLISHED").containsEntry("how", null));
            assertThat(records.getLast()).containsEntry("ended_by", "count")
                    .containsEntry("status", "ok").containsEntry("frames", 3L)
                    .containsEntry("segments", 3L).containsEntry("written", 3L)
                    .containsEntry("dropped", 0L);
            assertThat((Long) records.getLast().get("received")).isGreaterThanOrEqualTo(3L);
            assertThat(Tshark.read(pcap, dir)).hasSize(3);
        }
    }

    @Test
    void durationEndsTheCaptureWithAnHonestRecord() throws Exception {
        try (Peer peer = Peer.start(dir, "exchange")) {
            Capture.Running capture = Capture.start("-i", "lo", "-f", "tcp port " + peer.port,
                    "--json", "--summary", "--duration", "2.5").awaitListening();
            peer.go();
            peer.awaitDone();
            assertThat(capture.exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            List<Map<String, Object>> records = JsonLines.parse(capture.out());
            assertThat(ofType(records, "segment")).isEmpty();
            assertThat(ofType(records, "explain")).extracting(e -> e.get("code"))
                    .contains("handshake", "data", "fin");
            assertThat(ofType(records, "flow")).hasSize(1);
            Map<String, Object> end = records.getLast();
            assertThat(end).containsEntry("ended_by", "duration").containsEntry("status", "ok")
                    .containsEntry("written", null).containsEntry("connections", 1L);
            assertThat((Long) end.get("segments")).isGreaterThanOrEqualTo(8L);
            assertThat((Long) end.get("end_us") - (Long) end.get("start_us"))
                    .isGreaterThanOrEqualTo(2_500_000L);
        }
    }

    @Test
    void textShowsEachConnectionAsItProgressesThenItsSummary() throws Exception {
        try (Peer peer = Peer.start(dir, "exchange", "reset", "refused")) {
            Capture.Running capture = Capture.start("-i", "lo", "-f", "tcp port " + peer.port,
                    "--width", "100").awaitListening();
            peer.go();
            peer.awaitDone();
            capture.awaitOut(out -> count(out, "end of connection") == 3);
            capture.interrupt();
            assertThat(capture.await()).isZero();
            List<String> lines = capture.out().lines().toList();
            String server = "127.0.0.1:" + peer.port;
            assertThat(lines.getFirst()).matches("connection 0  127\\.0\\.0\\.1:\\d+ → "
                    + server.replace(".", "\\."));
            assertThat(lines.get(1)).startsWith("        127.0.0.1:").endsWith(server);
            assertThat(lines.get(2)).startsWith("     1  │ ── S   seq 0 win ").endsWith("▶ │");
            assertThat(lines.get(3)).startsWith("     2  │ ◀─ S.  seq 0 ack 1 win ")
                    .endsWith("│  handshake");
            int handshake = indexOf(lines, "  handshake (1–3): ");
            assertThat(handshake).isGreaterThan(indexOf(lines, "     3  │ ── .   ack 1 "));
            assertThat(indexOf(lines, "  fin (")).isGreaterThan(handshake);
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  connect_refused ("));
            assertThat(lines).anySatisfy(l -> assertThat(l).matches("  rst_(unread_data|abort) .*"));
            int summary = indexOf(lines, "  end of connection 0 (127.0.0.1:");
            assertThat(lines.get(summary)).matches("  end of connection 0 \\(127\\.0\\.0\\.1:\\d+"
                    + " → " + server.replace(".", "\\.") + "\\): opened by :\\d+, closed by :\\d+;");
            assertThat(lines.get(summary + 1)).matches("    6 B →, 7 B ←, [0-9.]+ ms, no"
                    + " retransmissions");
            assertThat(lines.getLast()).matches("capture on lo: \\d+ frames received, 0 dropped;"
                    + " \\d+ TCP segments in 3 connections; ended by Ctrl-C after [0-9.]+ m?s");
            assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(
                    l.codePointCount(0, l.length())).isLessThanOrEqualTo(100));
        }
    }

    @Test
    void summaryTextHasExplanationsAndSummariesButNoRows() throws Exception {
        try (Peer peer = Peer.start(dir, "exchange")) {
            Capture.Running capture = Capture.start("-i", "lo", "-f", "tcp port " + peer.port,
                    "--summary", "-c", "10").awaitListening();
            peer.go();
            peer.awaitDone();
            assertThat(capture.exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            List<String> lines = capture.out().lines().toList();
            assertThat(lines).noneMatch(l -> l.contains("│"));
            assertThat(lines.getFirst()).startsWith("connection 0  127.0.0.1:");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  handshake (1–3): "));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  end of connection 0"));
            assertThat(lines.getLast()).startsWith("capture on lo: ")
                    .contains("; 10 TCP segments in 1 connection; ended by -c 10 after ");
        }
    }

    @Test
    void endedConnectionsAreSummarisedWhileTheCaptureRuns() throws Exception {
        try (Peer peer = Peer.start(dir, "many", "40")) {
            Capture.Running capture = Capture.start("-i", "lo", "-f", "tcp port " + peer.port,
                    "--json", "--summary").awaitListening();
            peer.go();
            peer.awaitDone();
            capture.awaitOut(out -> count(out, "\"type\":\"flow\"") == 40);
            assertThat(count(capture.out(), "\"type\":\"capture\"")).isZero();
            capture.interrupt();
            assertThat(capture.await()).isZero();
            List<Map<String, Object>> records = JsonLines.parse(capture.out());
            assertThat(ofType(records, "flow")).hasSize(40)
                    .allSatisfy(f -> assertThat(f).containsEntry("how", "fin"));
            assertThat(records.getLast()).containsEntry("connections", 40L)
                    .containsEntry("dropped", 0L);
        }
    }

    @Test
    void anyCapturesLoopbackTooInLinuxCookedFrames() throws Exception {
        CaptureRequirement.assumeAvailable("any");
        try (Peer peer = Peer.start(dir, "exchange")) {
            Capture.Running capture = Capture.start("-i", "any", "-f", "tcp port " + peer.port,
                    "--json", "-c", "3").awaitListening();
            peer.go();
            peer.awaitDone();
            assertThat(capture.exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            assertThat(capture.err()).startsWith("sockscope capture: listening on any, link-type"
                    + " LINUX_SLL (Linux cooked v1), snapshot length 128 bytes");
            List<Map<String, Object>> segments = ofType(JsonLines.parse(capture.out()), "segment");
            assertThat(segments).extracting(s -> s.get("flags")).containsExactly(List.of("SYN"),
                    List.of("SYN", "ACK"), List.of("ACK"));
        }
    }

    @Test
    void withoutAnInterfaceItSaysWhichOneItChose() throws Exception {
        String chosen = io.sockscope.inspector.capture.CaptureInterfaces.defaultInterface();
        CaptureRequirement.assumeAvailable(chosen);
        Capture.Running capture = Capture.run("--json", "--duration", "0.2", "-f", "tcp port 1");
        assertThat(capture.exit.get()).isZero();
        assertThat(capture.err()).matches("sockscope capture: listening on " + chosen
                + " \\((it carries the default route|no default route); -i chooses another\\),"
                + " link-type .*, snapshot length 128 bytes\n");
        assertThat(JsonLines.parse(capture.out()).getLast()).containsEntry("iface", chosen)
                .containsEntry("ended_by", "duration");
    }

    @Test
    void anUnwritableFileIsOneLineAndNothingIsCaptured() throws Exception {
        Path missing = dir.resolve("no-such-dir").resolve("out.pcap");
        Capture.Running capture = Capture.run("-i", "lo", "-w", missing.toString());
        assertThat(capture.exit.get()).isEqualTo(1);
        assertThat(capture.err()).isEqualTo("sockscope capture: cannot write " + missing
                + ": no such file or directory\n");
        assertThat(capture.out()).isEmpty();
    }

    @Test
    void aFullDiskStopsTheCaptureCleanlyAndLeavesAValidPcap() throws Exception {
        Path full = Files.createDirectory(dir.resolve("full"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs",
                full.toString()).redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes()).strip();
        CaptureRequirement.assumeThat(mount.waitFor() == 0,
                "a small tmpfs is needed to fill a disk, and mount failed: " + why);
        try (Peer peer = Peer.start(dir, "bulk", "8000000")) {
            Path pcap = full.resolve("bulk.pcap");
            Capture.Running capture = Capture.start("-i", "lo", "-f", "tcp port " + peer.port,
                    "--json", "--summary", "-w", pcap.toString()).awaitListening();
            peer.go();
            peer.awaitDone();
            assertThat(capture.exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            List<String> errors = capture.err().lines().toList();
            assertThat(errors).hasSize(2);
            assertThat(errors.get(1)).matches("sockscope capture: cannot write " + pcap
                    + ": No space left on device \\(the file keeps \\d+ whole frames\\)");
            Map<String, Object> end = JsonLines.parse(capture.out()).getLast();
            long kept = Long.parseLong(errors.get(1).replaceAll(".*keeps (\\d+) whole.*", "$1"));
            assertThat(end).containsEntry("status", "failed").containsEntry("ended_by",
                    "write_failure").containsEntry("written", kept)
                    .containsEntry("reason", errors.get(1).substring("sockscope capture: "
                            .length()));
            assertThat((Long) end.get("frames")).isGreaterThan(kept);
            assertThat(kept).isPositive();
            assertThat(Tshark.read(pcap, dir)).hasSize((int) kept);
        } finally {
            new ProcessBuilder("umount", "-l", full.toString()).start().waitFor();
        }
    }

    @Test
    void anInterfaceThatDisappearsStopsTheCaptureWithOneLine() throws Exception {
        String name = "ssc" + ProcessHandle.current().pid() % 100_000;
        Process add = new ProcessBuilder("ip", "link", "add", name, "type", "veth", "peer", "name",
                name + "p").redirectErrorStream(true).start();
        String why = new String(add.getInputStream().readAllBytes()).strip();
        CaptureRequirement.assumeThat(add.waitFor() == 0,
                "a veth pair is needed to remove an interface under the capture: " + why);
        try {
            assertThat(new ProcessBuilder("ip", "link", "set", name, "up").start().waitFor())
                    .isZero();
            Capture.Running capture = Capture.start("-i", name, "--json").awaitListening();
            assertThat(new ProcessBuilder("ip", "link", "del", name).start().waitFor()).isZero();
            assertThat(capture.exit.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            List<String> errors = capture.err().lines().toList();
            assertThat(errors).hasSize(2);
            assertThat(errors.getLast()).matches("sockscope capture: capture on " + name
                    + " stopped: \\S.*");
            assertThat(JsonLines.parse(capture.out()).getLast()).containsEntry("status", "failed")
                    .containsEntry("ended_by", "capture_failure")
                    .containsEntry("reason", errors.getLast().substring("sockscope capture: "
                            .length()));
        } finally {
            new ProcessBuilder("ip", "link", "del", name).start().waitFor();
        }
    }

    @Test
    void noFileDescriptorIsLeftOpen() throws Exception {
        Capture.run("-i", "lo", "--duration", "0.1", "-f", "tcp port 1");
        long before = openFiles();
        try (Peer peer = Peer.start(dir, "exchange")) {
            Capture.Running capture = Capture.start("-i", "lo", "-f", "tcp port " + peer.port,
                    "-w", dir.resolve("x.pcap").toString()).awaitListening();
            peer.go();
            peer.awaitDone();
            capture.interrupt();
            assertThat(capture.await()).isZero();
        }
        assertThat(openFiles()).isEqualTo(before);
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                found.add(i);
            }
        }
        assertThat(found).as("a line starting with '%s' in%n%s", prefix, String.join("\n", lines))
                .isNotEmpty();
        return found.getFirst();
    }
}

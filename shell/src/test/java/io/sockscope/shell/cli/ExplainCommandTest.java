package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sockscope explain} run in-process through picocli: its JSON lines against tshark's truth
 * field by field, its options, and what it does with files it cannot read.
 */
class ExplainCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void noWriterThreadLeft() {
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("explain-json") && t.isAlive())).isEmpty();
    }

    private Path corpus(String name) {
        return Explain.corpus(dir, name + ".pcap");
    }

    /** The truth TSV: one map per frame, by column name. */
    private List<Map<String, String>> truth(String name) throws IOException {
        List<String> lines = Files.readAllLines(Explain.corpus(dir, name + ".tsv"));
        String[] header = lines.getFirst().split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"handshake_echo", "zero_window", "retransmission_loss", "ipv6_echo",
        "short_send_small_buffer", "keepalive"})
    void jsonSegmentsCarryTsharksNumbersForEveryFrame(String name) throws IOException {
        Explain.Run run = Explain.run("--json", corpus(name).toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        List<Map<String, Object>> segments = JsonLines.parse(run.out()).stream()
                .filter(r -> r.get("type").equals("segment")).toList();
        List<Map<String, String>> truth = truth(name);
        assertThat(segments).hasSize(truth.size());
        for (int i = 0; i < truth.size(); i++) {
            Map<String, Object> s = segments.get(i);
            Map<String, String> t = truth.get(i);
            String where = name + " frame " + t.get("frame.number");
            assertThat(s.keySet()).as(where).containsExactly("type", "frame", "call", "ts_us",
                    "src", "dst", "stream", "flags", "seq", "ack", "len", "win", "options",
                    "analysis", "line");
            assertThat(s.get("frame")).as(where).isEqualTo(Long.parseLong(t.get("frame.number")));
            assertThat(s.get("call")).as(where).isNull();
            assertThat(s.get("stream")).as(where).isEqualTo(Long.parseLong(t.get("tcp.stream")));
            assertThat(s.get("seq")).as(where).isEqualTo(Long.parseLong(t.get("tcp.seq")));
            assertThat(s.get("ack")).as(where).isEqualTo(Long.parseLong(t.get("tcp.ack")));
            assertThat(s.get("len")).as(where).isEqualTo(Long.parseLong(t.get("tcp.len")));
            assertThat(s.get("win")).as(where).isEqualTo(Long.parseLong(t.get("tcp.window_size")));
            assertThat(s.get("flags")).as(where).isEqualTo(Arrays.asList(t.get("flags")
                    .split(",")));
            List<String> analysis = t.get("analysis_flags").isEmpty() ? List.of()
                    : Arrays.asList(t.get("analysis_flags").split(","));
            assertThat(Set.copyOf((List<?>) s.get("analysis"))).as(where)
                    .isEqualTo(Set.copyOf(analysis));
            String src = t.get("ip.src").isEmpty() ? "[" + t.get("ipv6.src") + "]"
                    : t.get("ip.src");
            assertThat(s.get("src")).as(where).isEqualTo(src + ":" + t.get("tcp.srcport"));
            long tsMicros = Math.round(Double.parseDouble(t.get("frame.time_epoch")) * 1e6);
            assertThat((Long) s.get("ts_us")).as(where).isBetween(tsMicros - 1, tsMicros + 1);
            assertThat((String) s.get("line")).as(where).contains(" > ", "Flags [",
                    "length " + t.get("tcp.len"));
        }
    }

    @Test
    void jsonExplainAndFlowRecordsHaveTheirFields() {
        Explain.Run run = Explain.run("--json", corpus("close_with_unread_data").toString());
        List<Map<String, Object>> records = JsonLines.parse(run.out());
        List<Map<String, Object>> explains = records.stream()
                .filter(r -> r.get("type").equals("explain")).toList();
        assertThat(explains).extracting(r -> r.get("code"))
                .containsExactly("handshake", "data", "rst_unread_data");
        Map<String, Object> reset = explains.getLast();
        assertThat(reset.keySet()).containsExactly("type", "code", "call", "frames", "text",
                "stream", "frame_count", "key_frame", "inferred");
        assertThat(reset.get("frames")).isEqualTo(List.of(4L, 5L, 6L));
        assertThat(reset.get("call")).isNull();
        assertThat(reset.get("inferred")).isEqualTo(true);
        assertThat((String) reset.get("text")).contains("the wire cannot tell which");
        Map<String, Object> flow = records.getLast();
        assertThat(flow.get("type")).isEqualTo("flow");
        assertThat(flow).containsEntry("stream", 0L).containsEntry("client", "127.0.0.1:33572")
                .containsEntry("server", "127.0.0.1:47107")
                .containsEntry("opened_by", "127.0.0.1:33572")
                .containsEntry("closed_by", "127.0.0.1:47107").containsEntry("how", "rst")
                .containsEntry("reset_by", "127.0.0.1:47107")
                .containsEntry("bytes_to_server", 36L).containsEntry("bytes_to_client", 0L)
                .containsEntry("frames_to_server", 3L).containsEntry("frames_to_client", 3L)
                .containsEntry("retransmissions", 0L).containsEntry("first_frame", 1L)
                .containsEntry("last_frame", 6L).containsEntry("client_state", "RESET")
                .containsEntry("server_state", "RESET").containsEntry("reused_ports", false);
        assertThat((Long) flow.get("end_us") - (Long) flow.get("start_us"))
                .isEqualTo(1795598139354907L - 1795598139151442L);
    }

    @Test
    void everyConnectionEndsWithItsFlowRecordAfterItsLastSegment() {
        Explain.Run run = Explain.run("--json", corpus("nagle_delayed_ack").toString());
        List<Map<String, Object>> records = JsonLines.parse(run.out());
        List<Long> flowStreams = new ArrayList<>();
        long lastSegmentFrame = 0;
        for (Map<String, Object> r : records) {
            if (r.get("type").equals("segment")) {
                lastSegmentFrame = (Long) r.get("frame");
                assertThat(flowStreams).doesNotContain((Long) r.get("stream"));
            } else if (r.get("type").equals("flow")) {
                flowStreams.add((Long) r.get("stream"));
                assertThat(r.get("last_frame")).isEqualTo(lastSegmentFrame);
            }
        }
        assertThat(flowStreams).containsExactly(0L, 1L, 2L);
    }

    @Test
    void oneStreamShowsOnlyItsSegmentsExplanationsAndFlow() {
        Explain.Run run = Explain.run("--json", "--stream", "1",
                corpus("nagle_delayed_ack").toString());
        assertThat(run.exit()).isZero();
        List<Map<String, Object>> records = JsonLines.parse(run.out());
        assertThat(records).isNotEmpty().allMatch(r -> r.get("stream").equals(1L));
        assertThat(records.stream().filter(r -> r.get("type").equals("segment"))).hasSize(15);
        Explain.Run text = Explain.run("--stream=2", corpus("nagle_delayed_ack").toString());
        assertThat(text.out()).contains("connection 2 ").doesNotContain("connection 0 ",
                "connection 1 ");
    }

    @Test
    void aStreamThatDoesNotExistIsOneLineAndExitOne() {
        Path file = corpus("handshake_echo");
        for (String mode : List.of("--json", "--summary")) {
            Explain.Run run = Explain.run(mode, "--stream", "7", file.toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().lines()).containsExactly("sockscope explain: " + file
                    + ": no stream 7 (the capture has one TCP connection, stream 0)");
        }
    }

    @Test
    void summaryGivesFlowsAndExplanationsButNoSegments() {
        Path file = corpus("zero_window");
        Explain.Run json = Explain.run("--summary", "--json", file.toString());
        assertThat(json.exit()).isZero();
        Map<String, Long> types = JsonLines.parse(json.out()).stream().collect(
                Collectors.groupingBy(r -> (String) r.get("type"), Collectors.counting()));
        assertThat(types.keySet()).containsExactlyInAnyOrder("explain", "flow");
        assertThat(types.get("flow")).isEqualTo(1);
        Set<Object> codes = JsonLines.parse(json.out()).stream().map(r -> r.get("code"))
                .collect(Collectors.toSet());
        assertThat(codes).contains("zero_window", "zero_window_probe", "window_update");
        Explain.Run text = Explain.run("--summary", file.toString());
        assertThat(text.out()).contains("connection 0 ", "zero_window (").doesNotContain("│");
    }

    @Test
    void colourFollowsTheOptionTheTerminalAndNoColor() {
        String file = corpus("close_with_unread_data").toString();
        String escape = "\u001b[";
        assertThat(Explain.run(Map.of(), true, file).out()).contains(escape);
        assertThat(Explain.run(Map.of("NO_COLOR", "1"), true, file).out()).doesNotContain(escape);
        assertThat(Explain.run(Map.of("TERM", "dumb"), true, file).out()).doesNotContain(escape);
        assertThat(Explain.run(Map.of(), false, file).out()).doesNotContain(escape);
        assertThat(Explain.run(Map.of("NO_COLOR", "1"), false, "--color=always", file).out())
                .contains(escape + "1;31m");
        assertThat(Explain.run(Map.of(), true, "--color=never", file).out())
                .doesNotContain(escape);
    }

    @Test
    void textFitsEightyColumnsAndUsesMoreWhenGiven() {
        for (String name : List.of("zero_window", "retransmission_loss", "ipv6_echo")) {
            String file = corpus(name).toString();
            List<String> narrow = Explain.run(file).outLines().stream()
                    .filter(l -> !l.contains(file)).toList();
            assertThat(narrow).allMatch(l -> l.codePointCount(0, l.length()) <= 80);
            List<String> wide = Explain.run("--width", "140", file).outLines().stream()
                    .filter(l -> !l.contains(file)).toList();
            assertThat(wide).allMatch(l -> l.codePointCount(0, l.length()) <= 140);
            assertThat(wide.stream().mapToInt(l -> l.codePointCount(0, l.length())).max()
                    .orElseThrow()).isGreaterThan(80);
        }
    }

    @Test
    void longRunsFoldIntoOneLineWithACount() {
        Explain.Run run = Explain.run(corpus("zero_window").toString());
        assertThat(run.out()).contains("… 246 segments: 123 data → (seq 28,673:1,036,289), 123"
                + " acks ←");
        assertThat(run.outLines().stream().filter(l -> l.contains("─▶") || l.contains("◀─")))
                .hasSizeLessThan(40);
    }

    @Test
    void aMissingFileIsOneLineAndExitOne() {
        Path missing = dir.resolve("missing.pcap");
        Explain.Run run = Explain.run(missing.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("sockscope explain: " + missing
                + ": no such file");
    }

    @Test
    void aFileThatIsNotACaptureIsOneLineAndExitOne() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.pcap"), "hello, not a capture\n");
        Path empty = Files.write(dir.resolve("empty.pcap"), new byte[0]);
        for (Path file : List.of(text, empty)) {
            for (String mode : List.of("--json", "--summary", "--color=never")) {
                Explain.Run run = Explain.run(mode, file.toString());
                assertThat(run.exit()).isEqualTo(1);
                assertThat(run.out()).isEmpty();
                assertThat(run.err().lines()).hasSize(1).allMatch(l -> l.startsWith(
                        "sockscope explain: " + file + ": not a pcap or pcapng file"));
            }
        }
    }

    @Test
    void aDamagedRecordKeepsWhatWasReadSaysWhereAndExitsOne() throws IOException {
        byte[] whole = Files.readAllBytes(corpus("handshake_echo"));
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 30));
        Explain.Run json = Explain.run("--json", cut.toString());
        assertThat(json.exit()).isEqualTo(1);
        assertThat(JsonLines.parse(json.out()).stream()
                .filter(r -> r.get("type").equals("segment"))).hasSize(9);
        assertThat(json.err().lines()).hasSize(1).allMatch(l -> l.startsWith(
                "sockscope explain: " + cut + ": frame 10 (byte offset ") && l.contains("the 9"
                + " frames before it are explained"));
        Explain.Run text = Explain.run(cut.toString());
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("connection 0 ", "handshake (1–3)");
        Explain.Run summary = Explain.run("--summary", cut.toString());
        assertThat(summary.exit()).isEqualTo(1);
        assertThat(summary.err().lines()).hasSize(1);
    }

    @Test
    void usageErrorsExitTwo() {
        String file = corpus("handshake_echo").toString();
        assertThat(Explain.run().exit()).isEqualTo(2);
        assertThat(Explain.run("--color=sometimes", file).exit()).isEqualTo(2);
        assertThat(Explain.run("--stream", "-1", file).exit()).isEqualTo(2);
        assertThat(Explain.run("--stream", "one", file).exit()).isEqualTo(2);
        assertThat(Explain.run("--width", "10", file).exit()).isEqualTo(2);
        Explain.Run bogus = Explain.run("--bogus", file);
        assertThat(bogus.exit()).isEqualTo(2);
        assertThat(bogus.err()).contains("--bogus").doesNotContain("\tat ");
    }

    @Test
    void anOutputThatFailsIsOneLineAndNoThreadIsLeft() {
        OutputStream failing = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 100_000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        for (String mode : List.of("--json", "--color=never")) {
            Explain.Run run = Explain.runTo(failing, mode, corpus("zero_window").toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().lines()).containsExactly(
                    "sockscope explain: cannot write the output: No space left on device");
        }
    }

    @Test
    void theHelpNamesTheOptionsAndExitCodes() {
        Explain.Run run = Explain.run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("--json", "--summary", "--stream", "--color", "Exit codes",
                "usage error");
        assertThat(new String(run.out().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEmpty();
    }
}

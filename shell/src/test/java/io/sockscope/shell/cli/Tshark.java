package io.sockscope.shell.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * tshark's reading of a capture file, one pass as live capture reads it (no {@code -2}),
 * relative sequence numbers, sequence analysis, an empty configuration: per frame the fields a
 * segment record carries.
 */
final class Tshark {

    static final List<String> FLAGS = List.of("retransmission", "fast_retransmission",
            "spurious_retransmission", "out_of_order", "lost_segment", "ack_lost_segment",
            "duplicate_ack", "zero_window", "zero_window_probe", "zero_window_probe_ack",
            "window_full", "window_update", "keep_alive", "keep_alive_ack", "reused_ports");
    private static final List<String> FIELDS = List.of("frame.number", "tcp.stream", "tcp.seq",
            "tcp.ack", "tcp.len", "tcp.window_size", "tcp.flags.str");

    private Tshark() {
    }

    /** One frame as tshark reads it: the fields above, and the analysis flags it carries. */
    record Frame(long number, long stream, long seq, long ack, long len, long win,
            Set<String> flags, Set<String> analysis) {
    }

    /**
     * Every TCP frame of {@code pcap}. Without tshark the test is skipped, or fails where capture
     * is required (CI installs tshark).
     */
    static List<Frame> read(Path pcap, Path scratch) throws IOException, InterruptedException {
        boolean present = new ProcessBuilder("sh", "-c", "command -v tshark").start().waitFor() == 0;
        if (!present) {
            if ("1".equals(System.getenv("SOCKSCOPE_REQUIRE_CAPTURE"))) {
                Assertions.fail("tshark is not installed (apt-get install -y tshark)");
            }
            Assumptions.abort("tshark is not installed: the comparison needs it");
        }
        Path config = Files.createTempDirectory(scratch, "tshark");
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(),
                "-o", "tcp.relative_sequence_numbers:TRUE", "-o",
                "tcp.analyze_sequence_numbers:TRUE", "-Y", "tcp", "-T", "fields", "-E",
                "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String field : FIELDS) {
            command.addAll(List.of("-e", field));
        }
        for (String flag : FLAGS) {
            command.addAll(List.of("-e", "tcp.analysis." + flag));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(
                scratch.resolve("tshark.err").toFile());
        Map<String, String> env = builder.environment();
        env.put("WIRESHARK_CONFIG_DIR", config.toString());
        env.put("HOME", config.toString());
        env.put("XDG_CONFIG_HOME", config.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            Assertions.fail("tshark failed: " + Files.readString(scratch.resolve("tshark.err")));
        }
        List<Frame> frames = new ArrayList<>();
        for (String line : out.lines().toList()) {
            String[] cells = line.split("\t", -1);
            Set<String> analysis = new LinkedHashSet<>();
            for (int i = 0; i < FLAGS.size(); i++) {
                if (FIELDS.size() + i < cells.length && !cells[FIELDS.size() + i].isEmpty()) {
                    analysis.add(FLAGS.get(i));
                }
            }
            frames.add(new Frame(Long.parseLong(cells[0]), Long.parseLong(cells[1]),
                    Long.parseLong(cells[2]), Long.parseLong(cells[3]), Long.parseLong(cells[4]),
                    Long.parseLong(cells[5]), flagNames(cells[6]), analysis));
        }
        return frames;
    }

    private static final Map<Character, String> LETTERS = new HashMap<>(Map.of('F', "FIN",
            'S', "SYN", 'R', "RST", 'P', "PSH", 'A', "ACK", 'U', "URG", 'E', "ECE", 'C', "CWR"));

    /** tshark's {@code tcp.flags.str} ({@code ·······AP···}) as flag names. */
    private static Set<String> flagNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (char c : text.toCharArray()) {
            String name = LETTERS.get(c);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }
}

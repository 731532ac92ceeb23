package io.sockscope.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * tshark's reading of a capture file in one pass (as live capture reads it), relative sequence
 * numbers, an empty configuration: per TCP frame the fields a segment record carries, as text
 * in the same form the test makes of the record ({@code stream seq ack len win flags analysis}).
 */
final class TsharkFields {
  private static final List<String> FLAGS = List.of("retransmission", "fast_retransmission",
      "spurious_retransmission", "out_of_order", "lost_segment", "ack_lost_segment",
      "duplicate_ack", "zero_window", "zero_window_probe", "zero_window_probe_ack", "window_full",
      "window_update", "keep_alive", "keep_alive_ack", "reused_ports");
  private static final Map<Character, String> LETTERS = Map.of('F', "FIN", 'S', "SYN", 'R',
      "RST", 'P', "PSH", 'A', "ACK", 'U', "URG", 'E', "ECE", 'C', "CWR");

  private TsharkFields() {}

  /** Frame number to {@code "stream seq ack len win [FLAGS] [ANALYSIS]"}, flags sorted. */
  static Map<Long, String> read(Path pcap, Path scratch) throws IOException, InterruptedException {
    if (new ProcessBuilder("sh", "-c", "command -v tshark").start().waitFor() != 0) {
      if ("1".equals(System.getenv("SOCKSCOPE_REQUIRE_CAPTURE"))) {
        Assertions.fail("tshark is not installed (apt-get install -y tshark)");
      }
      Assumptions.abort("tshark is not installed: the comparison needs it");
    }
    Path config = Files.createTempDirectory(scratch, "tshark");
    List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(), "-o",
        "tcp.relative_sequence_numbers:TRUE", "-o", "tcp.analyze_sequence_numbers:TRUE", "-Y",
        "tcp", "-T", "fields", "-E", "separator=/t", "-e", "frame.number", "-e", "tcp.stream",
        "-e", "tcp.seq", "-e", "tcp.ack", "-e", "tcp.len", "-e", "tcp.window_size", "-e",
        "tcp.flags.str"));
    for (String flag : FLAGS) {
      command.addAll(List.of("-e", "tcp.analysis." + flag));
    }
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(scratch.resolve("tshark.err").toFile());
    builder.environment().put("WIRESHARK_CONFIG_DIR", config.toString());
    builder.environment().put("HOME", config.toString());
    builder.environment().put("XDG_CONFIG_HOME", config.toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      Assertions.fail("tshark failed: " + Files.readString(scratch.resolve("tshark.err")));
    }
    Map<Long, String> frames = new LinkedHashMap<>();
    for (String line : out.lines().toList()) {
      String[] cells = line.split("\t", -1);
      TreeSet<String> flags = new TreeSet<>();
      for (char c : cells[6].toCharArray()) {
        if (LETTERS.containsKey(c)) {
          flags.add(LETTERS.get(c));
        }
      }
      TreeSet<String> analysis = new TreeSet<>();
      for (int i = 0; i < FLAGS.size(); i++) {
        if (7 + i < cells.length && !cells[7 + i].isEmpty()) {
          analysis.add(FLAGS.get(i));
        }
      }
      frames.put(Long.parseLong(cells[0]), String.join(" ", cells[1], cells[2], cells[3],
          cells[4], cells[5]) + " " + flags + " " + analysis);
    }
    return frames;
  }

  /** The same text made of a segment record. */
  static String of(Map<String, Object> segment) {
    return segment.get("stream") + " " + segment.get("seq") + " " + segment.get("ack") + " "
        + segment.get("len") + " " + segment.get("win") + " "
        + new TreeSet<>((List<?>) segment.get("flags")) + " "
        + new TreeSet<>((List<?>) segment.get("analysis"));
  }
}

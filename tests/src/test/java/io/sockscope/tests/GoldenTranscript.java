package io.sockscope.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A text transcript with live capture, reduced to what is the same on every run, so it can be
 * compared with a reviewed golden copy. On top of what changes with every run (ports, times,
 * fds, RTTs, TCP timestamp values, queue sizes, timers), some of what the wire shows depends on
 * how threads and the kernel's timers met that time, and is left out:
 * <ul>
 *   <li>lines no call's group holds (the peer's segments, the kernel's own ACKs, explanations
 *       completed between calls): whether the echo's reply comes before the next recv() or
 *       while it waits, or the peer's FIN during a close() or after, is a race;</li>
 *   <li>pure ACKs: the kernel sends one at once or up to 40 ms later (delayed ACK), inside a
 *       call's window or after it;</li>
 *   <li>the segments under a recv(): the peer's data arrives before the call or while it
 *       waits;</li>
 *   <li>in explanations, the numbers (frame numbers shift with those ACKs) and whether an ACK
 *       of a run was seen by the time it was told;</li>
 *   <li>FIN_WAIT1, FIN_WAIT2 and TIME_WAIT after the first FIN: how far the other side's
 *       answer has come.</li>
 * </ul>
 * The {@code sockets} table's columns are put two blanks apart, as their widths follow the
 * number of digits in the ports.
 * An explanation's wrapped lines are joined first, so that numbers of different widths do not
 * move the wrapping.
 */
final class GoldenTranscript {

  private static final Pattern CALL_SEGMENT = Pattern.compile(" {6}\\S+ > \\S+: Flags \\[.*");
  private static final Pattern PURE_ACK = Pattern.compile(".*: Flags \\[\\.\\], .*, length 0$");
  private static final Pattern CLOSING_STATE = Pattern.compile(
      "( {6}state \\S+ )(FIN_WAIT1|FIN_WAIT2|TIME_WAIT)\\b.*");

  private GoldenTranscript() {}

  static String normalized(String transcript) {
    List<String> out = new ArrayList<>();
    boolean inRecv = false;
    boolean inTable = false;
    for (String line : joined(transcript)) {
      if (line.startsWith("[")) {
        inRecv = line.contains("recv(");
      }
      if (line.startsWith("  (") || line.startsWith("  = ") || line.startsWith("  … ")
          || line.startsWith("  state ")) {
        continue;
      }
      if (line.matches("name +fd +local .*")) {
        inTable = true;
      } else if (inTable && (line.isEmpty() || line.startsWith(" ") || line.startsWith("["))) {
        inTable = false;
      }
      if (inTable) {
        out.add(tableRow(line));
        continue;
      }
      if (CALL_SEGMENT.matcher(line).matches() && (inRecv || PURE_ACK.matcher(line).matches())) {
        continue;
      }
      line = line
          .replaceAll("\\d+(\\.\\d+)? (µs|ms|s)\\b", "T")
          .replaceAll("127\\.0\\.0\\.1([.:])\\d+", "127.0.0.1$1PORT")
          .replaceAll("'127\\.0\\.0\\.1', \\d+", "'127.0.0.1', PORT")
          .replaceAll("fd \\d+", "fd N")
          .replaceAll("rtt T", "rtt R")
          .replaceAll("TS val \\d+ ecr \\d+", "TS val V ecr E")
          .replaceAll("send-q \\d+ B  recv-q \\d+ B", "send-q Q  recv-q Q")
          .replaceAll("keeps it T more", "keeps it S more")
          .replaceAll("port \\d+", "port PORT")
          .replaceAll("\\d+ frames captured", "N frames captured");
      line = CLOSING_STATE.matcher(line).replaceAll("$1FIN_WAIT or TIME_WAIT");
      if (line.startsWith("      = ")) {
        line = line.replaceAll("; :\\d+'s kernel acknowledged (them|the last of them) in \\d+", "")
            .replaceAll("(?<=[\\s(]):\\d+", ":PORT")
            .replaceAll("\\d[\\d,]*", "N");
      }
      out.add(line);
    }
    return String.join("\n", out) + "\n";
  }

  /**
   * A row of the {@code sockets} table with its columns two blanks apart (their widths follow
   * the ports' digits), the fd, ports and RTT replaced.
   */
  private static String tableRow(String line) {
    String[] cells = line.trim().split(" {2,}");
    if (cells.length > 1 && cells[1].matches("\\d+")) {
      cells[1] = "N";
    }
    return String.join("  ", cells)
        .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
        .replaceAll("\\d+(\\.\\d+)? (µs|ms)", "R");
  }

  /** The transcript's lines with each explanation's wrapped lines joined into one. */
  private static List<String> joined(String transcript) {
    List<String> lines = new ArrayList<>();
    for (String line : transcript.lines().toList()) {
      boolean continues = !lines.isEmpty()
          && (lines.getLast().startsWith("      = ") && line.matches(" {8}\\S.*")
              || lines.getLast().startsWith("  = ") && line.matches(" {4}\\S.*"));
      if (continues) {
        lines.set(lines.size() - 1, lines.getLast() + " " + line.strip());
      } else {
        lines.add(line);
      }
    }
    return lines;
  }
}

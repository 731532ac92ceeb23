package io.sockscope.shell.render;

import io.sockscope.engine.Endpoint;
import io.sockscope.shell.run.TranscriptRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** How each transcript record reads as text lines; docs/TRANSCRIPT.md shows every form. */
final class TextLayout {
  /** Lines under a call (its kernel view; the live inspector's segments) start here. */
  static final String INDENT = "      ";

  private TextLayout() {}

  static List<TextLine> lines(TranscriptRecord record) {
    return lines(record, LiveLayout.WIDTH);
  }

  /** The lines of {@code record}, explanations wrapped to {@code width} columns. */
  static List<TextLine> lines(TranscriptRecord record, int width) {
    return switch (record) {
      case TranscriptRecord.Call c -> List.of(call(c));
      case TranscriptRecord.State s -> List.of(TextLine.of(new Styled(INDENT + state(s),
          Role.STATE)));
      case TranscriptRecord.Output o -> List.of();
      case TranscriptRecord.Error e -> List.of();
      case TranscriptRecord.Expect e -> List.of(TextLine.columns(
          List.of(new Styled((e.met() ? "  ✓ " : "  ✗ ") + e.source(),
              e.met() ? Role.EXPECT_MET : Role.EXPECT_FAILED)),
          List.of(e.met() ? new Styled(e.got(), Role.EXPECT_MET)
              : new Styled("expected " + e.expected() + ", got " + e.got(), Role.EXPECT_FAILED))));
      case TranscriptRecord.Peer p -> List.of(TextLine.of(new Styled(p.event()
          == TranscriptRecord.PeerEvent.STARTED
          ? "peer " + p.name() + ": " + p.kind() + " listening on " + p.endpoint()
          : "peer " + p.name() + ": stopped (" + p.kind() + " on " + p.endpoint() + ")",
          Role.PEER)));
      case TranscriptRecord.Renamed r -> List.of(TextLine.of(new Styled("note: socket "
          + r.from() + " is now called " + r.to() + ": its name went to a new socket",
          Role.NOTE)));
      case TranscriptRecord.Note n -> List.of(TextLine.of(new Styled("note: " + n.text(),
          Role.NOTE)));
      case TranscriptRecord.JobStarted j -> List.of(TextLine.columns(
          List.of(new Styled("[&" + j.job() + "] ", Role.CALL_ID),
              new Styled(oneLine(j.source()) + " &", Role.SOURCE)),
          List.of(new Styled("running in the background", Role.NOTE))));
      case TranscriptRecord.JobDone j -> List.of(TextLine.of(
          new Styled("[&" + j.job() + "] ", Role.CALL_ID), switch (j.end()) {
            case OK -> new Styled("done", Role.OK);
            case FAILED -> new Styled("failed: " + j.error().orElse(""), Role.FAILURE);
            case CANCELLED -> new Styled("cancelled: still waiting when the session ended",
                Role.NOTE);
          }));
      case TranscriptRecord.Capture c -> List.of(TextLine.of(new Styled(capture(c), Role.NOTE)));
      case TranscriptRecord.Segment s -> LiveLayout.segment(s);
      case TranscriptRecord.SegmentsFolded f -> LiveLayout.folded(f);
      case TranscriptRecord.Explain x -> LiveLayout.explanation(x, width);
      case TranscriptRecord.Released r -> List.of(TextLine.of(new Styled("  state " + r.socket()
          + " CLOSE  TIME_WAIT is over: the kernel no longer holds " + r.local() + " → "
          + r.remote(), Role.STATE)));
      case TranscriptRecord.Sockets s -> sockets(s);
      case TranscriptRecord.Peers p -> peers(p);
      case TranscriptRecord.Jobs j -> jobs(j);
      case TranscriptRecord.Help h -> h.text().lines()
          .map(l -> TextLine.of(new Styled(l, Role.PLAIN))).toList();
    };
  }

  private static TextLine call(TranscriptRecord.Call c) {
    List<Styled> left = List.of(new Styled("[" + c.event().id() + "] ", Role.CALL_ID),
        new Styled(oneLine(c.source()), Role.SOURCE));
    List<Styled> right = new ArrayList<>();
    right.add(CallOutcome.of(c.event()));
    right.add(new Styled(CallOutcome.duration(c.event().durationMicros()), Role.DURATION));
    c.note().ifPresent(n -> right.add(new Styled("(" + n + ")", Role.NOTE)));
    c.job().ifPresent(j -> right.add(new Styled("(job " + j + ")", Role.NOTE)));
    return TextLine.columns(left, right);
  }

  /** A statement written over several lines, on one: line breaks and their indents to a blank. */
  static String oneLine(String source) {
    return source.replaceAll("\\s*\\n\\s*", " ");
  }

  private static String state(TranscriptRecord.State s) {
    StringBuilder out = new StringBuilder("state ").append(s.socket()).append(' ')
        .append(s.tcpState());
    if (s.tcpState().equals("LISTEN")) {
      out.append("  accept queue ").append(s.receiveQueueBytes()).append(" of ")
          .append(s.sendQueueBytes());
    } else if (!s.tcpState().equals("CLOSE")
        && (s.fdOpen() || s.sendQueueBytes() + s.receiveQueueBytes() > 0)) {
      out.append("  send-q ").append(s.sendQueueBytes()).append(" B  recv-q ")
          .append(s.receiveQueueBytes()).append(" B");
    }
    s.rttMicros().ifPresent(rtt -> out.append("  rtt ").append(micros(rtt)));
    if (!s.fdOpen()) {
      out.append(s.tcpState().equals("CLOSE") ? "  fd closed"
          : "  fd closed, the kernel keeps it" + s.heldFor().map(TextLayout::forSeconds)
              .orElse(""));
    } else if (s.heldFor().isPresent()) {
      out.append("  the kernel keeps it").append(forSeconds(s.heldFor().get()));
    }
    return out.toString();
  }

  private static String forSeconds(Duration d) {
    return " " + (d.toMillis() + 999) / 1000 + " s more";
  }

  private static String micros(long us) {
    return us < 1000 ? us + " µs" : String.format(Locale.ROOT, "%.2f ms", us / 1000.0);
  }

  private static String capture(TranscriptRecord.Capture c) {
    if (c.status().equals("ok")) {
      return "capture: " + c.iface().orElse("?") + ", " + count(c.received()) + " frames captured, "
          + count(c.dropped()) + " dropped";
    }
    return "capture: " + c.status() + c.reason().map(r -> ": " + r).orElse("");
  }

  private static String count(OptionalLong n) {
    return n.isPresent() ? Long.toString(n.getAsLong()) : "?";
  }

  private static String endpoint(Optional<Endpoint> e) {
    return e.map(Endpoint::toString).orElse("-");
  }

  private static List<TextLine> sockets(TranscriptRecord.Sockets s) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("name", "fd", "local", "remote", "state", "send-q", "recv-q", "rtt"));
    for (TranscriptRecord.SocketRow r : s.rows()) {
      rows.add(List.of(r.name(), r.fd() < 0 ? "-" : Integer.toString(r.fd()), endpoint(r.local()),
          endpoint(r.remote()), r.tcpState(), Long.toString(r.sendQueueBytes()),
          Long.toString(r.receiveQueueBytes()),
          r.rttMicros().isPresent() ? micros(r.rttMicros().getAsLong()) : "-"));
    }
    return table(rows, s.rows().isEmpty() ? "no open sockets" : null);
  }

  private static List<TextLine> peers(TranscriptRecord.Peers p) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("name", "kind", "address", "connections"));
    for (TranscriptRecord.PeerRow r : p.rows()) {
      rows.add(List.of(r.name(), r.kind(), r.endpoint().toString(),
          Integer.toString(r.connections())));
    }
    return table(rows, p.rows().isEmpty() ? "no peers running" : null);
  }

  private static List<TextLine> jobs(TranscriptRecord.Jobs j) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("job", "status", "waiting in", "statement"));
    for (TranscriptRecord.JobRow r : j.rows()) {
      rows.add(List.of("&" + r.job(), r.status(), r.running().orElse("-"),
          oneLine(r.source()) + " &"));
    }
    return table(rows, j.rows().isEmpty() ? "no background jobs" : null);
  }

  private static List<TextLine> table(List<List<String>> rows, String whenEmpty) {
    if (whenEmpty != null) {
      return List.of(TextLine.of(new Styled(whenEmpty, Role.NOTE)));
    }
    int columns = rows.getFirst().size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
      }
    }
    List<TextLine> lines = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String cell = rows.get(r).get(i);
        text.append(cell);
        if (i < columns - 1) {
          text.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
        }
      }
      lines.add(TextLine.of(new Styled(text.toString(), r == 0 ? Role.HEADER : Role.PLAIN)));
    }
    return lines;
  }
}

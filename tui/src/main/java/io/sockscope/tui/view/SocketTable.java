package io.sockscope.tui.view;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The sockets pane: every open socket of the session and every closed one whose connection the
 * kernel still holds (TIME_WAIT leftovers), with its endpoints, state, queues and RTT. It is
 * kept up to date two ways: each call's {@code state} records, at once, and a snapshot of the
 * kernel's view taken a few times a second, which also shows what changes while nobody calls
 * (the peer's data arriving, TIME_WAIT running out). A row can be selected, to filter the
 * segments by its socket or open the ladder of its connection.
 */
public final class SocketTable {

  private final Map<String, SocketLine> lines = new LinkedHashMap<>();
  private final Map<String, String[]> endpoints = new LinkedHashMap<>();
  private int selected;
  private int height = 1;
  private int top;

  /** Learns from a call's endpoints and applies a {@code state} record. */
  public void accept(TranscriptRecord record) {
    switch (record) {
      case TranscriptRecord.Call c -> learn(c.event());
      case TranscriptRecord.State s -> {
        String[] ends = endpoints.getOrDefault(s.socket(), new String[2]);
        boolean gone = s.tcpState().equals("CLOSE") && !s.fdOpen();
        if (gone) {
          lines.remove(s.socket());
        } else {
          lines.put(s.socket(), new SocketLine(s.socket(), Optional.ofNullable(ends[0]),
              Optional.ofNullable(ends[1]), s.tcpState(), s.sendQueueBytes(),
              s.receiveQueueBytes(), s.rttMicros(), s.fdOpen(), s.heldFor()));
        }
      }
      case TranscriptRecord.Released r -> {
        SocketLine line = lines.get(r.socket());
        if (line != null && !line.open()) {
          lines.remove(r.socket());
        }
      }
      case TranscriptRecord.Renamed r -> {
        SocketLine line = lines.remove(r.from());
        if (line != null) {
          lines.put(r.to(), rename(line, r.to()));
        }
        String[] ends = endpoints.remove(r.from());
        if (ends != null) {
          endpoints.put(r.to(), ends);
        }
      }
      default -> {
        // other records do not change the table
      }
    }
  }

  private static SocketLine rename(SocketLine l, String name) {
    return new SocketLine(name, l.local(), l.remote(), l.state(), l.sendQueueBytes(),
        l.receiveQueueBytes(), l.rttMicros(), l.open(), l.heldFor());
  }

  private void learn(CallEvent event) {
    String[] ends = endpoints.computeIfAbsent(event.socket(), k -> new String[2]);
    event.local().ifPresent(l -> ends[0] = l.toString());
    event.remote().ifPresent(r -> ends[1] = r.toString());
    if (event.result() instanceof CallResult.Accepted(String socket, Endpoint peer,
        Endpoint local)) {
      endpoints.put(socket, new String[] {local.toString(), peer.toString()});
    }
  }

  /** The kernel's view of every socket now: replaces the table. */
  public void snapshot(List<SocketLine> now) {
    lines.clear();
    for (SocketLine line : now) {
      lines.put(line.name(), line);
    }
  }

  public List<SocketLine> lines() {
    return List.copyOf(lines.values());
  }

  public void height(int rows) {
    height = Math.max(1, rows);
  }

  /** Moves the selection by {@code delta} rows. */
  public void move(int delta) {
    selected = Math.clamp((long) selected + delta, 0, Math.max(0, lines.size() - 1));
  }

  public void home() {
    selected = 0;
  }

  public void end() {
    selected = Math.max(0, lines.size() - 1);
  }

  /** The selected socket, if the table has any. */
  public Optional<SocketLine> selected() {
    List<SocketLine> all = lines();
    if (all.isEmpty()) {
      return Optional.empty();
    }
    selected = Math.clamp(selected, 0, all.size() - 1);
    return Optional.of(all.get(selected));
  }

  /** A row of the pane and whether it is selected. */
  public record Row(List<Span> spans, boolean selected) {}

  /** The rows in sight at {@code width}: a header on a wide pane, then one row per socket. */
  public List<Row> visible(int width, boolean focused) {
    List<SocketLine> all = lines();
    List<Row> out = new ArrayList<>();
    if (all.isEmpty()) {
      out.add(new Row(Line.clip(List.of(new Span("no sockets yet", Tone.DIM)), width), false));
      return out;
    }
    boolean wide = width >= 60;
    List<List<String>> cells = new ArrayList<>();
    for (SocketLine l : all) {
      cells.add(wide ? wideCells(l) : narrowCells(l));
    }
    int columns = cells.getFirst().size();
    int[] widths = new int[columns];
    List<String> header = List.of("name", "local", "remote", "state", "send-q", "recv-q", "rtt");
    for (List<String> row : wide ? concat(header, cells) : cells) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    int rows = height;
    if (wide) {
      out.add(new Row(Line.clip(List.of(new Span(join(header, widths), Tone.HEADER)), width),
          false));
      rows--;
    }
    selected = Math.clamp(selected, 0, all.size() - 1);
    if (selected < top) {
      top = selected;
    } else if (selected >= top + rows) {
      top = selected - rows + 1;
    }
    top = Math.clamp(top, 0, Math.max(0, all.size() - rows));
    for (int i = top; i < Math.min(all.size(), top + Math.max(1, rows)); i++) {
      SocketLine l = all.get(i);
      Tone tone = l.open() ? stateTone(l.state()) : Tone.DIM;
      out.add(new Row(Line.clip(List.of(new Span(join(cells.get(i), widths), tone)), width),
          focused && i == selected));
    }
    return out;
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> cells) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(cells);
    return all;
  }

  private static Tone stateTone(String state) {
    return switch (state) {
      case "ESTABLISHED" -> Tone.OK;
      case "LISTEN" -> Tone.PEER;
      case "CLOSE_WAIT", "SYN_SENT", "SYN_RECV" -> Tone.LOSS;
      default -> Tone.STATE;
    };
  }

  private static String join(List<String> cells, int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      out.append(c);
      if (i < cells.size() - 1) {
        out.append(" ".repeat(widths[i] - c.length() + 2));
      }
    }
    return out.toString().stripTrailing();
  }

  private static List<String> wideCells(SocketLine l) {
    String state = l.state() + (l.open() ? "" : l.heldFor().map(d -> " " + seconds(d.toMillis())
        + ", closed").orElse(", closed"));
    boolean listener = l.state().equals("LISTEN");
    return List.of(l.name(), l.local().orElse("-"), l.remote().orElse("-"), state,
        listener ? "-" : l.sendQueueBytes() + " B", listener ? l.receiveQueueBytes() + " waiting"
            : l.receiveQueueBytes() + " B", rtt(l.rttMicros()));
  }

  private static List<String> narrowCells(SocketLine l) {
    String ends = port(l.local()) + (l.remote().isPresent() ? "→" + port(l.remote()) : "");
    String state = ss(l.state()) + (l.open() ? "" : l.heldFor().map(d -> " " + seconds(
        d.toMillis())).orElse(" closed"));
    String queues = l.state().equals("LISTEN") ? l.receiveQueueBytes() + " wait"
        : !l.open() && l.sendQueueBytes() + l.receiveQueueBytes() == 0 ? ""
            : l.sendQueueBytes() + "/" + l.receiveQueueBytes() + " B";
    return List.of(l.name(), ends, state, queues);
  }

  /** {@code :51234} for loopback addresses, the whole endpoint otherwise. */
  private static String port(Optional<String> endpoint) {
    if (endpoint.isEmpty()) {
      return "-";
    }
    String e = endpoint.get();
    return e.startsWith("127.") || e.startsWith("[::1]") ? e.substring(e.lastIndexOf(':')) : e;
  }

  /** ss's short names of the states. */
  static String ss(String state) {
    return switch (state) {
      case "ESTABLISHED" -> "ESTAB";
      case "TIME_WAIT" -> "TIME-WAIT";
      case "CLOSE_WAIT" -> "CLOSE-WAIT";
      case "FIN_WAIT1" -> "FIN-WAIT-1";
      case "FIN_WAIT2" -> "FIN-WAIT-2";
      case "SYN_SENT" -> "SYN-SENT";
      case "SYN_RECV" -> "SYN-RECV";
      case "LAST_ACK" -> "LAST-ACK";
      default -> state;
    };
  }

  private static String seconds(long millis) {
    return (millis + 999) / 1000 + " s";
  }

  private static String rtt(OptionalLong micros) {
    if (micros.isEmpty()) {
      return "-";
    }
    long us = micros.getAsLong();
    return us < 1000 ? us + " µs" : String.format(Locale.ROOT, "%.2f ms", us / 1000.0);
  }
}

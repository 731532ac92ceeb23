package io.sockscope.tui.view;

import io.sockscope.engine.CallEvent;
import io.sockscope.inspector.live.LiveExplanation;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The segments pane's rows: each call's segments and explanations grouped under the call, the
 * kernel's and the peer's own segments where they happen (marked so), a filter, a selection and
 * a scroll position. Rows only ever append; the oldest go past {@link #LIMIT}.
 *
 * <p>The selection follows the newest row until the user moves it elsewhere; End (or moving back
 * to the last row) makes it follow again. The pane is {@link #height} rows high, which the view
 * sets from the screen layout; the scroll position keeps the selection in sight.
 */
public final class SegmentList {

  static final int LIMIT = 20_000;
  private static final long NO_GROUP = -1;

  private final SocketBook book;
  private final List<SegmentRow> rows = new ArrayList<>();
  private final Map<Integer, List<LiveExplanation>> explanations = new HashMap<>();
  private final Map<Long, String> ops = new HashMap<>();
  private long group = NO_GROUP;
  private SegmentFilter filter = SegmentFilter.NONE;
  private List<Integer> shown = new ArrayList<>();
  private boolean stale;
  private int selected = -1;
  private boolean follow = true;
  private int top;
  private int height = 1;
  private long originNanos = Long.MIN_VALUE;

  public SegmentList(SocketBook book) {
    this.book = book;
  }

  /** Notes the calls, so that a group's head can name the call. */
  public void accept(TranscriptRecord record) {
    if (record instanceof TranscriptRecord.Call c) {
      ops.put(c.event().id(), c.source());
    }
  }

  /** A captured segment, in capture order. */
  public void accept(WireSegment wire) {
    Segment s = wire.segment();
    if (originNanos == Long.MIN_VALUE) {
      originNanos = s.atNanos();
    }
    Optional<CallEvent> cause = wire.call().isPresent() ? book.call(wire.call().getAsLong())
        : Optional.empty();
    if (wire.call().isPresent()) {
      head(wire.call().getAsLong(), cause);
    }
    Optional<SocketBook.Side> side = book.side(s, cause);
    if (wire.socket().isPresent() && !side.map(SocketBook.Side::socket).equals(wire.socket())) {
      String socket = wire.socket().get();
      side = Optional.of(new SocketBook.Side(socket, book.sentBy(s, socket)));
    }
    append(new SegmentRow.Wire(wire, side, wire.peer().or(() -> book.peer(s))));
  }

  /** An explanation of some segments or of a call; placed under its call when it has one. */
  public void accept(LiveExplanation e) {
    e.stream().ifPresent(stream -> explanations.computeIfAbsent(stream,
        k -> new ArrayList<>()).add(e));
    Optional<String> socket = Optional.empty();
    if (e.call().isPresent()) {
      Optional<CallEvent> cause = book.call(e.call().getAsLong());
      head(e.call().getAsLong(), cause);
      socket = cause.map(CallEvent::socket);
    } else if (e.keyFrame().isPresent()) {
      socket = socketOfFrame(e.keyFrame().getAsLong());
    }
    append(new SegmentRow.Why(e, socket));
  }

  /** Segments of a long run the live inspector left out. */
  public void accept(SegmentRow.Folded folded) {
    if (folded.call().isPresent()) {
      head(folded.call().getAsLong(), book.call(folded.call().getAsLong()));
    }
    append(folded);
  }

  private Optional<String> socketOfFrame(long frame) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (rows.get(i) instanceof SegmentRow.Wire w && w.wire().segment().frame() == frame) {
        return w.side().map(SocketBook.Side::socket);
      }
    }
    return Optional.empty();
  }

  private void head(long call, Optional<CallEvent> cause) {
    if (group == call) {
      return;
    }
    group = call;
    String socket = cause.map(CallEvent::socket).orElse("?");
    String op = cause.map(c -> c.op().wireName()).orElse("call");
    append(new SegmentRow.Head(call, socket, op, ops.getOrDefault(call, "")));
  }

  private void append(SegmentRow row) {
    rows.add(row);
    if (rows.size() > LIMIT) {
      int drop = LIMIT / 10;
      rows.subList(0, drop).clear();
      selected = Math.max(-1, selected - drop);
      if (selected < 0 && !follow) {
        selected = 0;
      }
    }
    stale = true;
  }

  /** The explanations that rest on {@code s}. */
  public List<LiveExplanation> explanationsOn(Segment s) {
    List<LiveExplanation> out = new ArrayList<>();
    for (LiveExplanation e : explanations.getOrDefault(s.stream(), List.of())) {
      boolean listed = e.frames().contains(s.frame());
      boolean inRange = e.frameCount() > e.frames().size() && !e.frames().isEmpty()
          && s.frame() >= e.frames().getFirst() && s.frame() <= e.frames().getLast();
      if (listed || inRange) {
        out.add(e);
      }
    }
    return out;
  }

  /** Every explanation of connection {@code stream}, in the order they came. */
  public List<LiveExplanation> explanationsOf(int stream) {
    return List.copyOf(explanations.getOrDefault(stream, List.of()));
  }

  /** Every segment of connection {@code stream} still held, in capture order. */
  public List<Segment> stream(int stream) {
    List<Segment> out = new ArrayList<>();
    for (SegmentRow row : rows) {
      if (row instanceof SegmentRow.Wire w && w.wire().segment().stream() == stream) {
        out.add(w.wire().segment());
      }
    }
    return out;
  }

  /** The connection of the newest segment of socket {@code socket}. */
  public Optional<Integer> latestStreamOf(String socket) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (rows.get(i) instanceof SegmentRow.Wire w && w.side().isPresent()
          && w.side().get().socket().equals(socket)) {
        return Optional.of(w.wire().segment().stream());
      }
    }
    return Optional.empty();
  }

  /** Time of the first segment, which rows count from; empty before any. */
  public OptionalLong originNanos() {
    return originNanos == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(originNanos);
  }

  public SegmentFilter filter() {
    return filter;
  }

  /** Shows only the rows {@code f} lets through (and their calls' heads). */
  public void filter(SegmentFilter f) {
    filter = f;
    stale = true;
    follow = true;
  }

  /** How many rows the pane shows at once. */
  public void height(int rows) {
    height = Math.max(1, rows);
  }

  /** Indices into the rows of those that pass the filter. */
  private List<Integer> shown() {
    if (!stale) {
      return shown;
    }
    List<Integer> out = new ArrayList<>(rows.size());
    int pendingHead = -1;
    for (int i = 0; i < rows.size(); i++) {
      SegmentRow row = rows.get(i);
      boolean pass = switch (row) {
        case SegmentRow.Head h -> {
          pendingHead = i;
          yield false;
        }
        case SegmentRow.Wire w -> filter.isEmpty()
            || filter.matches(w, explanationsOn(w.wire().segment()));
        case SegmentRow.Why y -> filter.isEmpty() || filter.matches(y);
        case SegmentRow.Folded f -> filter.isEmpty() || filter.matches(f);
      };
      if (pass) {
        if (pendingHead >= 0) {
          out.add(pendingHead);
          pendingHead = -1;
        }
        out.add(i);
      }
    }
    shown = out;
    stale = false;
    if (follow || selected < 0) {
      selected = out.isEmpty() ? -1 : out.getLast();
    } else if (!out.contains(selected)) {
      selected = nearest(out, selected);
    }
    return out;
  }

  private static int nearest(List<Integer> shown, int index) {
    int best = shown.isEmpty() ? -1 : shown.getFirst();
    for (int i : shown) {
      if (i <= index) {
        best = i;
      }
    }
    return best;
  }

  /** How many rows pass the filter. */
  public int count() {
    return shown().size();
  }

  /** Whether the selection follows new rows. */
  public boolean following() {
    return follow;
  }

  /** Moves the selection by {@code delta} rows (negative: up). */
  public void move(int delta) {
    List<Integer> s = shown();
    if (s.isEmpty()) {
      return;
    }
    int at = Math.max(0, s.indexOf(selected));
    int to = Math.clamp((long) at + delta, 0, s.size() - 1);
    selected = s.get(to);
    follow = to == s.size() - 1;
  }

  /** Moves the selection a page up (negative) or down. */
  public void page(int pages) {
    move(pages * Math.max(1, height - 1));
  }

  /** Selects the first row. */
  public void home() {
    List<Integer> s = shown();
    if (!s.isEmpty()) {
      selected = s.getFirst();
      follow = s.size() == 1;
    }
  }

  /** Selects the last row and follows new rows again. */
  public void end() {
    List<Integer> s = shown();
    selected = s.isEmpty() ? -1 : s.getLast();
    follow = true;
  }

  /** The selected row, if any passes the filter. */
  public Optional<SegmentRow> selected() {
    shown();
    return selected < 0 || selected >= rows.size() ? Optional.empty()
        : Optional.of(rows.get(selected));
  }

  /**
   * The selected segment, or for a head or an explanation the first segment below it (the one a
   * ladder opens on).
   */
  public Optional<Segment> selectedSegment() {
    List<Integer> s = shown();
    int from = Math.max(0, s.indexOf(selected));
    for (int k = from; k < s.size(); k++) {
      if (rows.get(s.get(k)) instanceof SegmentRow.Wire w) {
        return Optional.of(w.wire().segment());
      }
    }
    for (int k = from - 1; k >= 0; k--) {
      if (rows.get(s.get(k)) instanceof SegmentRow.Wire w) {
        return Optional.of(w.wire().segment());
      }
    }
    return Optional.empty();
  }

  /** A row in sight: the row and whether it is the selected one. */
  public record Visible(SegmentRow row, boolean selected) {}

  /** The rows in sight, {@link #height} at most, the selection among them. */
  public List<Visible> visible() {
    List<Integer> s = shown();
    int at = s.indexOf(selected);
    if (follow) {
      top = Math.max(0, s.size() - height);
    } else if (at >= 0 && at < top) {
      top = at;
    } else if (at >= top + height) {
      top = at - height + 1;
    }
    top = Math.clamp(top, 0, Math.max(0, s.size() - height));
    List<Visible> out = new ArrayList<>(height);
    for (int k = top; k < Math.min(s.size(), top + height); k++) {
      out.add(new Visible(rows.get(s.get(k)), s.get(k) == selected));
    }
    return out;
  }

  /** A row as the pane shows it at {@code width} columns. */
  public List<Span> render(SegmentRow row, int width) {
    return switch (row) {
      case SegmentRow.Head h -> head(h, width);
      case SegmentRow.Wire w -> wire(w, width);
      case SegmentRow.Why y -> Line.clip(List.of(new Span("  = " + y.explanation().code()
          .wireName() + ": " + firstLine(y.explanation().text()), Tone.EXPLAIN)), width);
      case SegmentRow.Folded f -> Line.clip(List.of(new Span("  … " + f.count()
          + " segments not shown one by one (frames " + f.firstFrame() + "–" + f.lastFrame()
          + ")", Tone.DIM)), width);
    };
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return Text.printable(nl < 0 ? text : text.substring(0, nl));
  }

  private static List<Span> head(SegmentRow.Head h, int width) {
    List<Span> out = new ArrayList<>();
    out.add(new Span("[" + h.call() + "] ", Tone.CALL_ID));
    out.add(new Span(h.op() + " " + h.socket(), Tone.STRONG));
    if (width >= 70 && !h.source().isEmpty()) {
      out.add(new Span("   " + Text.printable(h.source().replace('\n', ' ')), Tone.DIM));
    }
    return Line.clip(out, width);
  }

  private List<Span> wire(SegmentRow.Wire w, int width) {
    Segment s = w.wire().segment();
    List<Span> out = new ArrayList<>();
    out.add(new Span("  ", Tone.PLAIN));
    if (width >= 90) {
      out.add(new Span(String.format("%5d ", s.frame()), Tone.DIM));
      out.add(new Span(SegmentText.relativeTime(s.atNanos(), originNanos().orElse(s.atNanos()))
          + " ", Tone.DIM));
    }
    String direction = w.side().map(side -> side.outbound() ? ">" : "<").orElse("·");
    out.add(new Span(direction + " ", Tone.STRONG));
    out.add(new Span(SegmentText.label(s), SegmentText.tone(s)));
    if (width >= 90 && !s.options().isEmpty()) {
      out.add(new Span("  [" + String.join(",", s.options().summary()) + "]", Tone.DIM));
    }
    String mark = mark(w);
    if (mark.isEmpty()) {
      return Line.clip(out, width);
    }
    int used = Line.width(out);
    int room = width - used - mark.length();
    if (room >= 2) {
      out.add(new Span(" ".repeat(room), Tone.PLAIN));
      out.add(new Span(mark, Tone.NOTE));
      return out;
    }
    out.add(new Span("  " + mark, Tone.NOTE));
    return Line.clip(out, width);
  }

  /** What the row's right side says: who sent it when no call did, and tshark's notes. */
  private static String mark(SegmentRow.Wire w) {
    List<String> marks = new ArrayList<>();
    switch (w.wire().origin()) {
      case CALL -> {
        // the group's head names the call
      }
      case KERNEL -> marks.add("kernel");
      case PEER -> marks.add(w.peer().map(p -> "peer " + p).orElse("peer"));
    }
    Segment s = w.wire().segment();
    int bits = s.analysis();
    for (String name : s.analysisNames()) {
      boolean implied = name.equals("retransmission") && (s.has(
          io.sockscope.inspector.flow.AnalysisFlag.FAST_RETRANSMISSION)
          || s.has(io.sockscope.inspector.flow.AnalysisFlag.SPURIOUS_RETRANSMISSION));
      if (!implied && bits != 0) {
        marks.add(name);
      }
    }
    return String.join(" ", marks);
  }
}

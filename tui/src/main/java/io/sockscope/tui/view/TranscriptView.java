package io.sockscope.tui.view;

import io.sockscope.shell.render.Role;
import io.sockscope.shell.render.Styled;
import io.sockscope.shell.render.TextLine;
import io.sockscope.shell.render.TranscriptText;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The shell pane's transcript: the session's records as lines, in the words of the text
 * transcript (docs/TRANSCRIPT.md), laid out for a narrow column — a call's outcome goes beside
 * the call when it fits and under it when it does not, and a narrow pane puts the call's state
 * on its outcome row too. Segments and explanations are the segments pane's; this pane shows
 * calls, states, output, expectations, peers, jobs, notes, a TIME_WAIT ending and errors.
 *
 * <p>An entry is echoed ({@code >>> x = 5}) unless the first thing it shows is its own call line
 * or its background job's, which already repeat it. The transcript keeps the last {@link #LIMIT}
 * items and scrolls: the view follows new lines unless the user has scrolled back.
 */
public final class TranscriptView {

  static final int LIMIT = 5000;
  private static final String STATE_INDENT = "      ";

  private final Deque<Item> items = new ArrayDeque<>();
  private final StringBuilder partial = new StringBuilder();
  private Tone partialTone = Tone.PLAIN;
  private String pendingEcho;
  private int scrollBack;
  private int rowCount;
  private int cachedWidth = -1;
  private List<List<Span>> cachedRows = List.of();
  private boolean dirty = true;

  /** Adds a record's lines. */
  public void accept(TranscriptRecord record) {
    if (record instanceof TranscriptRecord.Segment || record instanceof TranscriptRecord.Explain
        || record instanceof TranscriptRecord.SegmentsFolded) {
      return;
    }
    if (pendingEcho != null) {
      boolean ownCall = record instanceof TranscriptRecord.Call call && pendingEcho.equals(
          call.source()) || record instanceof TranscriptRecord.JobStarted job
          && pendingEcho.strip().equals((job.source() + " &").strip());
      String echo = pendingEcho;
      pendingEcho = null;
      if (!ownCall) {
        echo(echo);
      }
    }
    switch (record) {
      case TranscriptRecord.Output o -> output(o.text(), o.stream() == TranscriptRecord.Stream.STDERR
          ? Tone.FAILURE : Tone.PLAIN);
      case TranscriptRecord.Error e -> add(Line.of(e.file() + ":" + e.line() + ": " + e.text(),
          Tone.FAILURE));
      case TranscriptRecord.State s -> state(s);
      case TranscriptRecord.Call c -> {
        flushPartial();
        push(new Item.Call(c.event().socket(), fromColumns(TranscriptText.lines(c).getFirst()),
            new ArrayList<>()));
      }
      case TranscriptRecord.Expect e -> addAll(e);
      case TranscriptRecord.Peer p -> addAll(p);
      case TranscriptRecord.Renamed r -> addAll(r);
      case TranscriptRecord.Note n -> addAll(n);
      case TranscriptRecord.JobStarted j -> addAll(j);
      case TranscriptRecord.JobDone j -> addAll(j);
      case TranscriptRecord.Capture c -> addAll(c);
      case TranscriptRecord.Segment s -> {
        // the segments pane's
      }
      case TranscriptRecord.SegmentsFolded f -> {
        // the segments pane's
      }
      case TranscriptRecord.Explain x -> {
        // the segments pane's
      }
      case TranscriptRecord.Released r -> addAll(r);
      case TranscriptRecord.Sockets s -> addAll(s);
      case TranscriptRecord.Peers p -> addAll(p);
      case TranscriptRecord.Jobs j -> addAll(j);
      case TranscriptRecord.Help h -> addAll(h);
    }
  }

  /**
   * What the transcript holds: plain lines, and calls with the states that followed them, which
   * a narrow pane shows on the call's outcome row ({@code ok 0.21 ms  ESTABLISHED}) and a wide
   * one on rows of their own, as the text transcript does.
   */
  private sealed interface Item {
    record Text(Line line) implements Item {}

    record Call(String socket, Line line, List<TranscriptRecord.State> states) implements Item {}
  }

  /** Pane widths below this show a call's states on its outcome row. */
  static final int NARROW = 60;

  private void state(TranscriptRecord.State s) {
    if (partial.isEmpty() && !items.isEmpty() && items.getLast() instanceof Item.Call call) {
      call.states().add(s);
      dirty = true;
      return;
    }
    flushPartial();
    push(new Item.Call("", Line.empty(), new ArrayList<>(List.of(s))));
  }

  /** The lines of an item at {@code width}. */
  private static List<Line> lines(Item item, int width) {
    return switch (item) {
      case Item.Text t -> List.of(t.line());
      case Item.Call c -> width >= NARROW ? wide(c) : narrow(c);
    };
  }

  private static List<Line> wide(Item.Call c) {
    List<Line> out = new ArrayList<>();
    if (!c.line().spans().isEmpty()) {
      out.add(c.line());
    }
    for (TranscriptRecord.State s : c.states()) {
      for (TextLine line : TranscriptText.lines(s)) {
        String text = line.plain();
        out.add(Line.of("    " + (text.startsWith(STATE_INDENT)
            ? text.substring(STATE_INDENT.length()) : text.strip()), Tone.STATE));
      }
    }
    return out;
  }

  private static List<Line> narrow(Item.Call c) {
    List<Line> out = new ArrayList<>();
    List<Span> tail = new ArrayList<>(c.line().tail());
    for (TranscriptRecord.State s : c.states()) {
      String text = compact(s);
      if (text.isEmpty()) {
        continue;
      }
      if (s.socket().equals(c.socket()) && !c.line().spans().isEmpty()) {
        tail.add(new Span("  " + text, Tone.STATE));
      } else {
        out.add(Line.of("    " + s.socket() + " " + text, Tone.STATE));
      }
    }
    if (!c.line().spans().isEmpty()) {
      out.addFirst(new Line(c.line().spans(), tail));
    }
    return out;
  }

  /** A state in a few words: {@code ESTABLISHED q 0/3 B}, {@code TIME_WAIT 60 s, fd closed}. */
  static String compact(TranscriptRecord.State s) {
    if (s.tcpState().equals("CLOSE") && s.fdOpen()) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.tcpState());
    if (s.sendQueueBytes() + s.receiveQueueBytes() > 0 && !s.tcpState().equals("LISTEN")) {
      out.append(" q ").append(s.sendQueueBytes()).append('/').append(s.receiveQueueBytes())
          .append(" B");
    }
    if (!s.fdOpen()) {
      s.heldFor().ifPresent(d -> out.append(' ').append((d.toMillis() + 999) / 1000)
          .append(" s"));
      out.append(s.tcpState().equals("CLOSE") ? "" : ", fd closed");
    }
    return out.toString();
  }

  private void addAll(TranscriptRecord record) {
    for (TextLine line : TranscriptText.lines(record)) {
      add(fromColumns(line));
    }
  }

  /**
   * A transcript line in pieces: the run of blanks that pads a call to its outcome column
   * becomes the split between the line and its tail.
   */
  static Line fromColumns(TextLine line) {
    List<Span> head = new ArrayList<>();
    List<Span> tail = new ArrayList<>();
    List<Span> into = head;
    List<Styled> pieces = line.pieces();
    for (int i = 0; i < pieces.size(); i++) {
      Styled p = pieces.get(i);
      boolean padding = p.role() == Role.PLAIN && p.text().length() >= 2 && p.text().isBlank();
      if (padding && into == head && i > 0) {
        into = tail;
        continue;
      }
      if (padding && into == tail) {
        into.add(new Span("  ", Tone.PLAIN));
        continue;
      }
      if (!p.text().isEmpty()) {
        into.add(new Span(Text.printable(p.text()), Tone.of(p.role())));
      }
    }
    return new Line(head, tail);
  }

  /** An entry was submitted: it is echoed unless its first record is its own call. */
  public void submitted(String entry) {
    flushEcho();
    pendingEcho = entry;
  }

  /** The entry has finished: an echo still pending is shown now. */
  public void entryEnded() {
    flushEcho();
  }

  /** An entry that will not run (a syntax error follows it): shown as typed. */
  public void echo(String entry) {
    flushPartial();
    boolean first = true;
    for (String row : entry.split("\n", -1)) {
      add(new Line(List.of(new Span(first ? ">>> " : "... ", Tone.PROMPT),
          new Span(Text.printable(row), Tone.DIM)), List.of()));
      first = false;
    }
  }

  private void flushEcho() {
    if (pendingEcho != null) {
      String echo = pendingEcho;
      pendingEcho = null;
      echo(echo);
    }
  }

  /** A line of the shell's own (the greeting, a hint). */
  public void note(String text, Tone tone) {
    flushEcho();
    add(Line.of(Text.printable(text), tone));
  }

  private void output(String text, Tone tone) {
    String[] parts = text.split("\n", -1);
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        if (partial.isEmpty()) {
          partialTone = tone;
        }
        partial.append(parts[i]);
      }
      if (i < parts.length - 1) {
        Line line = Line.of(Text.printable(partial.toString()), partialTone);
        partial.setLength(0);
        push(line);
      }
    }
    dirty = true;
  }

  private void flushPartial() {
    if (!partial.isEmpty()) {
      push(Line.of(Text.printable(partial.toString()), partialTone));
      partial.setLength(0);
    }
  }

  private void add(Line line) {
    flushPartial();
    push(line);
  }

  private void push(Line line) {
    push(new Item.Text(line));
  }

  private void push(Item item) {
    items.addLast(item);
    while (items.size() > LIMIT) {
      items.removeFirst();
    }
    dirty = true;
  }

  /** Every line at {@code width}, oldest first (output not yet ended by a line break last). */
  public List<Line> lines(int width) {
    List<Line> out = new ArrayList<>(items.size() + 1);
    for (Item item : items) {
      out.addAll(lines(item, width));
    }
    if (!partial.isEmpty()) {
      out.add(Line.of(Text.printable(partial.toString()), partialTone));
    }
    return out;
  }

  /** The transcript laid out at {@code width}, oldest row first. */
  List<List<Span>> rows(int width) {
    if (dirty || width != cachedWidth) {
      List<List<Span>> rows = new ArrayList<>();
      for (Line line : lines(width)) {
        rows.addAll(line.rows(width));
      }
      cachedRows = rows;
      cachedWidth = width;
      dirty = false;
    }
    return cachedRows;
  }

  /**
   * The {@code height} rows the pane shows at {@code width}: the newest ones, or older ones when
   * scrolled back (rows added meanwhile then leave the view where it is).
   */
  public List<List<Span>> visible(int width, int height) {
    List<List<Span>> rows = rows(width);
    if (scrollBack > 0 && rows.size() > rowCount) {
      scrollBack += rows.size() - rowCount;
    }
    rowCount = rows.size();
    int max = Math.max(0, rows.size() - height);
    scrollBack = Math.clamp(scrollBack, 0, max);
    int end = rows.size() - scrollBack;
    return rows.subList(Math.max(0, end - height), end);
  }

  /** Scrolls back (positive) or forward by {@code rows}; the bottom follows new lines. */
  public void scroll(int rows) {
    scrollBack = Math.max(0, scrollBack + rows);
  }

  /** Back to the newest lines. */
  public void toBottom() {
    scrollBack = 0;
  }

  /** How far the view is scrolled back from the newest row. */
  public int scrollBack() {
    return scrollBack;
  }
}

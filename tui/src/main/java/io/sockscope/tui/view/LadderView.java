package io.sockscope.tui.view;

import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.live.LiveExplanation;
import io.sockscope.inspector.flow.Endpoint;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.shell.render.Ladder;
import io.sockscope.shell.render.Palette;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ladder overlay ({@code l}): one connection drawn as the {@code explain} report draws it
 * ({@link Ladder}: the client's column on the left, an arrow per segment, the explanation codes
 * at the right), each arrow in its segment's tone, with a title naming the connection and the
 * explanations' texts under it. It scrolls; it is drawn afresh for the overlay's width.
 */
public final class LadderView extends ScrollingView {

  private final SegmentList segments;
  private int stream = -1;

  public LadderView(SegmentList segments) {
    this.segments = segments;
  }

  /** Opens on the connection of the selected segment; false when nothing is selected. */
  public boolean open() {
    Optional<Segment> s = segments.selectedSegment();
    if (s.isEmpty()) {
      return false;
    }
    stream = s.get().stream();
    home();
    return true;
  }

  /** Opens on connection {@code stream}. */
  public void open(int connection) {
    stream = connection;
    home();
  }

  public int stream() {
    return stream;
  }

  /** The title, the ladder and the explanations of the connection, for {@code width} columns. */
  @Override
  public List<Line> lines(int width) {
    List<Segment> all = segments.stream(stream);
    if (all.isEmpty()) {
      return List.of(Line.of("No segments of connection " + stream + " are held.", Tone.DIM));
    }
    Segment first = all.getFirst();
    Endpoint client = first.source();
    Endpoint server = first.destination();
    for (Segment s : all) {
      if (s.has(TcpFlags.SYN) && !s.has(TcpFlags.ACK)) {
        client = s.source();
        server = s.destination();
        break;
      }
    }
    List<Line> out = new ArrayList<>();
    out.add(Line.of(new Span("connection " + stream, Tone.STRONG), new Span("  " + client + " → "
        + server + "  " + all.size() + " segments", Tone.DIM)));
    out.add(Line.empty());
    Ladder ladder = new Ladder(client, server, all.getLast().frame(), width, Palette.NONE);
    Map<Long, Segment> byFrame = new HashMap<>();
    for (Segment s : all) {
      ladder.add(s);
      byFrame.put(s.frame(), s);
    }
    List<LiveExplanation> explanations = segments.explanationsOf(stream);
    for (LiveExplanation e : explanations) {
      e.keyFrame().ifPresent(frame -> ladder.mark(frame, e.code().wireName()));
    }
    for (String row : ladder.lines()) {
      out.add(new Line(Line.clip(List.of(new Span(row, tone(row, byFrame))), width), List.of()));
    }
    if (!explanations.isEmpty()) {
      out.add(Line.empty());
    }
    for (LiveExplanation e : explanations) {
      boolean first0 = true;
      for (String paragraph : e.text().split("\n")) {
        out.add(first0 ? Line.of(new Span(e.code().wireName() + " (" + DetailView.framesText(e)
            + "): ",
            Tone.STRONG), new Span(Text.printable(paragraph), Tone.EXPLAIN))
            : Line.of("  " + Text.printable(paragraph), Tone.EXPLAIN));
        first0 = false;
      }
    }
    return out;
  }

  /** The tone of a ladder row: its segment's, found by the frame number it starts with. */
  private static Tone tone(String row, Map<Long, Segment> byFrame) {
    String head = row.stripLeading();
    int end = 0;
    while (end < head.length() && Character.isDigit(head.charAt(end))) {
      end++;
    }
    if (end == 0 || end > 18 || !head.substring(end).startsWith("  │")) {
      return row.contains("…") ? Tone.DIM : Tone.PLAIN;
    }
    Segment s = byFrame.get(Long.parseLong(head.substring(0, end)));
    return s == null ? Tone.PLAIN : SegmentText.tone(s);
  }
}

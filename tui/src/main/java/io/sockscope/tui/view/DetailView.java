package io.sockscope.tui.view;

import io.sockscope.engine.CallEvent;
import io.sockscope.inspector.live.LiveExplanation;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpOption;
import io.sockscope.shell.render.CallOutcome;
import io.sockscope.shell.render.Styled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The detail pane: everything about the row selected in the segments pane. For a segment, every
 * header field and option (tcpdump's line, then the raw and relative numbers, the window and its
 * scale, tshark's analysis), the payload as hexdump and ASCII, and the explanations resting on
 * it; for an explanation, its whole text and frames; for a call's head, the call. It scrolls on
 * its own; choosing another row starts it at the top.
 */
public final class DetailView extends ScrollingView {

  private final SegmentList segments;
  private final SocketBook book;
  private final PayloadBook payloads;
  private Optional<SegmentRow> shownRow = Optional.empty();

  public DetailView(SegmentList segments, SocketBook book, PayloadBook payloads) {
    this.segments = segments;
    this.book = book;
    this.payloads = payloads;
  }

  /** The rows in sight at {@code width}; another selected row starts at the top. */
  @Override
  public List<List<Span>> visible(int width) {
    Optional<SegmentRow> row = segments.selected();
    if (!row.equals(shownRow)) {
      shownRow = row;
      home();
    }
    return super.visible(width);
  }

  /** The lines for the selected row, laid out for {@code width} columns. */
  @Override
  public List<Line> lines(int width) {
    Optional<SegmentRow> row = segments.selected();
    if (row.isEmpty()) {
      return List.of(Line.of("No segment selected. Segments appear here as calls put them on "
          + "the wire; select one in the segments pane (Tab, then j/k or the arrows).", Tone.DIM));
    }
    return switch (row.get()) {
      case SegmentRow.Wire w -> segment(w, width);
      case SegmentRow.Why y -> explanation(y.explanation());
      case SegmentRow.Head h -> call(h);
      case SegmentRow.Folded f -> List.of(Line.of(f.count() + " segments of " + f.call().stream()
          .mapToObj(c -> "call [" + c + "]").findFirst().orElse("no call") + ", frames "
          + f.firstFrame() + " to " + f.lastFrame() + ", are not shown one by one: a long run "
          + "of alike segments, of which the first and the last are shown around this row.",
          Tone.DIM));
    };
  }

  private List<Line> segment(SegmentRow.Wire w, int width) {
    Segment s = w.wire().segment();
    List<Line> out = new ArrayList<>();
    String cause = w.call().isPresent()
        ? "[" + w.call().getAsLong() + "] " + book.call(w.call().getAsLong())
            .map(c -> c.op().wireName() + " " + c.socket()).orElse("call")
        : switch (w.wire().origin()) {
          case CALL -> "a call";
          case KERNEL -> "the kernel" + w.side().map(side -> " (" + side.socket() + ")")
              .orElse("");
          case PEER -> w.peer().map(p -> "the peer " + p).orElse("the peer");
        };
    out.add(Line.of(new Span("frame " + s.frame(), Tone.STRONG),
        new Span("  " + SegmentText.relativeTime(s.atNanos(),
            segments.originNanos().orElse(s.atNanos())) + " s  stream " + s.stream()
            + "  by " + cause, Tone.DIM)));
    String tcpdump = s.tcpdumpLine();
    int colon = tcpdump.indexOf(": ");
    out.add(Line.of(colon < 0 ? tcpdump : tcpdump.substring(0, colon), SegmentText.tone(s)));
    if (colon >= 0) {
      out.add(Line.of(tcpdump.substring(colon + 2), SegmentText.tone(s)));
    }
    out.add(Line.of("flags " + String.join(" ", s.flagNames()) + "  (" + SegmentText.flags(s)
        + ")", Tone.PLAIN));
    out.add(Line.of("seq " + s.seq() + " (raw " + s.rawSeq() + ")  next seq " + s.nextSeq()
        + "  ack " + s.ack() + " (raw " + s.rawAck() + ")", Tone.PLAIN));
    out.add(Line.of("window " + s.window() + scale(s) + "  urgent " + s.urgentPointer()
        + "  length " + s.length(), Tone.PLAIN));
    List<String> options = s.options().summary();
    out.add(Line.of("options " + (options.isEmpty() ? "none" : String.join(", ", options)),
        Tone.PLAIN));
    for (TcpOption option : s.options().list()) {
      switch (option) {
        case TcpOption.Timestamps ts -> out.add(Line.of("  TS val " + ts.value() + " ecr "
            + ts.echoReply(), Tone.DIM));
        case TcpOption.Sack sack -> {
          for (TcpOption.SackBlock b : sack.blocks()) {
            out.add(Line.of("  SACK " + relative(b.left(), s) + "-" + relative(b.right(), s)
                + " (raw " + b.left() + "-" + b.right() + ")", Tone.DIM));
          }
        }
        case TcpOption.Other other -> out.add(Line.of("  option " + other.kind() + ": "
            + other.data().length + " bytes", Tone.DIM));
        default -> {
          // the summary line says all there is
        }
      }
    }
    if (s.analysis() != 0) {
      out.add(Line.of("analysis " + String.join(", ", s.analysisNames())
          + (s.has(AnalysisFlag.DUPLICATE_ACK) ? " (#" + s.duplicateAckNumber() + " of frame "
              + s.duplicateAckFrame() + ")" : ""), Tone.LOSS));
    }
    payload(w, width, out);
    for (LiveExplanation e : segments.explanationsOn(s)) {
      explanationText(e, out);
    }
    return out;
  }

  private static long relative(long raw, Segment s) {
    return (raw - s.options().sackBase()) & 0xFFFFFFFFL;
  }

  private static String scale(Segment s) {
    int factor = s.windowScaleFactor();
    if (factor > 1) {
      return " × " + factor + " = " + s.calculatedWindow();
    }
    return s.calculatedWindow() != s.window() ? " (" + s.calculatedWindow() + ")" : "";
  }

  private void payload(SegmentRow.Wire w, int width, List<Line> out) {
    int length = w.wire().segment().length();
    if (length == 0) {
      return;
    }
    Optional<byte[]> bytes = w.wire().payload().or(() -> w.side().flatMap(side ->
        payloads.payload(w.wire().segment(), side.socket(), side.outbound())));
    if (bytes.isEmpty()) {
      out.add(Line.of("payload " + length + " bytes, not shown: "
          + w.side().map(side -> side.outbound()
              ? "the call that sent them showed only their first 64"
              : side.socket() + " has not read them yet (recv shows them)")
              .orElse("no socket of the session read them"), Tone.DIM));
      return;
    }
    byte[] data = bytes.get();
    out.add(Line.of("payload " + length + " bytes" + (data.length < length ? ", "
        + data.length + " captured" : ""), Tone.HEADER));
    for (String row : Hexdump.rows(data, Hexdump.bytesPerRow(width))) {
      out.add(Line.of(row, Tone.DATA));
    }
  }

  private static void explanationText(LiveExplanation e, List<Line> out) {
    boolean first = true;
    for (String paragraph : e.text().split("\n")) {
      out.add(first
          ? Line.of(new Span("= " + e.code().wireName() + ": ", Tone.STRONG),
              new Span(Text.printable(paragraph), Tone.EXPLAIN))
          : Line.of(Text.printable(paragraph), Tone.EXPLAIN));
      first = false;
    }
  }

  private List<Line> explanation(LiveExplanation e) {
    List<Line> out = new ArrayList<>();
    out.add(Line.of(new Span(e.code().wireName(), Tone.STRONG), new Span(
        (e.frames().isEmpty() ? "" : "  frames " + framesText(e))
        + (e.stream().isPresent() ? "  stream " + e.stream().getAsInt() : "")
        + (e.call().isPresent() ? "  call [" + e.call().getAsLong() + "]" : ""), Tone.DIM)));
    for (String paragraph : e.text().split("\n")) {
      out.add(Line.of(Text.printable(paragraph), Tone.EXPLAIN));
    }
    return out;
  }

  /**
   * The frames an explanation rests on as people read them: {@code 4}, {@code 1–3}, {@code 8,
   * 10}; a sample of a long list as {@code 16–267 (126 frames)}.
   */
  static String framesText(LiveExplanation e) {
    List<Long> frames = e.frames();
    if (frames.size() < e.frameCount()) {
      return frames.getFirst() + "–" + frames.getLast() + " (" + e.frameCount() + " frames)";
    }
    boolean consecutive = frames.getLast() - frames.getFirst() == frames.size() - 1;
    if (frames.size() == 1) {
      return frames.getFirst().toString();
    }
    if (consecutive) {
      return frames.getFirst() + "–" + frames.getLast();
    }
    return String.join(", ", frames.stream().map(String::valueOf).toList());
  }

  private List<Line> call(SegmentRow.Head h) {
    List<Line> out = new ArrayList<>();
    out.add(Line.of(new Span("[" + h.call() + "] ", Tone.CALL_ID), new Span(Text.printable(
        h.source().replace('\n', ' ')), Tone.SOURCE)));
    Optional<CallEvent> call = book.call(h.call());
    if (call.isPresent()) {
      CallEvent c = call.get();
      Styled outcome = CallOutcome.of(c);
      out.add(Line.of(new Span(c.op().wireName() + " on " + c.socket() + ": ", Tone.PLAIN),
          new Span(Text.printable(outcome.text()), Tone.of(outcome.role())),
          new Span("  " + CallOutcome.duration(c.durationMicros()), Tone.DURATION)));
      if (c.local().isPresent() || c.remote().isPresent()) {
        out.add(Line.of(c.local().map(Object::toString).orElse("-") + " → "
            + c.remote().map(Object::toString).orElse("-"), Tone.DIM));
      }
    }
    out.add(Line.of("Select a segment below it for its fields and payload.", Tone.DIM));
    return out;
  }
}

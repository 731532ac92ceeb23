package io.sockscope.tui.view;

import io.sockscope.engine.EngineEvent;
import io.sockscope.inspector.live.LiveExplanation;
import io.sockscope.inspector.live.SegmentOrigin;
import io.sockscope.shell.complete.TabCompletion;
import io.sockscope.shell.lang.ParseResult;
import io.sockscope.shell.run.CaptureCount;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the full-screen session shows, as a pure model: the session's records, segments,
 * explanations and kernel snapshots go in; what each pane shows, the focus, the selection, the
 * filter, the scroll positions and the overlays come out; keys change it and may ask the session
 * for something ({@link Command}). No terminal in it: the panes draw what it says, and it is
 * tested as a function of its inputs. It is used by one thread (the GUI thread).
 */
public final class SessionView {

  /** What covers the panes. */
  public enum Overlay {
    NONE,
    HELP,
    LADDER
  }

  private final SocketBook book = new SocketBook();
  private final PayloadBook payloads = new PayloadBook();
  private final TranscriptView transcript = new TranscriptView();
  private final SegmentList segments = new SegmentList(book);
  private final DetailView detail = new DetailView(segments, book, payloads);
  private final SocketTable sockets = new SocketTable();
  private final Overlays overlays = new Overlays(new LadderView(segments));
  private final EditLine input;
  private final ShellPane shell;
  private final SessionStatus status = new SessionStatus();
  private final FilterPrompt filter = new FilterPrompt(segments);
  private ScreenLayout layout = ScreenLayout.of(80, 24);
  private Pane focus = Pane.SHELL;
  private String message = "";
  private String runningEntry;

  /**
   * @param completion Tab completion over the session's names
   * @param history    the entries typed before, oldest first
   * @param isSocket   whether a name is bound to an open socket (for highlighting)
   */
  public SessionView(TabCompletion completion, History history, Predicate<String> isSocket) {
    this.input = new EditLine(completion, history);
    this.shell = new ShellPane(transcript, input, isSocket);
    resize(80, 24);
  }


  /** A transcript record of the session. */
  public void accept(TranscriptRecord record) {
    book.learn(record);
    payloads.learn(record);
    transcript.accept(record);
    segments.accept(record);
    sockets.accept(record);
    switch (record) {
      case TranscriptRecord.Segment s -> {
        status.captured(1);
        segments.accept(new WireSegment(s.segment(), s.call(), origin(s.origin()),
            Optional.empty(), s.origin().socket(), s.origin().peer()));
      }
      case TranscriptRecord.SegmentsFolded f -> {
        status.captured(f.count());
        segments.accept(new SegmentRow.Folded(f.call(), f.count(), f.firstFrame(),
            f.lastFrame()));
      }
      case TranscriptRecord.Explain x -> segments.accept(x.explanation());
      case TranscriptRecord.Call c -> shell.callEnded(c.event().id());
      case TranscriptRecord.Peer p -> peer(p);
      case TranscriptRecord.Capture c -> status.captureEnded(c);
      default -> {
        // the panes above have it
      }
    }
  }

  /**
   * A peer started or stopped, for the status bar only: the shell's greeting says it in its own
   * words.
   */
  public void peer(TranscriptRecord.Peer p) {
    book.learn(p);
    status.peer(p);
  }

  private static WireSegment.Origin origin(SegmentOrigin origin) {
    return switch (origin.source()) {
      case CALL -> WireSegment.Origin.CALL;
      case KERNEL -> WireSegment.Origin.KERNEL;
      case PEER -> WireSegment.Origin.PEER;
    };
  }

  /** A captured segment. */
  public void accept(WireSegment segment) {
    segments.accept(segment);
  }

  /** An explanation of captured segments or of a call. */
  public void accept(LiveExplanation explanation) {
    segments.accept(explanation);
  }

  /** A call began (it shows as running until its record comes). */
  public void callStarted(EngineEvent.CallStarted started) {
    shell.callStarted(started);
  }

  /** The kernel's view of every socket now. */
  public void sockets(List<SocketLine> now) {
    sockets.snapshot(now);
  }

  /** The clock, µs since the epoch, for running calls' elapsed time. */
  public void tick(long epochMicros) {
    shell.tick(epochMicros);
  }

  /** Whether capture runs, as the session started it. */
  public void capture(CaptureStatus status) {
    this.status.capture(status);
  }

  /** Capture's counts so far, per interface, for the status bar. */
  public void captureCounts(List<CaptureCount> counts) {
    status.counts(counts);
  }


  /** A line of the shell's own in the transcript (the greeting). */
  public void note(String text, Tone tone) {
    transcript.note(text, tone);
  }

  /** The terminal's size changed. */
  public void resize(int columns, int rows) {
    layout = ScreenLayout.of(columns, rows);
    if (layout.fits()) {
      segments.height(layout.contentRows(Pane.SEGMENTS));
      detail.height(layout.contentRows(Pane.DETAIL));
      sockets.height(layout.contentRows(Pane.SOCKETS));
      overlays.height(overlayRows());
    }
  }

  /** An entry began to run on the session. */
  public void entryStarted(String source) {
    runningEntry = source;
    transcript.submitted(source);
    transcript.toBottom();
  }

  /** The running entry finished. */
  public void entryEnded() {
    runningEntry = null;
    transcript.entryEnded();
  }

  public boolean entryRunning() {
    return runningEntry != null;
  }


  /** Applies a key; returns what it asks of the session. */
  public Command press(Key key) {
    message = "";
    if (key == Key.Named.F10 || key.equals(new Key.Ctrl('q'))) {
      return new Command.Quit();
    }
    if (!layout.fits()) {
      return Command.NONE;
    }
    if (key.equals(new Key.Ctrl('c'))) {
      return interrupt();
    }
    if (filter.isOpen()) {
      filterKey(key);
      return Command.NONE;
    }
    if (overlays.shown() != Overlay.NONE) {
      overlays.press(key);
      return Command.NONE;
    }
    if (key == Key.Named.F1) {
      openHelp();
      return Command.NONE;
    }
    if (key == Key.Named.F4) {
      openFilter();
      return Command.NONE;
    }
    if (key == Key.Named.BACK_TAB && !(focus == Pane.SHELL && input.menuOpen())) {
      focus = focus.previous();
      return Command.NONE;
    }
    if (key == Key.Named.TAB && !(focus == Pane.SHELL && !input.isEmpty())) {
      focus = focus.next();
      return Command.NONE;
    }
    return switch (focus) {
      case SHELL -> shellKey(key);
      case SEGMENTS -> segmentsKey(key);
      case DETAIL -> detailKey(key);
      case SOCKETS -> socketsKey(key);
    };
  }

  private Command interrupt() {
    if (runningEntry != null) {
      message = "cancelling the running call";
      return new Command.Cancel();
    }
    if (focus == Pane.SHELL) {
      input.clear();
    } else {
      message = "nothing is running";
    }
    return Command.NONE;
  }

  private Command shellKey(Key key) {
    if (key == Key.Named.PAGE_UP || key == Key.Named.PAGE_DOWN) {
      int page = Math.max(1, layout.contentRows(Pane.SHELL) - 1);
      transcript.scroll(key == Key.Named.PAGE_UP ? page : -page);
      return Command.NONE;
    }
    if (key.equals(new Key.Ctrl('d')) && input.isEmpty()) {
      return new Command.Quit();
    }
    if (key.equals(new Key.Ctrl('l'))) {
      transcript.toBottom();
      return Command.NONE;
    }
    EditLine.Result result = input.press(key);
    result.message().ifPresent(m -> message = m);
    if (result.submitted().isEmpty()) {
      return Command.NONE;
    }
    String source = result.submitted().get();
    transcript.toBottom();
    return switch (result.parsed().orElseThrow()) {
      case ParseResult.Complete c -> new Command.Run(source, c.program());
      case ParseResult.Invalid invalid -> {
        transcript.echo(source);
        transcript.note(invalid.format(), Tone.FAILURE);
        yield new Command.Rejected(source);
      }
      case ParseResult.Incomplete incomplete -> {
        transcript.echo(source);
        transcript.note("<stdin>: incomplete: " + incomplete.reason(), Tone.FAILURE);
        yield new Command.Rejected(source);
      }
    };
  }

  private boolean commonListKey(Key key) {
    if (key.equals(new Key.Typed('/'))) {
      openFilter();
    } else if (key.equals(new Key.Typed('?'))) {
      openHelp();
    } else if (key.equals(new Key.Typed('l'))) {
      openLadder();
    } else {
      return false;
    }
    return true;
  }

  private Command segmentsKey(Key key) {
    if (commonListKey(key)) {
      return Command.NONE;
    }
    switch (key) {
      case Key.Typed(char c) when c == 'j' -> segments.move(1);
      case Key.Typed(char c) when c == 'k' -> segments.move(-1);
      case Key.Typed(char c) when c == 'g' -> segments.home();
      case Key.Typed(char c) when c == 'G' -> segments.end();
      case Key.Named n when n == Key.Named.DOWN -> segments.move(1);
      case Key.Named n when n == Key.Named.UP -> segments.move(-1);
      case Key.Named n when n == Key.Named.PAGE_DOWN -> segments.page(1);
      case Key.Named n when n == Key.Named.PAGE_UP -> segments.page(-1);
      case Key.Named n when n == Key.Named.HOME -> segments.home();
      case Key.Named n when n == Key.Named.END -> segments.end();
      case Key.Named n when n == Key.Named.ENTER -> focus = Pane.DETAIL;
      case Key.Named n when n == Key.Named.ESCAPE -> segments.filter(SegmentFilter.NONE);
      default -> {
        // not a key of this pane
      }
    }
    return Command.NONE;
  }

  private Command detailKey(Key key) {
    if (commonListKey(key)) {
      return Command.NONE;
    }
    switch (key) {
      case Key.Typed(char c) when c == 'j' -> detail.scroll(1);
      case Key.Typed(char c) when c == 'k' -> detail.scroll(-1);
      case Key.Typed(char c) when c == 'g' -> detail.home();
      case Key.Typed(char c) when c == 'G' -> detail.end();
      case Key.Named n when n == Key.Named.DOWN -> detail.scroll(1);
      case Key.Named n when n == Key.Named.UP -> detail.scroll(-1);
      case Key.Named n when n == Key.Named.PAGE_DOWN -> detail.page(1);
      case Key.Named n when n == Key.Named.PAGE_UP -> detail.page(-1);
      case Key.Named n when n == Key.Named.HOME -> detail.home();
      case Key.Named n when n == Key.Named.END -> detail.end();
      case Key.Named n when n == Key.Named.ESCAPE || n == Key.Named.BACKSPACE ->
          focus = Pane.SEGMENTS;
      default -> {
        // not a key of this pane
      }
    }
    return Command.NONE;
  }

  private Command socketsKey(Key key) {
    if (key.equals(new Key.Typed('l'))) {
      Optional<Integer> stream = sockets.selected().flatMap(s -> segments.latestStreamOf(
          s.name()));
      if (stream.isPresent()) {
        openLadder(stream.get());
      } else {
        message = "no segments of this socket yet";
      }
      return Command.NONE;
    }
    if (commonListKey(key)) {
      return Command.NONE;
    }
    switch (key) {
      case Key.Typed(char c) when c == 'j' -> sockets.move(1);
      case Key.Typed(char c) when c == 'k' -> sockets.move(-1);
      case Key.Typed(char c) when c == 'g' -> sockets.home();
      case Key.Typed(char c) when c == 'G' -> sockets.end();
      case Key.Named n when n == Key.Named.DOWN -> sockets.move(1);
      case Key.Named n when n == Key.Named.UP -> sockets.move(-1);
      case Key.Named n when n == Key.Named.PAGE_DOWN -> sockets.move(layout.contentRows(
          Pane.SOCKETS));
      case Key.Named n when n == Key.Named.PAGE_UP -> sockets.move(-layout.contentRows(
          Pane.SOCKETS));
      case Key.Named n when n == Key.Named.HOME -> sockets.home();
      case Key.Named n when n == Key.Named.END -> sockets.end();
      case Key.Named n when n == Key.Named.ENTER -> sockets.selected().ifPresent(s -> {
        segments.filter(SegmentFilter.parse(s.name()));
        focus = Pane.SEGMENTS;
        message = "segments of " + s.name() + " (Esc in the segments pane shows all)";
      });
      default -> {
        // not a key of this pane
      }
    }
    return Command.NONE;
  }

  private void openHelp() {
    overlays.openHelp();
  }

  private void openLadder() {
    if (!overlays.openLadder()) {
      message = "no segment to draw a ladder for: select one in the segments pane";
    }
  }

  private void openFilter() {
    filter.open();
  }

  private void filterKey(Key key) {
    if (filter.press(key) == FilterPrompt.Outcome.APPLIED) {
      focus = focus == Pane.SHELL ? Pane.SEGMENTS : focus;
      message = segments.filter().isEmpty() ? "filter cleared" : segments.count() + " rows match";
    }
  }

  public ScreenLayout layout() {
    return layout;
  }

  public Pane focus() {
    return focus;
  }

  public Overlay overlay() {
    return overlays.shown();
  }

  /** A row of a pane, highlighted when it is the selection. */
  public record Row(List<Span> spans, boolean highlighted) {}

  /**
   * The shell pane's rows: the transcript, then the calls running now, the earlier lines of an
   * unfinished entry and the completion menu, at the bottom.
   */
  public List<Row> shellRows() {
    return shell.rows(layout.contentColumns(Pane.SHELL), layout.contentRows(Pane.SHELL));
  }

  /** The input row: prompt and line, scrolled so the cursor shows, and the cursor's column. */
  public record InputRow(List<Span> spans, int cursorColumn) {}

  public InputRow inputRow() {
    return shell.inputRow(layout.input().width(), focus == Pane.SHELL);
  }

  /** The segments pane's rows. */
  public List<Row> segmentRows() {
    int width = layout.contentColumns(Pane.SEGMENTS);
    List<Row> out = new ArrayList<>();
    for (SegmentList.Visible v : segments.visible()) {
      out.add(new Row(segments.render(v.row(), width), v.selected() && focus != Pane.SHELL));
    }
    if (out.isEmpty()) {
      out.add(new Row(Line.clip(List.of(new Span(segments.filter().isEmpty()
          ? "no segments yet" : "no segment matches the filter '" + segments.filter().text()
              + "'", Tone.DIM)), width), false));
    }
    return out;
  }

  /** The segments pane's title: its name and the filter. */
  public String segmentsTitle() {
    return segments.filter().isEmpty() ? "segments" : "segments /" + segments.filter().text();
  }

  /** The detail pane's rows. */
  public List<Row> detailRows() {
    List<Row> out = new ArrayList<>();
    for (List<Span> row : detail.visible(layout.contentColumns(Pane.DETAIL))) {
      out.add(new Row(row, false));
    }
    return out;
  }

  /** The sockets pane's rows. */
  public List<Row> socketRows() {
    List<Row> out = new ArrayList<>();
    for (SocketTable.Row row : sockets.visible(layout.contentColumns(Pane.SOCKETS),
        focus == Pane.SOCKETS)) {
      out.add(new Row(row.spans(), row.selected()));
    }
    return out;
  }

  /** Rows of content an overlay has: the screen but its frame and the status bar. */
  public int overlayRows() {
    return Math.max(1, layout.rows() - 3);
  }

  /** The overlay's title. */
  public String overlayTitle() {
    return overlays.title();
  }

  /** The overlay's rows at {@code width} columns. */
  public List<Row> overlayRows(int width) {
    overlays.height(overlayRows());
    return overlays.rows(width);
  }

  /** The status bar: capture, peers, then what is running, a message, or the keys to try. */
  public List<Span> statusRow() {
    int width = layout.status().width();
    List<Span> out = new ArrayList<>();
    if (filter.isOpen()) {
      return Line.clip(filter.spans(), width);
    }
    out.addAll(status.spans());
    if (!message.isEmpty()) {
      out.add(new Span(message, Tone.NOTE));
    } else if (runningEntry != null) {
      out.add(new Span("running — Ctrl-C cancels", Tone.RUNNING));
    } else {
      out.add(new Span(hints(width - Line.width(out)), Tone.DIM));
    }
    return Line.clip(out, width);
  }

  /**
   * The keys to try where the focus is (or in the overlay shown), as many as fit in {@code
   * room} columns, the most useful first; how to quit always among them.
   */
  private String hints(int room) {
    List<String> keys = overlay() != Overlay.NONE ? List.of("j/k scroll", "Esc closes")
        : switch (focus) {
          case SHELL -> input.isEmpty() ? List.of("Tab panes", "F1 help")
              : List.of("Tab completes", "Enter runs", "F1 help");
          case SEGMENTS -> List.of("j/k move", "Enter detail", "l ladder", "/ filter", "? help");
          case DETAIL -> List.of("j/k scroll", "Esc segments", "l ladder", "? help");
          case SOCKETS -> List.of("Enter its segments", "l ladder", "? help");
        };
    String quit = "F10 quit";
    StringBuilder shown = new StringBuilder();
    for (String key : keys) {
      if (shown.length() + key.length() + 2 + quit.length() > room) {
        break;
      }
      shown.append(key).append("  ");
    }
    return shown.append(quit).toString();
  }

  /** A note for the status bar until the next key. */
  public void message(String text) {
    message = text;
  }


  public TranscriptView transcript() {
    return transcript;
  }

  public SegmentList segments() {
    return segments;
  }

  public SocketTable socketTable() {
    return sockets;
  }

  public EditLine input() {
    return input;
  }

  /** Gives the focus to {@code pane}. */
  public void focus(Pane pane) {
    focus = pane;
  }

  /** The ladder of connection {@code stream}. */
  public void openLadder(int stream) {
    overlays.openLadder(stream);
  }
}

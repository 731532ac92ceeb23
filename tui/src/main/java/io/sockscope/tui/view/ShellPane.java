package io.sockscope.tui.view;

import io.sockscope.engine.EngineEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the shell pane and the input row show: the transcript, under it the calls running now
 * (with their elapsed time), the earlier lines of an unfinished entry and the completion menu,
 * then the prompt and the line, scrolled so the cursor shows. The transcript and the line are
 * {@link SessionView}'s, which feeds them; this keeps the calls in flight and the clock.
 */
final class ShellPane {

  private static final int MENU_ROWS = 8;

  private final TranscriptView transcript;
  private final EditLine input;
  private final Predicate<String> isSocket;
  private final Map<Long, EngineEvent.CallStarted> running = new LinkedHashMap<>();
  private long nowMicros;

  ShellPane(TranscriptView transcript, EditLine input, Predicate<String> isSocket) {
    this.transcript = transcript;
    this.input = input;
    this.isSocket = isSocket;
  }

  /** A call began: it shows as running until {@link #callEnded}. */
  void callStarted(EngineEvent.CallStarted started) {
    running.put(started.id(), started);
  }

  /** Call {@code id}'s record came. */
  void callEnded(long id) {
    running.remove(id);
  }

  /** The clock, µs since the epoch, for running calls' elapsed time. */
  void tick(long epochMicros) {
    nowMicros = epochMicros;
  }

  /** The pane's rows at {@code width} × {@code height}: the transcript, then the bottom rows. */
  List<SessionView.Row> rows(int width, int height) {
    List<SessionView.Row> bottom = new ArrayList<>();
    for (EngineEvent.CallStarted call : running.values()) {
      double seconds = Math.max(0, nowMicros - call.startMicros()) / 1e6;
      bottom.add(new SessionView.Row(Line.clip(List.of(
          new Span("[" + call.id() + "] ", Tone.CALL_ID),
          new Span(call.op().wireName() + " " + call.socket(), Tone.SOURCE),
          new Span(String.format(Locale.ROOT, "  running %.1f s", seconds), Tone.RUNNING),
          new Span("  Ctrl-C cancels", Tone.DIM)), width), false));
    }
    List<String> earlier = input.previousLines();
    for (int i = 0; i < earlier.size(); i++) {
      bottom.add(new SessionView.Row(Line.clip(List.of(new Span(i == 0 ? EditLine.PROMPT
          : EditLine.CONTINUATION, Tone.PROMPT), new Span(Text.printable(earlier.get(i)),
              Tone.SOURCE)), width), false));
    }
    List<EditLine.MenuRow> menu = input.menu();
    int menuRows = Math.min(menu.size(), Math.min(MENU_ROWS, Math.max(1, height / 2)));
    int selected = menu.stream().filter(EditLine.MenuRow::selected).findFirst()
        .map(menu::indexOf).orElse(0);
    int first = Math.clamp(selected - menuRows + 1, 0, Math.max(0, menu.size() - menuRows));
    for (int i = first; i < first + menuRows; i++) {
      EditLine.MenuRow m = menu.get(i);
      String more = i == first + menuRows - 1 && menu.size() > first + menuRows
          ? "  (+" + (menu.size() - first - menuRows) + " more)" : "";
      bottom.add(new SessionView.Row(Line.clip(List.of(new Span(m.value(), Tone.STRONG),
          new Span(m.description().isEmpty() ? more : "  " + m.description() + more,
              Tone.DIM)), width), m.selected()));
    }
    int room = Math.max(0, height - bottom.size());
    List<SessionView.Row> out = new ArrayList<>();
    for (List<Span> row : transcript.visible(width, room)) {
      out.add(new SessionView.Row(row, false));
    }
    out.addAll(bottom.subList(Math.max(0, bottom.size() - height), bottom.size()));
    return out;
  }

  /** The input row at {@code width}; the prompt is dim when the shell pane is not focused. */
  SessionView.InputRow inputRow(int width, boolean focused) {
    String prompt = input.prompt();
    List<Span> line = input.highlighted(isSocket);
    int cursor = Text.printable(input.text().substring(0, input.cursor())).length();
    int promptWidth = prompt.length();
    int room = Math.max(1, width - promptWidth - 1);
    int shift = Math.max(0, cursor - room);
    List<Span> shown = new ArrayList<>();
    shown.add(new Span(prompt, focused ? Tone.PROMPT : Tone.DIM));
    shown.addAll(drop(line, shift));
    return new SessionView.InputRow(Line.clip(shown, width), Math.min(width - 1, promptWidth
        + cursor - shift));
  }

  private static List<Span> drop(List<Span> spans, int columns) {
    List<Span> out = new ArrayList<>();
    int skip = columns;
    for (Span s : spans) {
      if (skip >= s.width()) {
        skip -= s.width();
        continue;
      }
      String text = s.text().substring(s.text().offsetByCodePoints(0, skip));
      skip = 0;
      out.add(new Span(text, s.tone()));
    }
    return out;
  }
}

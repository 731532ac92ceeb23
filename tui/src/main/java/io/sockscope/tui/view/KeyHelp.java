package io.sockscope.tui.view;

import java.util.ArrayList;
import java.util.List;

/** Every key of the full-screen session and what it does: the help overlay ({@code ?}, F1). */
public final class KeyHelp {

  /** A key, or keys, and what it does; a heading has no keys. */
  public record Entry(String keys, String does) {}

  private static final List<Entry> ENTRIES = List.of(
      new Entry("", "Anywhere"),
      new Entry("Tab / Shift-Tab", "next / previous pane (in the shell: Tab completes a typed word)"),
      new Entry("F10, Ctrl-Q", "quit: close every socket and peer, leave"),
      new Entry("Ctrl-C", "cancel the running call (at the prompt: drop the typed line)"),
      new Entry("F1, ?", "this help (? outside the shell pane)"),
      new Entry("F4, /", "filter segments by socket, flag or code (/ outside the shell pane)"),
      new Entry("l", "ladder of the selected segment's connection (outside the shell pane)"),
      new Entry("", "Shell pane (input line)"),
      new Entry("Enter", "run the entry; an unfinished one (with ...:) goes on under ..."),
      new Entry("Tab", "complete; Tab again steps through the candidates, Esc takes it back"),
      new Entry("Up / Down, Ctrl-P / Ctrl-N", "older / newer entry of the history"),
      new Entry("Ctrl-R", "search the history backwards (Ctrl-R again: older match)"),
      new Entry("Ctrl-A / Ctrl-E, Home / End", "start / end of the line"),
      new Entry("Ctrl-B / Ctrl-F, Left / Right", "back / forward a character"),
      new Entry("Alt-B / Alt-F", "back / forward a word"),
      new Entry("Ctrl-K / Ctrl-U", "cut to the end / to the start of the line"),
      new Entry("Ctrl-W / Alt-D", "cut the word before / after the cursor"),
      new Entry("Ctrl-Y", "paste what was cut"),
      new Entry("Ctrl-T", "swap the two characters before the cursor"),
      new Entry("Ctrl-D", "delete the character under the cursor; on an empty line: quit"),
      new Entry("PgUp / PgDn", "scroll the transcript"),
      new Entry("", "Segments, detail and sockets panes"),
      new Entry("Up / Down, k / j", "previous / next row"),
      new Entry("PgUp / PgDn", "a page up / down"),
      new Entry("Home / End, g / G", "first / last row (End follows new segments)"),
      new Entry("Enter", "segments: show the detail pane; sockets: filter segments by socket"),
      new Entry("Esc", "detail: back to segments; segments: clear the filter"),
      new Entry("", "Overlays (help, ladder)"),
      new Entry("Up / Down, PgUp / PgDn", "scroll"),
      new Entry("Esc, q (and l or ? again)", "close"));

  private KeyHelp() {}

  public static List<Entry> entries() {
    return ENTRIES;
  }

  /**
   * The help as rows of at most {@code width} columns: the keys in a column, what they do beside
   * them, wrapped under itself.
   */
  public static List<Line> lines(int width) {
    int keys = 0;
    for (Entry e : ENTRIES) {
      keys = Math.max(keys, e.keys().length());
    }
    int column = Math.min(keys + 4, Math.max(4, width / 2));
    List<Line> out = new ArrayList<>();
    for (Entry e : ENTRIES) {
      if (e.keys().isEmpty()) {
        if (!out.isEmpty()) {
          out.add(Line.empty());
        }
        out.add(Line.of(e.does(), Tone.HEADER));
        continue;
      }
      String key = "  " + e.keys();
      List<String> words = wrapped(e.does(), Math.max(10, width - column));
      if (key.length() + 2 > column) {
        out.add(Line.of(key, Tone.STRONG));
        key = "";
      }
      for (String row : words) {
        out.add(Line.of(new Span(key + " ".repeat(column - key.length()), Tone.STRONG),
            new Span(row, Tone.PLAIN)));
        key = "";
      }
    }
    return out;
  }

  private static List<String> wrapped(String text, int width) {
    List<String> rows = new ArrayList<>();
    StringBuilder row = new StringBuilder();
    for (String word : text.split(" ")) {
      if (!row.isEmpty() && row.length() + 1 + word.length() > width) {
        rows.add(row.toString());
        row.setLength(0);
      }
      if (!row.isEmpty()) {
        row.append(' ');
      }
      row.append(word);
    }
    rows.add(row.toString());
    return rows;
  }
}

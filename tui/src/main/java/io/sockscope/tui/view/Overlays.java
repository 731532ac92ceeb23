package io.sockscope.tui.view;

import java.util.ArrayList;
import java.util.List;

/**
 * What may cover the panes, one at a time: the help ({@code ?}, F1) or the ladder of a connection
 * ({@code l}). An open overlay takes every key but quitting and Ctrl-C: it scrolls (j/k, the
 * arrows, pages, Home/End) or closes (Esc, q, Enter, or the key that opened it).
 */
final class Overlays {

  private final LadderView ladder;
  private final ScrollingView help = ScrollingView.of(KeyHelp::lines);
  private SessionView.Overlay shown = SessionView.Overlay.NONE;
  private int height = 1;

  Overlays(LadderView ladder) {
    this.ladder = ladder;
  }

  SessionView.Overlay shown() {
    return shown;
  }

  /** Rows of content an overlay has. */
  void height(int rows) {
    height = Math.max(1, rows);
    ladder.height(height);
    help.height(height);
  }

  void openHelp() {
    shown = SessionView.Overlay.HELP;
    help.home();
  }

  /** Opens the ladder of the selected segment's connection; false when none is selected. */
  boolean openLadder() {
    if (!ladder.open()) {
      return false;
    }
    shown = SessionView.Overlay.LADDER;
    return true;
  }

  /** Opens the ladder of connection {@code stream}. */
  void openLadder(int stream) {
    ladder.open(stream);
    shown = SessionView.Overlay.LADDER;
  }

  /** A key while an overlay is open: it closes it or scrolls it. */
  void press(Key key) {
    boolean close = key == Key.Named.ESCAPE || key.equals(new Key.Typed('q'))
        || key == Key.Named.ENTER
        || (shown == SessionView.Overlay.HELP
            && (key.equals(new Key.Typed('?')) || key == Key.Named.F1))
        || (shown == SessionView.Overlay.LADDER && key.equals(new Key.Typed('l')));
    if (close) {
      shown = SessionView.Overlay.NONE;
      return;
    }
    int page = Math.max(1, height - 1);
    int delta = switch (key) {
      case Key.Typed(char c) when c == 'j' -> 1;
      case Key.Typed(char c) when c == 'k' -> -1;
      case Key.Named n when n == Key.Named.DOWN -> 1;
      case Key.Named n when n == Key.Named.UP -> -1;
      case Key.Named n when n == Key.Named.PAGE_DOWN -> page;
      case Key.Named n when n == Key.Named.PAGE_UP -> -page;
      case Key.Named n when n == Key.Named.HOME -> -Integer.MAX_VALUE / 2;
      case Key.Named n when n == Key.Named.END -> Integer.MAX_VALUE / 2;
      default -> 0;
    };
    (shown == SessionView.Overlay.HELP ? help : ladder).scroll(delta);
  }

  String title() {
    return switch (shown) {
      case NONE -> "";
      case HELP -> "keys  (Esc closes)";
      case LADDER -> "ladder of connection " + ladder.stream() + "  (Esc closes)";
    };
  }

  /** The open overlay's rows at {@code width} columns; none when none is open. */
  List<SessionView.Row> rows(int width) {
    List<SessionView.Row> out = new ArrayList<>();
    if (shown == SessionView.Overlay.NONE) {
      return out;
    }
    for (List<Span> row : (shown == SessionView.Overlay.HELP ? help : ladder).visible(width)) {
      out.add(new SessionView.Row(row, false));
    }
    return out;
  }
}

package io.sockscope.tui.pane;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.sockscope.tui.view.SessionView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Screen} drawn on Lanterna's virtual terminal, driven on the test's own thread (a
 * same-thread GUI), keys handed to the view as the real session hands them, rows read back.
 */
final class Rendered implements AutoCloseable {

  final DefaultVirtualTerminal terminal;
  final SessionView view;
  private final TerminalScreen screen;
  private final MultiWindowTextGUI gui;
  private final Screen window;

  Rendered(SessionView view, int columns, int rows) throws IOException {
    this.view = view;
    this.terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    this.screen = new TerminalScreen(terminal);
    screen.startScreen();
    gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen,
        new DefaultWindowManager(), null, new EmptySpace(TextColor.ANSI.DEFAULT));
    window = new Screen(view, Colours.ANSI, this::key, () -> { });
    gui.addWindow(window);
    draw();
  }

  private void key(KeyStroke k) {
    Optional<io.sockscope.tui.view.Key> key = KeyStrokes.of(k);
    key.ifPresent(view::press);
    window.refresh();
  }

  /** Presses {@code keys} through Lanterna's input path, then redraws. */
  void press(KeyStroke... keys) throws IOException {
    for (KeyStroke k : keys) {
      terminal.addInput(k);
    }
    gui.getGUIThread().processEventsAndUpdate();
    draw();
  }

  void resize(int columns, int rows) throws IOException {
    terminal.setTerminalSize(new TerminalSize(columns, rows));
    draw();
  }

  void draw() throws IOException {
    window.refresh();
    gui.updateScreen();
  }

  /** The screen's rows, trailing blanks cut. */
  List<String> rows() {
    TerminalSize size = terminal.getTerminalSize();
    List<String> out = new ArrayList<>();
    for (int r = 0; r < size.getRows(); r++) {
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < size.getColumns(); c++) {
        row.append(terminal.getCharacter(c, r).getCharacterString());
      }
      out.add(row.toString().stripTrailing());
    }
    return out;
  }

  String screenText() {
    return String.join("\n", rows());
  }

  TextColor foreground(int column, int row) {
    return terminal.getCharacter(column, row).getForegroundColor();
  }

  @Override
  public void close() throws IOException {
    screen.stopScreen();
  }
}

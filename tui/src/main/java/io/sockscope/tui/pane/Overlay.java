package io.sockscope.tui.pane;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import io.sockscope.tui.view.Line;
import io.sockscope.tui.view.ScreenLayout;
import io.sockscope.tui.view.SessionView;
import io.sockscope.tui.view.Span;
import io.sockscope.tui.view.Tone;
import java.util.List;

/**
 * What covers the panes: the help or the ladder in a frame over the whole screen but the status
 * bar, or, on a terminal too small for the panes, a line saying so.
 */
public final class Overlay extends AbstractComponent<Overlay> {

  private final SessionView view;
  private final Colours colours;

  public Overlay(SessionView view, Colours colours) {
    this.view = view;
    this.colours = colours;
  }

  /** Whether there is anything to draw. */
  public boolean showing() {
    return view.overlay() != SessionView.Overlay.NONE || !view.layout().fits();
  }

  @Override
  protected ComponentRenderer<Overlay> createDefaultRenderer() {
    return new ComponentRenderer<>() {
      @Override
      public TerminalSize getPreferredSize(Overlay component) {
        return new TerminalSize(10, 3);
      }

      @Override
      public void drawComponent(TextGUIGraphics g, Overlay component) {
        paint(g);
      }
    };
  }

  private void paint(TextGUIGraphics g) {
    int width = g.getSize().getColumns();
    int height = g.getSize().getRows();
    colours.apply(g, Tone.PLAIN, false);
    g.fill(' ');
    ScreenLayout layout = view.layout();
    if (!layout.fits()) {
      Line message = Line.of("sockscope needs at least " + ScreenLayout.MIN_COLUMNS + "×"
          + ScreenLayout.MIN_ROWS + " (this terminal is " + layout.columns() + "×"
          + layout.rows() + "). Make the window larger, or press F10 to quit.", Tone.STRONG);
      List<List<Span>> rows = message.rows(width);
      for (int i = 0; i < rows.size() && i < height; i++) {
        Draw.row(g, colours, 0, i, width, rows.get(i), false);
      }
      return;
    }
    if (width < 3 || height < 3) {
      return;
    }
    Draw.frameLine(g, colours, 0, 0, width, '┌', '┐', view.overlayTitle(), true);
    for (int r = 1; r < height - 1; r++) {
      colours.frame(g, true);
      g.setCharacter(0, r, '│');
      g.setCharacter(width - 1, r, '│');
    }
    Draw.frameLine(g, colours, 0, height - 1, width, '└', '┘', "", true);
    List<SessionView.Row> rows = view.overlayRows(width - 2);
    for (int i = 0; i < Math.min(height - 2, rows.size()); i++) {
      Draw.row(g, colours, 1, 1 + i, width - 2, rows.get(i).spans(), rows.get(i).highlighted());
    }
  }
}

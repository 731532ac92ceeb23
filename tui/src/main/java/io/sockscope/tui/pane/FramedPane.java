package io.sockscope.tui.pane;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import io.sockscope.tui.view.Pane;
import io.sockscope.tui.view.SessionView;
import io.sockscope.tui.view.Tone;
import java.util.List;
import java.util.function.Supplier;

/**
 * One pane of the screen in its frame: the shell's transcript, the segments, the detail or the
 * sockets table. A column's upper pane draws the top frame line ({@code ┌ shell ──┐}); the lower
 * one draws the line between the two ({@code ├ sockets ──┤}) and the bottom line. The rows come
 * from the {@link SessionView}, read on the GUI thread at each redraw.
 */
public final class FramedPane extends AbstractComponent<FramedPane> {

  private final Pane pane;
  private final boolean lower;
  private final SessionView view;
  private final Colours colours;
  private final Supplier<String> title;
  private final Supplier<List<SessionView.Row>> rows;

  /**
   * @param lower true for the lower pane of a column (it draws the middle and bottom lines)
   * @param title the title in the frame
   * @param rows  the content rows, at most as many as fit
   */
  public FramedPane(Pane pane, boolean lower, SessionView view, Colours colours,
      Supplier<String> title, Supplier<List<SessionView.Row>> rows) {
    this.pane = pane;
    this.lower = lower;
    this.view = view;
    this.colours = colours;
    this.title = title;
    this.rows = rows;
  }

  public Pane pane() {
    return pane;
  }

  @Override
  protected ComponentRenderer<FramedPane> createDefaultRenderer() {
    return new ComponentRenderer<>() {
      @Override
      public TerminalSize getPreferredSize(FramedPane component) {
        return new TerminalSize(10, 3);
      }

      @Override
      public void drawComponent(TextGUIGraphics g, FramedPane component) {
        paint(g);
      }
    };
  }

  private void paint(TextGUIGraphics g) {
    int width = g.getSize().getColumns();
    int height = g.getSize().getRows();
    if (width < 3 || height < 2) {
      return;
    }
    boolean focused = view.focus() == pane && view.overlay() == SessionView.Overlay.NONE;
    colours.apply(g, Tone.PLAIN, false);
    g.fill(' ');
    Draw.frameLine(g, colours, 0, 0, width, lower ? '├' : '┌', lower ? '┤' : '┐', title.get(),
        focused);
    int contentRows = height - (lower ? 2 : 1);
    for (int r = 1; r <= contentRows; r++) {
      colours.frame(g, focused);
      g.setCharacter(0, r, '│');
      g.setCharacter(width - 1, r, '│');
    }
    if (lower) {
      Draw.frameLine(g, colours, 0, height - 1, width, '└', '┘', "", focused);
    }
    List<SessionView.Row> content = rows.get();
    for (int i = 0; i < Math.min(contentRows, content.size()); i++) {
      SessionView.Row row = content.get(i);
      Draw.row(g, colours, 1, 1 + i, width - 2, row.spans(), row.highlighted());
    }
  }
}

package io.sockscope.tui.pane;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import io.sockscope.tui.view.SessionView;
import io.sockscope.tui.view.Tone;

/**
 * The status bar on the last row: capture and its counts, the peer, and what is running, a
 * message, the filter being typed, or the keys to try.
 */
public final class StatusBar extends AbstractComponent<StatusBar> {

  private final SessionView view;
  private final Colours colours;

  public StatusBar(SessionView view, Colours colours) {
    this.view = view;
    this.colours = colours;
  }

  @Override
  protected ComponentRenderer<StatusBar> createDefaultRenderer() {
    return new ComponentRenderer<>() {
      @Override
      public TerminalSize getPreferredSize(StatusBar component) {
        return new TerminalSize(10, 1);
      }

      @Override
      public void drawComponent(TextGUIGraphics g, StatusBar component) {
        colours.apply(g, Tone.PLAIN, false);
        g.fill(' ');
        Draw.row(g, colours, 0, 0, g.getSize().getColumns(), view.statusRow(), false);
      }
    };
  }
}

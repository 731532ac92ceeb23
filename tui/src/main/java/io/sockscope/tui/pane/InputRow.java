package io.sockscope.tui.pane;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import io.sockscope.tui.view.SessionView;
import io.sockscope.tui.view.Tone;

/** The input line under the panes: the prompt and the entry being typed, highlighted. */
public final class InputRow extends AbstractComponent<InputRow> {

  private final SessionView view;
  private final Colours colours;

  public InputRow(SessionView view, Colours colours) {
    this.view = view;
    this.colours = colours;
  }

  @Override
  protected ComponentRenderer<InputRow> createDefaultRenderer() {
    return new ComponentRenderer<>() {
      @Override
      public TerminalSize getPreferredSize(InputRow component) {
        return new TerminalSize(10, 1);
      }

      @Override
      public void drawComponent(TextGUIGraphics g, InputRow component) {
        colours.apply(g, Tone.PLAIN, false);
        g.fill(' ');
        Draw.row(g, colours, 0, 0, g.getSize().getColumns(), view.inputRow().spans(), false);
      }
    };
  }
}

package io.sockscope.tui.pane;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.LayoutManager;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import io.sockscope.tui.view.Pane;
import io.sockscope.tui.view.ScreenLayout;
import io.sockscope.tui.view.SessionView;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole screen as one Lanterna window: the four framed panes, the input line, the status bar
 * and the overlay, placed by {@link ScreenLayout} for the terminal's size (and placed again when
 * it changes). Every key goes to {@code keys}; the terminal's cursor sits in the input line while
 * the shell pane has the focus, and is hidden otherwise.
 *
 * <p>Like every Lanterna component, it is touched only on the GUI thread.
 */
public final class Screen extends BasicWindow {

  private final SessionView view;
  private final Consumer<KeyStroke> keys;
  private final Runnable closed;
  private final Overlay overlay;

  /**
   * @param keys   gets every key stroke, on the GUI thread
   * @param closed told when the window closes (the terminal's input ended, or the GUI stopped)
   */
  public Screen(SessionView view, Colours colours, Consumer<KeyStroke> keys, Runnable closed) {
    super("sockscope");
    this.view = view;
    this.keys = keys;
    this.closed = closed;
    this.overlay = new Overlay(view, colours);
    setHints(Set.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS,
        Window.Hint.NO_POST_RENDERING));
    Panel root = new Panel(new Placement());
    root.addComponent(new FramedPane(Pane.SHELL, false, view, colours, Pane.SHELL::title,
        view::shellRows));
    root.addComponent(new FramedPane(Pane.SOCKETS, true, view, colours, Pane.SOCKETS::title,
        view::socketRows));
    root.addComponent(new FramedPane(Pane.SEGMENTS, false, view, colours, view::segmentsTitle,
        view::segmentRows));
    root.addComponent(new FramedPane(Pane.DETAIL, true, view, colours, Pane.DETAIL::title,
        view::detailRows));
    root.addComponent(new InputRow(view, colours));
    root.addComponent(new StatusBar(view, colours));
    root.addComponent(overlay);
    setComponent(root);
  }

  @Override
  public boolean handleInput(KeyStroke key) {
    keys.accept(key);
    return true;
  }

  @Override
  public TerminalPosition getCursorPosition() {
    ScreenLayout layout = view.layout();
    if (!layout.fits() || view.focus() != Pane.SHELL
        || view.overlay() != SessionView.Overlay.NONE) {
      return null;
    }
    return new TerminalPosition(layout.input().column() + view.inputRow().cursorColumn(),
        layout.input().row());
  }

  /** Redraws everything at the next update. */
  public void refresh() {
    invalidate();
  }

  @Override
  public void close() {
    super.close();
    closed.run();
  }

  /** Places the components by the view's layout for the window's size. */
  private final class Placement implements LayoutManager {
    private TerminalSize last;

    @Override
    public TerminalSize getPreferredSize(List<Component> components) {
      return last == null ? new TerminalSize(80, 24) : last;
    }

    @Override
    public void doLayout(TerminalSize area, List<Component> components) {
      last = area;
      view.resize(area.getColumns(), area.getRows());
      ScreenLayout layout = view.layout();
      for (Component c : components) {
        ScreenLayout.Rect r = switch (c) {
          case FramedPane p -> switch (p.pane()) {
            case SHELL -> layout.shell();
            case SOCKETS -> layout.sockets();
            case SEGMENTS -> layout.segments();
            case DETAIL -> layout.detail();
          };
          case InputRow i -> layout.input();
          case StatusBar s -> layout.status();
          case Overlay o -> overlayRect(layout, area);
          default -> ScreenLayout.Rect.NONE;
        };
        c.setPosition(new TerminalPosition(r.column(), r.row()));
        c.setSize(new TerminalSize(r.width(), r.height()));
      }
    }

    private ScreenLayout.Rect overlayRect(ScreenLayout layout, TerminalSize area) {
      if (!layout.fits()) {
        return new ScreenLayout.Rect(0, 0, area.getColumns(), area.getRows());
      }
      if (view.overlay() == SessionView.Overlay.NONE) {
        return ScreenLayout.Rect.NONE;
      }
      return new ScreenLayout.Rect(0, 0, area.getColumns(), area.getRows() - 1);
    }

    @Override
    public boolean hasChanged() {
      return true;
    }
  }
}

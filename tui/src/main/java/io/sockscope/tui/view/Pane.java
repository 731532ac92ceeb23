package io.sockscope.tui.view;

/** The panes that can have the focus, in the order Tab visits them (clockwise from the shell). */
public enum Pane {
  SHELL("shell"),
  SEGMENTS("segments"),
  DETAIL("detail"),
  SOCKETS("sockets");

  private final String title;

  Pane(String title) {
    this.title = title;
  }

  /** The name in the pane's frame. */
  public String title() {
    return title;
  }

  /** The pane Tab moves to. */
  public Pane next() {
    return values()[(ordinal() + 1) % values().length];
  }

  /** The pane Shift-Tab moves to. */
  public Pane previous() {
    return values()[(ordinal() + values().length - 1) % values().length];
  }
}

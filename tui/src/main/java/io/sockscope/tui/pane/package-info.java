/**
 * The full screen's Lanterna components, each drawing what {@code tui.view.SessionView} says:
 * {@link io.sockscope.tui.pane.Screen} (the one full-screen window: placement by {@code
 * ScreenLayout}, every key to the session, the cursor in the input line), {@link
 * io.sockscope.tui.pane.FramedPane} (shell, segments, detail, sockets, with frames shared
 * between a column's panes as SPEC §4.2 draws them), {@link io.sockscope.tui.pane.InputRow},
 * {@link io.sockscope.tui.pane.StatusBar}, {@link io.sockscope.tui.pane.Overlay} (help, ladder,
 * "too small"), {@link io.sockscope.tui.pane.Colours} (tones to ANSI colours, or none) and
 * {@link io.sockscope.tui.pane.KeyStrokes} (Lanterna's keys to the view's). Touched only on the
 * GUI thread.
 */
package io.sockscope.tui.pane;

/**
 * What the full screen shows, as pure functions of what happened: no terminal, no threads, no
 * Lanterna. {@link io.sockscope.tui.view.SessionView} takes the session's records, captured
 * segments and explanations, engine events, kernel snapshots and keys, and gives each pane its
 * rows; the panes of {@code tui.pane} only draw them.
 *
 * <pre>
 *   SessionView ── press(Key) → Command (Run, Rejected, Cancel, Quit, None)
 *     ├ ScreenLayout   where each pane goes at columns × rows (80×24 and up)
 *     ├ TranscriptView the shell pane: records as lines, a call's state on its outcome row
 *     │                when narrow; echo of entries; scrolling
 *     ├ EditLine       the input line: Emacs keys, History, Ctrl-R, Tab completion
 *     │                (shell.complete.TabCompletion), highlighting, continuation lines
 *     ├ SegmentList    segments grouped under their calls, the kernel's and the peer's
 *     │  │             marked; SegmentFilter; selection that follows; SocketBook names ends
 *     │  ├ DetailView  every field, options, Hexdump, explanations of the selected row
 *     │  └ LadderView  the selected connection as shell.render.Ladder draws it
 *     ├ SocketTable    the sockets: state records at once, kernel snapshots (TIME_WAIT too)
 *     └ KeyHelp        every key, for the help overlay
 *   Line / Span / Tone  styled text; Line.rows wraps it for a width
 * </pre>
 *
 * <p>The live inspector's output enters as {@link io.sockscope.tui.view.WireSegment} (a
 * segment, the call that caused it or whose it is, its payload) and {@link
 * io.sockscope.inspector.explain.Explanation}.
 */
package io.sockscope.tui.view;

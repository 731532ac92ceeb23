/**
 * What the full screen shows, as pure functions of what happened: no terminal, no threads, no
 * Lanterna. {@link io.sockscope.tui.view.SessionView} takes the session's records, captured
 * segments and explanations, engine events, kernel snapshots and keys, and gives each pane its
 * rows; the panes of {@code tui.pane} only draw them.
 *
 * <pre>
 *   SessionView ── press(Key) → Command (Run, Rejected, Cancel, Quit, None)
 *     ├ ScreenLayout   where each pane goes at columns × rows (80×24 and up)
 *     ├ ShellPane      the shell pane's rows (running calls, menu) and the input row, over:
 *     │ ├ TranscriptView the records as lines, a call's state on its outcome row when
 *     │ │              narrow; echo of entries; scrolling
 *     │ └ EditLine     the input line: Emacs keys, History, Ctrl-R, Tab completion
 *     │                (shell.complete.TabCompletion), highlighting, continuation lines
 *     ├ SegmentList    segments grouped under their calls, the kernel's and the peer's
 *     │  │             marked; SegmentFilter (typed in FilterPrompt); selection that follows;
 *     │  │             SocketBook names ends
 *     │  └ DetailView  every field, options, Hexdump, explanations of the selected row
 *     ├ SocketTable    the sockets: state records at once, kernel snapshots (TIME_WAIT too)
 *     ├ Overlays       the help (KeyHelp: every key) or the ladder (LadderView: the selected
 *     │                connection as shell.render.Ladder draws it)
 *     └ SessionStatus  the status bar's capture count and peers
 *   ScrollingView      a window of a height over lines laid out for a width (detail, ladder, help)
 *   Line / Span / Tone  styled text; Line.rows wraps it for a width
 * </pre>
 *
 * <p>The live inspector's records ({@code TranscriptRecord.Segment}, {@code SegmentsFolded},
 * {@code Explain}, {@code Released}) enter with the others through {@code accept}; a segment
 * becomes a {@link io.sockscope.tui.view.WireSegment} (the segment, the call that caused it or
 * whose it is, its socket and peer, its payload when known) and an explanation stays the live
 * inspector's {@link io.sockscope.inspector.live.LiveExplanation}. {@link
 * io.sockscope.tui.view.PayloadBook} finds a payload in the calls' own bytes.
 */
package io.sockscope.tui.view;

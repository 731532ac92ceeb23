/**
 * The full-screen session ({@code sockscope} with no command): the shell beside the live
 * inspector, on Lanterna. With {@code tui.pane}, the only place in sockscope that uses Lanterna.
 *
 * <pre>
 *   dist Main ── FullScreen.unavailable(env, tty)? ── yes ─▶ the line shell, after one line
 *        │ no
 *        ▼
 *   FullScreen.run ─▶ FullScreenSession                       (the caller's thread)
 *     RawTerminal        Lanterna's UnixTerminal: raw keys, no flow control; SIGTERM-safe
 *     Session            shell.run: engine, interpreter, live inspector, transcript
 *     ScreenSink         TranscriptSink ──▶ ViewQueue          (any thread)
 *     KernelWatch        every 250 ms: kernel view of the sockets ──▶ ViewQueue
 *     engine listener    CallStarted (a call now running) ──▶ ViewQueue
 *     GuiThread          Lanterna's GUI thread: keys, ViewQueue's tasks, redraws
 *       └ tui.pane.Screen (window) ── draws ── tui.view.SessionView (the pure model)
 *     entry threads      one virtual thread per entry: Session.run; Ctrl-C interrupts it
 *     HistoryStore       the line shell's history file, shared
 * </pre>
 *
 * <h2>Threads</h2>
 * Only the GUI thread touches the view and the components. Everything else posts changes to
 * the {@link io.sockscope.tui.ViewQueue}, which applies them in order on the GUI thread and asks
 * for one redraw per batch. Nothing the GUI thread does waits for the session: an entry runs on a
 * virtual thread of its own (one at a time; entries typed meanwhile wait their turn), and its end
 * comes back through the queue like every record.
 *
 * <h2>Ways out</h2>
 * F10, Ctrl-Q, Ctrl-D on an empty line, {@code exit()}, the terminal's input ending, a failure
 * (one line, after the screen; the stack trace with {@code --debug}) and SIGTERM/SIGHUP (a
 * shutdown hook) all end the same way: the session ends (every socket closed, every peer
 * stopped), the GUI thread stops, the screen and the terminal's settings are restored, and what
 * the session's end reported is written to the terminal.
 */
package io.sockscope.tui;

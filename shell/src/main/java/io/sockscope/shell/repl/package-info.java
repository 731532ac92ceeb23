/**
 * The interactive line shell ({@code sockscope shell} on a terminal): JLine 4 over the statement
 * language, the session and run mode's renderers. The only package of sockscope that imports
 * JLine.
 *
 * <pre>
 *   Terminal (jline-terminal-ffm: the real tty; in tests JLine's terminal over pipes)
 *     └ LineReader  ── LineEditor builds it ───────────────────────────────────────────────
 *         Parser      EntryParser   shell.lang.Parser.parseEntry: Incomplete ▶ EOFError
 *                                    (continuation prompt "... ", block indentation)
 *         Completer   EntryCompleter ◀ EntryLine ◀ shell.complete.TabCompletion
 *         Highlighter EntryHighlighter ◀ shell.complete.Highlighting
 *         History     HistoryFile ($XDG_STATE_HOME/sockscope/history), Ctrl-R, Emacs keys
 *           │ one entry
 *           ▼
 *   LineShell ── runs it with shell.run.Session.run on an entry thread (Ctrl-C interrupts it)
 *           │ TranscriptRecords, from any thread
 *           ▼
 *   ShellSink ─▶ shell.render.TranscriptText / TranscriptJson ─▶ Screen ─▶ LineReader.printAbove
 *   shell.run.LiveNames: the session's sockets, variables and peers, for completion and highlighting
 * </pre>
 *
 * <p>Threads: the thread that calls {@link io.sockscope.shell.repl.LineShell#run} reads lines
 * and waits for each entry; the entry runs on a virtual thread of its own, which the terminal's
 * INT handler interrupts (the engine ends the blocking call as {@code KeyboardInterrupt});
 * background jobs and the live inspector emit records from their own threads. Every piece of
 * text goes through {@link org.jline.reader.LineReader#printAbove}, under JLine's lock, so text
 * that arrives while the user types appears above the prompt and the typed line is redrawn.
 * Completion and highlighting run under that lock too, and read the session through snapshots
 * that take no lock a printing thread could hold.
 */
package io.sockscope.shell.repl;

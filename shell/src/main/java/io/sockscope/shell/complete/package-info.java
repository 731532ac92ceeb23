/**
 * Tab completion and syntax highlighting for the line shell, as pure functions of the text typed
 * so far: no terminal and no JLine here, so both are tested as functions and any face can use
 * them (the JLine adapters live in {@code shell.repl}).
 *
 * <pre>
 *   TabCompletion.complete(text, cursor) ──▶ Completions(from, [Candidate(value, category,
 *     │                                                           description, closed)])
 *     ├ LineScan            where the cursor is: string, comment, brackets, statement start
 *     ├ ShortFormCompletion the words of each short-form statement, by place
 *     ├ PythonCompletion    s.METHOD(, socket.CONSTANT, setsockopt( arguments, names
 *     └ PathCompletion      files after {@code @}
 *   SessionNames           sockets, names and peers of the running session (asked at each Tab)
 *
 *   Highlighting.classify(text, isSocket) ──▶ [Run(style, start, end)]
 *     └ shell.lang.SourceTokens (the parser's lexer and short-form rule) + shell.lang.ShortWords
 *
 *   AutoIndent.levelsAfter(line)   the block depth a continuation line starts at
 * </pre>
 *
 * <p>Completion replaces the text from {@link io.sockscope.shell.complete.Completions#from()} up
 * to the cursor with a candidate's value; a {@code closed} candidate is a finished word, after
 * which the shell types a space.
 */
package io.sockscope.shell.complete;

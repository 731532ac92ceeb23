/**
 * The interpreter and the session: statements of {@code shell.lang} run against the engine, and
 * everything that happens comes out as an ordered stream of {@link
 * io.sockscope.shell.run.TranscriptRecord}s.
 *
 * <h2>The stack</h2>
 * <pre>
 *   Session            one engine, variables, sockets, peers, jobs; run(Program) → Outcome; close()
 *    ├ Interpreter     statements: Python's, sockscope's (expect, serve, sleep, &amp; ...), stop rules
 *    │  ├ Evaluator    expressions, calls          Assigner  targets, del, +=
 *    │  ├ Background   statement &amp; → Job on a virtual thread; Scope makes readers wait for it
 *    │  └ Expectations expect ok|error|recv|state here; segment|explain → LiveInspector.check
 *    ├ values          Value (sealed), SocketValue, ExceptionValue; Ops, Arithmetic, Items, Repr,
 *    │                 FormatSpec, PercentFormat, StrFormat, Codecs, HashKey
 *    ├ built-ins       Builtins, BuiltinTypes, Str/Bytes/List/IntMethods, Attributes, Exceptions
 *    ├ modules         SocketModule + SocketMethods (one engine call each), StructModule,
 *    │                 TimeModule, SysModule, Modules (import)
 *    ├ SocketRegistry  names of sockets; CPython's refcount closing, as garbage collection
 *    └ Transcript      TranscriptSink + LiveInspector: live before, call, live records, state —
 *                      per call; between(): the live records no call caused, outside groups
 *   LiveNames          the session's sockets, variables and peers, as completion asks for them
 * </pre>
 *
 * <h2>Python, faithfully where a script can see it</h2>
 * Values print as CPython 3.11 prints them, operators and built-ins give its results and its
 * exceptions with its messages, and every socket method is one engine call whose failure is
 * raised as Python raises it ({@code ConnectionRefusedError: [Errno 111] Connection refused},
 * {@code TimeoutError: timed out}, {@code KeyboardInterrupt} for a cancelled call). What is left
 * out the parser already rejects (functions, classes, comprehensions). The modules socket, time,
 * struct, sys and errno are there without an import, because the short form's {@code socket s}
 * means {@code s = socket.socket()}. Only TCP exists: {@code SOCK_DGRAM} is a ValueError that
 * says so.
 *
 * <h2>Socket names</h2>
 * A socket takes the name of the variable it is first assigned to ({@code s = socket.socket()},
 * {@code with socket.socket() as s}, {@code conn, addr = srv.accept()}), else {@code sock1},
 * {@code sock2}... Open sockets' names are unique: a new socket taking a name still held by an
 * open one renames the old one (to another variable naming it, else {@code s#1}) and the
 * transcript says so ({@link io.sockscope.shell.run.TranscriptRecord.Renamed}). After each
 * statement of the main thread, open sockets nothing refers to any more are closed by a real
 * close() call noted as the garbage collector's, as CPython's reference counting closes them.
 *
 * <h2>sockscope's rules</h2>
 * <ul>
 *   <li>A statement that raises stops the program, as Python does, unless the next statement is
 *       {@code expect error ...} (which accepts a matching failure) or {@code expect ok} (which
 *       then fails, showing the exception). An expectation not met stops it too.</li>
 *   <li>{@code expect} judges the statement just before it: its calls (a compound statement's
 *       include its block's), its last recv, its exception. {@code expect state} waits up to 1 s
 *       for the kernel to reach the state. After a statement ending in {@code &} it waits for
 *       that job.</li>
 *   <li>{@code CALL &} evaluates the callee and arguments at once and runs the call and its
 *       assignment on a virtual thread; a later read or write of a variable it assigns waits for
 *       it; its failure stops the program at the next statement unless an {@code expect}
 *       follows it. At the end of the session jobs still waiting are cancelled.</li>
 *   <li>{@code serve KIND} binds the peer's name to its {@code (host, port)} address, so
 *       {@code s.connect(echo)} works on any port.</li>
 *   <li>When the session closes, every socket still open is closed with a close() call noted
 *       "end of the session", and every peer stopped.</li>
 * </ul>
 *
 * <h2>The seam for the live inspector</h2>
 * {@link io.sockscope.shell.run.LiveInspector}: {@code start} (listeners on the engine, and a
 * sink for records no call caused that never splits a call's group), {@code beforeCall} (wait
 * for the call's segments; what happened before it began), {@code afterCall} (a call's segments
 * and explanations, in place: after its {@code Call} record, before its {@code State} records and
 * the next statement), {@code check} (expect segment, expect explain) and {@code stop} (capture
 * counts). {@code shell.live.CapturingInspector} implements it over {@code inspector.live};
 * {@link io.sockscope.shell.run.NoCapture} stands in when capture is off, and expect segment and
 * expect explain then stop the run with exit code 3. The live records are {@link
 * io.sockscope.shell.run.TranscriptRecord.Segment}, {@link
 * io.sockscope.shell.run.TranscriptRecord.SegmentsFolded} and {@link
 * io.sockscope.shell.run.TranscriptRecord.Explain}.
 *
 * <h2>Threads</h2>
 * {@link io.sockscope.shell.run.Session#run} is called by one thread at a time. Background jobs
 * run on virtual threads with frames of their own; the variables, the socket registry and the
 * transcript are shared and thread-safe. Python exceptions travel as {@code PythonError} (an
 * internal unchecked exception without a Java stack trace) and end as an {@link
 * io.sockscope.shell.run.Outcome}; nothing of the kind leaves this package.
 */
package io.sockscope.shell.run;

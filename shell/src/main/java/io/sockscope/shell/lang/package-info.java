/**
 * The statement language of sockscope (SPEC §3, §7): a lexer and parsers for its two spellings,
 * the tree both produce, a printer, and the vocabulary for completion and {@code help}.
 *
 * <p>People paste Python socket tutorials and type a short form; both mean the same calls. The
 * Python form is a real subset of Python 3, read with Python's rules; the short form is one line
 * per statement, word by word, and desugars into exactly the nodes its Python spelling produces
 * (keeping its own source text), so the interpreter has one meaning to implement. Sockscope's
 * own statements ({@code serve}, {@code expect}, ...) have records of their own in {@link Stmt}.
 *
 * <pre>
 *   Parser.parseFile / parseEntry
 *     PythonLexer ── tokens, INDENT/DEDENT ──▶ StatementParser ──▶ ExpressionParser
 *                                                  │                   └▶ StringLiterals (f-string fields)
 *                                                  └ a line starting like the short form:
 *                                                     Words (ShortWords.split) ▶ ShortFormParser ▶ DataLiterals, ExpectParser
 *   ──▶ ParseResult = Complete(Program) | Incomplete(reason) | Invalid(file, line, column, message)
 * </pre>
 *
 * <h2>Grammar (EBNF)</h2>
 *
 * <p>Python's line structure applies throughout: NEWLINE ends a logical line except inside
 * brackets or after a backslash; INDENT and DEDENT come from indentation (tabs to multiples of
 * 8, mixed tabs and spaces checked as Python checks them); blank and comment lines are ignored.
 *
 * <pre>
 * script      = { statement } END ;
 * statement   = compound | simple_line ;
 * simple_line = small { ";" small } [ ";" ] NEWLINE ;
 * small       = short_form | python_small ;
 *
 * compound    = if | while | for | with | try ;
 * if          = "if" expression ":" block { "elif" expression ":" block } [ "else" ":" block ] ;
 * while       = "while" expression ":" block [ "else" ":" block ] ;
 * for         = "for" target_list "in" expressions ":" block [ "else" ":" block ] ;
 * with        = "with" expression [ "as" target ] { "," expression [ "as" target ] } ":" block ;
 * try         = "try" ":" block
 *               ( handler { handler } [ "else" ":" block ] [ "finally" ":" block ]
 *               | "finally" ":" block ) ;
 * handler     = "except" [ expression [ "as" NAME ] ] ":" block ;
 * block       = simple_line | NEWLINE INDENT statement { statement } DEDENT ;
 *
 * python_small = expressions [ "&amp;" ]
 *              | target_list "=" { target_list "=" } expressions [ "&amp;" ]
 *              | target augop expressions
 *              | "pass" | "break" | "continue"
 *              | "raise" [ expression [ "from" expression ] ]
 *              | "import" dotted [ "as" NAME ] { "," dotted [ "as" NAME ] }
 *              | "from" { "." } [ dotted ] "import" ( "*" | names | "(" names [ "," ] ")" )
 *              | "del" target_list
 *              | "assert" expression [ "," expression ] ;
 * augop       = "+=" | "-=" | "*=" | "/=" | "//=" | "%=" | "**=" | "&amp;=" | "|=" | "^="
 *             | "&lt;&lt;=" | "&gt;&gt;=" ;
 * target_list = target { "," target } [ "," ] ;
 * target      = NAME | "(" target_list ")" | "[" target_list "]"
 *             | primary "." NAME | primary "[" slices "]" ;
 *
 * expressions = expression { "," expression } [ "," ] ;           (* a tuple if a comma *)
 * expression  = disjunction [ "if" disjunction "else" expression ] ;
 * disjunction = conjunction { "or" conjunction } ;
 * conjunction = inversion { "and" inversion } ;
 * inversion   = "not" inversion | comparison ;
 * comparison  = bit_or { comp_op bit_or } ;                        (* chained *)
 * comp_op     = "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "in" | "not" "in" | "is" [ "not" ] ;
 * bit_or      = bit_xor { "|" bit_xor } ;
 * bit_xor     = bit_and { "^" bit_and } ;
 * bit_and     = shift { "&amp;" shift } ;       (* not a final "&amp;": that one means background *)
 * shift       = sum { ( "&lt;&lt;" | "&gt;&gt;" ) sum } ;
 * sum         = term { ( "+" | "-" ) term } ;
 * term        = factor { ( "*" | "/" | "//" | "%" ) factor } ;
 * factor      = ( "+" | "-" | "~" ) factor | power ;
 * power       = primary [ "**" factor ] ;
 * primary     = atom { "." NAME | "(" [ arguments ] ")" | "[" slices "]" } ;
 * arguments   = argument { "," argument } [ "," ] ;   (* keywords after positionals *)
 * argument    = expression | NAME "=" expression ;
 * slices      = slice { "," slice } [ "," ] ;
 * slice       = expression | [ expression ] ":" [ expression ] [ ":" [ expression ] ] ;
 * atom        = NAME | NUMBER | STRING { STRING } | "None" | "True" | "False" | "..."
 *             | "(" [ expression [ "," [ expressions ] ] ] ")"
 *             | "[" [ expressions ] "]"
 *             | "{" [ expression ":" expression { "," expression ":" expression } [ "," ]
 *                   | expressions ] "}" ;
 * </pre>
 *
 * <p>Literals are Python's: integers in any base with underscores (no size limit), floats,
 * strings with every prefix ({@code r b f u} and pairs), single, double and triple quotes, all of
 * Python's escapes, f-strings with {@code {x}}, {@code {x!r}}, {@code {x!s}}, {@code {x!a}},
 * {@code {x:spec}} (nested fields in the spec), {@code {x=}} and {@code {{ }}}; adjacent literals
 * join. Inside an f-string field the outer quote ends the string (Python before 3.12).
 *
 * <p>Not supported, each an error naming itself ("not supported in sockscope scripts: def
 * (functions)"): {@code def}, {@code class}, {@code lambda}, decorators, {@code async},
 * {@code await}, {@code yield}, comprehensions and generator expressions, {@code *args} and
 * {@code **kwargs}, starred targets, {@code :=}, annotations, {@code global}, {@code nonlocal},
 * {@code except*}, complex numbers and {@code @}. {@code return} is "'return' outside
 * function", as in Python outside a function. Other syntax errors carry Python's own messages
 * ("invalid syntax", "expected ':'", "unterminated string literal (detected at line 1)",
 * "unindent does not match any outer indentation level", ...). Nesting is limited as Python
 * limits it, tighter for brackets: 100 brackets, 100 indentation levels, 200 levels of
 * expression.
 *
 * <h2>Two Python statements with sockscope's meaning</h2>
 *
 * <ul>
 *   <li>{@code time.sleep(X)} as a whole statement is {@link Stmt.Sleep} (elsewhere it stays a
 *       call); {@code exit()} and {@code quit()} are {@link Stmt.Exit}.
 *   <li>A call statement (an expression statement or an assignment whose value is a call) may end
 *       in {@code &}: {@link Stmt.Background}, "run it in the background".
 * </ul>
 *
 * <h2>The short form</h2>
 *
 * <p>A simple statement is in the short form when its first word is one of the keywords below
 * and what follows cannot continue a Python statement: nothing, or blanks and then a word that
 * is not a Python keyword, a number, a quote, {@code :} or {@code [}. So {@code socket s} is the
 * short form and {@code socket.socket()}, {@code send = 1}, {@code close(s)}, {@code recv and x}
 * are Python. It runs to the end of the line, a {@code ;}, or a {@code #} that starts a word,
 * outside quotes; words are separated by blanks. Each statement becomes the tree of its Python
 * spelling:
 *
 * <pre>
 * socket NAME                     NAME = socket.socket()
 * socket NAME tcp|tcp6            NAME = socket.socket(socket.AF_INET|AF_INET6, socket.SOCK_STREAM)
 * connect NAME HOST:PORT          NAME.connect((HOST, PORT))
 * connect_ex NAME HOST:PORT       NAME.connect_ex((HOST, PORT))
 * bind NAME HOST:PORT             NAME.bind((HOST, PORT))
 * listen NAME [BACKLOG]           NAME.listen([BACKLOG])
 * accept NAME                     NAME.accept()
 * accept NAME as NEW              NEW, _ = NAME.accept()
 * send NAME DATA                  NAME.send(DATA)
 * sendall NAME DATA               NAME.sendall(DATA)
 * recv NAME [N]                   NAME.recv(N)                       N defaults to 1024
 * recv NAME [N] --until-eof       NAME.recv(N, until_eof=True)       (sockscope's keyword)
 * shutdown NAME rd|wr|rdwr        NAME.shutdown(socket.SHUT_RD|SHUT_WR|SHUT_RDWR)
 * close NAME                      NAME.close()
 * getsockname NAME                NAME.getsockname()                 also getpeername, fileno
 * opt NAME OPTION VALUE           NAME.setsockopt(socket.LEVEL, socket.OPTION, VALUE)
 * opt NAME linger ON,SECS         NAME.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
 *                                                 struct.pack("ii", ON, SECS))
 * getopt NAME OPTION              NAME.getsockopt(socket.LEVEL, socket.OPTION)
 * timeout NAME SECONDS|none       NAME.settimeout(SECONDS|None)
 * blocking NAME on|off            NAME.setblocking(True|False)
 * sleep DURATION                  time.sleep(SECONDS)                Stmt.Sleep
 * </pre>
 *
 * <p>and sockscope's own statements: {@code serve echo|discard|chargen|sink [[HOST:]PORT] [as
 * NAME]} ({@link Stmt.Serve}), {@code stop NAME|[HOST:]PORT} ({@link Stmt.Stop}), {@code
 * sockets}, {@code peers}, {@code jobs}, {@code help [TOPIC]}, {@code exit}, {@code quit}, and
 * {@code expect ok | error ERRNO | recv DATA | segment [NAME] >|< FLAGS | explain CODE | state
 * [NAME] STATE} ({@link Stmt.Expect}, {@link Expectation}). A final {@code &} on a call
 * statement runs it in the background.
 *
 * <p>Values ({@link ShortFormValues}): HOST:PORT is {@code 127.0.0.1:9000},
 * {@code localhost:9000}, {@code [::1]:9000}, or {@code :9000} for 127.0.0.1; OPTION is a
 * constant or its short name in any case ({@code SO_REUSEADDR}, {@code reuseaddr},
 * {@code TCP_NODELAY}, {@code nodelay}; see {@link Vocabulary#options()}); flag values take
 * {@code 0 1 on off true false yes no}; sizes take {@code k M G} suffixes, powers of two
 * ({@code 64k} = 65536); durations are seconds ({@code 2}, {@code 0.5}, {@code 2s}) or
 * milliseconds ({@code 500ms}, a float of seconds).
 *
 * <p>DATA ({@link DataLiterals}): {@code "text\n"} (C escapes, UTF-8; a bytes literal),
 * {@code b"..."} (Python's bytes literal), {@code hex:48656c6c6f} (whole bytes; {@code :} or
 * {@code _} between bytes, blanks too when quoted: {@code hex:"48 65"}), {@code &#64;path} (the
 * file, read when the statement runs: {@link Expr.FileData}), {@code --size N} (N bytes of the
 * RFC 864 chargen pattern: {@link Expr.GeneratedData}); a literal followed by {@code * N}
 * repeats ({@code "x" * 64k} is {@code b"x" * 65536}).
 *
 * <h2>Complete, Incomplete, Invalid</h2>
 *
 * <ul>
 *   <li>The first error in reading order gives {@link ParseResult.Invalid}, with its 1-based line
 *       and column, even if the input is also unfinished.
 *   <li>A shell entry ({@link Parser#parseEntry}) is {@link ParseResult.Incomplete} while a
 *       bracket is open, after a line ending in a backslash, inside a triple-quoted string, right
 *       after a compound statement's header, and while a block is open and the entry's last line
 *       is not blank. A blank last line closes the blocks, as in Python's REPL: a header followed
 *       by a blank line, or a {@code try} closed without a handler, is then Invalid.
 *   <li>A script ({@link Parser#parseFile}) is never Incomplete: its end closes every block, and
 *       an open bracket, string or continuation there is Invalid.
 *   <li>A short-form statement is always whole on its line: missing words are Invalid.
 * </ul>
 */
package io.sockscope.shell.lang;

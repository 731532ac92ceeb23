package io.sockscope.shell.lang;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The short form: one statement per keyword, read word by word and desugared into the nodes its
 * Python spelling produces, so that {@code connect s :9000} and
 * {@code s.connect(("127.0.0.1", 9000))} are the same call to the interpreter. Statements that
 * have no Python spelling ({@code serve}, {@code expect}, ...) become sockscope's own records.
 * The table of spellings is in the package documentation.
 */
final class ShortFormParser {

  static final Set<String> KEYWORDS =
      Set.of(
          "socket", "connect", "connect_ex", "bind", "listen", "accept", "send", "sendall",
          "recv", "shutdown", "close", "opt", "getopt", "timeout", "blocking", "getsockname",
          "getpeername", "fileno", "sockets", "serve", "stop", "peers", "jobs", "sleep", "expect",
          "help", "exit", "quit");

  private static final String NAME = "a socket name";
  private static final long DEFAULT_RECV = 1024;

  private final Words words;
  private final Span span;
  private final String source;

  ShortFormParser(String src, int start, int end, int line, int column) {
    this.words = new Words(src, start, end, line, column);
    this.span = words.callSpan();
    this.source = words.callSource();
  }

  /**
   * Whether the statement starting with name token {@code t} is in the short form: {@code t} is a
   * short-form keyword followed by nothing, or by blanks and then a word, number, quote,
   * {@code :} or {@code [} that would not continue a Python statement ({@code socket s} but not
   * {@code socket.socket()}, {@code send = 1} or {@code close and x}).
   */
  static boolean startsHere(String src, Token t) {
    if (!KEYWORDS.contains(t.text())) {
      return false;
    }
    int p = t.end();
    if (p < src.length() && src.charAt(p) != ' ' && src.charAt(p) != '\t') {
      return endsStatement(src, p);
    }
    while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
      p++;
    }
    if (endsStatement(src, p)) {
      return true;
    }
    char c = src.charAt(p);
    if (c == '"' || c == '\'' || c == ':' || c == '[' || isDigit(c)) {
      return true;
    }
    if (c == '.' && p + 1 < src.length() && isDigit(src.charAt(p + 1))) {
      return true;
    }
    return startsWord(src, p);
  }

  /** Whether a word (not a Python keyword), a number or a quote follows blanks at {@code p}. */
  static boolean followedByWord(String src, int p) {
    int q = p;
    while (q < src.length() && (src.charAt(q) == ' ' || src.charAt(q) == '\t')) {
      q++;
    }
    if (q == p || q >= src.length()) {
      return false;
    }
    char c = src.charAt(q);
    return c == '"' || c == '\'' || isDigit(c) || startsWord(src, q);
  }

  private static boolean startsWord(String src, int p) {
    if (!PythonLexer.isIdentifierStart(src.codePointAt(p))) {
      return false;
    }
    int q = p;
    while (q < src.length() && PythonLexer.isIdentifierPart(src.codePointAt(q))) {
      q += Character.charCount(src.codePointAt(q));
    }
    return !PythonLexer.KEYWORDS.contains(src.substring(p, q));
  }

  private static boolean endsStatement(String src, int p) {
    if (p >= src.length() || "\n;#".indexOf(src.charAt(p)) >= 0) {
      return true;
    }
    if (src.charAt(p) != '&') {
      return false;
    }
    int q = p + 1;
    while (q < src.length() && (src.charAt(q) == ' ' || src.charAt(q) == '\t')) {
      q++;
    }
    return q >= src.length() || "\n;#".indexOf(src.charAt(q)) >= 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  Stmt parse() {
    ShortWords.Word keyword = words.take("a statement");
    Stmt stmt = switch (keyword.text()) {
      case "socket" -> socket();
      case "connect", "connect_ex", "bind" -> address(keyword.text());
      case "listen" -> listen();
      case "accept" -> accept();
      case "send", "sendall" -> send(keyword.text());
      case "recv" -> recv();
      case "shutdown" -> shutdown();
      case "close", "getsockname", "getpeername", "fileno" ->
          call(method(name(), keyword.text(), List.of(), List.of()));
      case "opt" -> setOption();
      case "getopt" -> getOption();
      case "timeout" -> timeout();
      case "blocking" -> blocking();
      case "sleep" -> sleep();
      case "serve" -> serve();
      case "stop" -> stop();
      case "expect" -> new Stmt.Expect(new ExpectParser(words).parse(), span, source);
      case "help" -> help();
      case "sockets" -> new Stmt.Sockets(span, source);
      case "peers" -> new Stmt.Peers(span, source);
      case "jobs" -> new Stmt.Jobs(span, source);
      case "exit", "quit" -> new Stmt.Exit(span, source);
      default -> throw words.wrong(keyword, "a statement");
    };
    words.end();
    return words.background() ? background(stmt, keyword) : stmt;
  }

  private Stmt background(Stmt stmt, ShortWords.Word keyword) {
    boolean call = stmt instanceof Stmt.ExprStmt || stmt instanceof Stmt.Assign;
    if (!call) {
      throw words.at(keyword, "'" + keyword.text() + "' cannot run in the background: "
          + "'&' applies to socket calls");
    }
    return new Stmt.Background(stmt, words.fullSpan(), words.fullSource());
  }

  private ShortWords.Word name() {
    ShortWords.Word w = words.take(NAME);
    if (!PythonLexer.isIdentifier(w.text())) {
      throw words.wrong(w, NAME);
    }
    return w;
  }

  private Stmt.ExprStmt call(Expr.Call call) {
    return new Stmt.ExprStmt(call, span, source);
  }

  private Expr.Call method(ShortWords.Word target, String method, List<Expr> args,
      List<Expr.Keyword> keywords) {
    Expr.Name object = new Expr.Name(target.text(), words.span(target));
    return new Expr.Call(new Expr.Attribute(object, method, span), args, keywords, span);
  }

  private static Expr socketConstant(String constant, Span at) {
    return new Expr.Attribute(new Expr.Name("socket", at), constant, at);
  }

  private static Expr.IntLiteral integer(long value, Span at) {
    return new Expr.IntLiteral(BigInteger.valueOf(value), at);
  }

  private Stmt socket() {
    ShortWords.Word name = name();
    List<Expr> args = new ArrayList<>();
    Optional<ShortWords.Word> family = words.peek();
    if (family.isPresent()) {
      words.take("tcp or tcp6");
      Span at = words.span(family.get());
      switch (family.get().text().toLowerCase(Locale.ROOT)) {
        case "tcp" -> args.add(socketConstant("AF_INET", at));
        case "tcp6" -> args.add(socketConstant("AF_INET6", at));
        default -> throw words.wrong(family.get(), "tcp or tcp6");
      }
      args.add(socketConstant("SOCK_STREAM", at));
    }
    Expr.Call create = new Expr.Call(
        new Expr.Attribute(new Expr.Name("socket", span), "socket", span), args, List.of(), span);
    return new Stmt.Assign(
        List.of(new Target.Name(name.text(), words.span(name))), create, span, source);
  }

  private Stmt address(String method) {
    ShortWords.Word name = name();
    ShortWords.Word where = words.take("HOST:PORT");
    if (!method.equals("bind") && PythonLexer.isIdentifier(where.text())
        && !words.hasMore()) {
      // connect s echo: the address a name holds (a peer started with serve ... as echo)
      return call(method(name, method, List.of(new Expr.Name(where.text(),
          words.span(where))), List.of()));
    }
    ShortFormValues.HostPort hp = ShortFormValues.hostPort(words, where, "HOST:PORT", false);
    Span at = words.span(where);
    Expr address = new Expr.Tuple(
        List.of(new Expr.StrLiteral(hp.host().orElse(ShortFormValues.LOOPBACK), at),
            integer(hp.port(), at)),
        at);
    return call(method(name, method, List.of(address), List.of()));
  }

  private Stmt listen() {
    ShortWords.Word name = name();
    List<Expr> args = new ArrayList<>();
    if (words.hasMore()) {
      args.add(count("a BACKLOG number"));
    }
    return call(method(name, "listen", args, List.of()));
  }

  private Expr.IntLiteral count(String what) {
    ShortWords.Word w = words.take(what);
    OptionalLong value = ShortFormValues.size(w.text());
    if (value.isEmpty()) {
      throw words.wrong(w, what);
    }
    return integer(value.getAsLong(), words.span(w));
  }

  private Stmt accept() {
    ShortWords.Word name = name();
    Expr.Call accept = method(name, "accept", List.of(), List.of());
    if (!words.peekIs("as")) {
      return call(accept);
    }
    words.take("as");
    ShortWords.Word newName = words.take("a name for the new socket");
    if (!PythonLexer.isIdentifier(newName.text())) {
      throw words.wrong(newName, "a name for the new socket");
    }
    Span at = words.span(newName);
    Target target = new Target.Tuple(
        List.of(new Target.Name(newName.text(), at), new Target.Name("_", at)), at);
    return new Stmt.Assign(List.of(target), accept, span, source);
  }

  private Stmt send(String method) {
    ShortWords.Word name = name();
    return call(method(name, method, List.of(DataLiterals.read(words)), List.of()));
  }

  private Stmt recv() {
    ShortWords.Word name = name();
    Expr.IntLiteral size = null;
    Expr.Keyword untilEof = null;
    while (words.hasMore()) {
      ShortWords.Word w = words.peek().orElseThrow();
      if (w.text().equals("--until-eof") && untilEof == null) {
        words.take("--until-eof");
        untilEof = new Expr.Keyword("until_eof", new Expr.BoolLiteral(true, words.span(w)),
            words.span(w));
      } else if (size == null && ShortFormValues.size(w.text()).isPresent()) {
        size = count("a byte count");
      } else if (size == null || untilEof == null) {
        throw words.wrong(w, size == null ? "a byte count or --until-eof" : "--until-eof");
      } else {
        break;
      }
    }
    Expr bufsize = size != null ? size : integer(DEFAULT_RECV, span);
    return call(method(name, "recv", List.of(bufsize),
        untilEof == null ? List.of() : List.of(untilEof)));
  }

  private Stmt shutdown() {
    ShortWords.Word name = name();
    String what = "rd, wr or rdwr";
    ShortWords.Word how = words.take(what);
    String constant = switch (how.text().toLowerCase(Locale.ROOT)) {
      case "rd", "shut_rd" -> "SHUT_RD";
      case "wr", "shut_wr" -> "SHUT_WR";
      case "rdwr", "shut_rdwr" -> "SHUT_RDWR";
      default -> throw words.wrong(how, what);
    };
    return call(method(name, "shutdown", List.of(socketConstant(constant, words.span(how))),
        List.of()));
  }

  private SocketOption option() {
    String what = "an OPTION such as reuseaddr or SO_REUSEADDR";
    ShortWords.Word w = words.take(what);
    return Vocabulary.option(w.text()).orElseThrow(() -> words.at(w,
        "unknown socket option '" + w.text() + "'"
            + orList(NearMatches.suggestion(w.text(), Vocabulary.optionNames()))));
  }

  private static String orElse(String suggestion, String otherwise) {
    return suggestion.isEmpty() ? otherwise : suggestion;
  }

  private static String orList(String suggestion) {
    if (!suggestion.isEmpty()) {
      return suggestion;
    }
    List<String> aliases = Vocabulary.options().stream().map(SocketOption::alias).toList();
    return "; options are " + String.join(", ", aliases);
  }

  private Stmt setOption() {
    ShortWords.Word name = name();
    SocketOption option = option();
    Expr value = switch (option.valueKind()) {
      case FLAG -> {
        ShortWords.Word w = words.take("0 or 1 (or on/off)");
        Optional<Boolean> flag = ShortFormValues.flag(w.text());
        OptionalLong number = ShortFormValues.size(w.text());
        if (flag.isEmpty() && number.isEmpty()) {
          throw words.wrong(w, "0 or 1 (or on/off)");
        }
        yield integer(flag.map(on -> on ? 1L : 0L).orElse(number.orElse(0)), words.span(w));
      }
      case INTEGER -> count("a number");
      case LINGER -> linger();
    };
    Span at = span;
    return call(method(name, "setsockopt",
        List.of(socketConstant(option.level(), at), socketConstant(option.constant(), at), value),
        List.of()));
  }

  /** {@code ONOFF,SECONDS} as Python packs it: {@code struct.pack("ii", onoff, seconds)}. */
  private Expr linger() {
    String what = "ONOFF,SECONDS such as 1,0";
    ShortWords.Word w = words.take(what);
    String[] parts = w.text().split(",", -1);
    if (parts.length != 2) {
      throw words.wrong(w, what);
    }
    Optional<Boolean> on = ShortFormValues.flag(parts[0]);
    OptionalLong seconds = ShortFormValues.size(parts[1]);
    if (on.isEmpty() || seconds.isEmpty() || seconds.getAsLong() > Integer.MAX_VALUE) {
      throw words.wrong(w, what);
    }
    Span at = words.span(w);
    Expr pack = new Expr.Attribute(new Expr.Name("struct", at), "pack", at);
    return new Expr.Call(pack,
        List.of(new Expr.StrLiteral("ii", at), integer(on.get() ? 1 : 0, at),
            integer(seconds.getAsLong(), at)),
        List.of(), at);
  }

  private Stmt getOption() {
    ShortWords.Word name = name();
    SocketOption option = option();
    return call(method(name, "getsockopt",
        List.of(socketConstant(option.level(), span), socketConstant(option.constant(), span)),
        List.of()));
  }

  private Stmt timeout() {
    ShortWords.Word name = name();
    String what = "SECONDS (2, 0.5, 500ms) or none";
    ShortWords.Word w = words.take(what);
    Span at = words.span(w);
    Expr seconds = w.text().equalsIgnoreCase("none")
        ? new Expr.NoneLiteral(at)
        : ShortFormValues.duration(w.text(), at).orElseThrow(() -> words.wrong(w, what));
    return call(method(name, "settimeout", List.of(seconds), List.of()));
  }

  private Stmt blocking() {
    ShortWords.Word name = name();
    ShortWords.Word w = words.take("on or off");
    boolean on = ShortFormValues.flag(w.text()).orElseThrow(() -> words.wrong(w, "on or off"));
    return call(method(name, "setblocking", List.of(new Expr.BoolLiteral(on, words.span(w))),
        List.of()));
  }

  private Stmt sleep() {
    String what = "a DURATION such as 0.5, 500ms or 2s";
    ShortWords.Word w = words.take(what);
    Expr seconds = ShortFormValues.duration(w.text(), words.span(w))
        .orElseThrow(() -> words.wrong(w, what));
    return new Stmt.Sleep(seconds, span, source);
  }

  private Stmt serve() {
    String kinds = "echo, discard, chargen or sink";
    ShortWords.Word w = words.take(kinds);
    PeerKind kind = PeerKind.of(w.text()).orElseThrow(() -> words.wrong(w, kinds));
    Optional<String> host = Optional.empty();
    int port = 0;
    if (words.hasMore() && !words.peekIs("as")) {
      ShortWords.Word where = words.take("[HOST:]PORT");
      ShortFormValues.HostPort hp = ShortFormValues.hostPort(words, where, "[HOST:]PORT", true);
      host = hp.host();
      port = hp.port();
    }
    Optional<String> name = Optional.empty();
    if (words.peekIs("as")) {
      words.take("as");
      ShortWords.Word n = words.take("a name for the peer");
      if (!PythonLexer.isIdentifier(n.text())) {
        throw words.wrong(n, "a name for the peer");
      }
      name = Optional.of(n.text());
    }
    return new Stmt.Serve(kind, host, port, name, span, source);
  }

  private Stmt stop() {
    String what = "a peer name or port";
    ShortWords.Word w = words.take(what);
    if (PythonLexer.isIdentifier(w.text())) {
      return new Stmt.Stop(new PeerRef.Named(w.text()), span, source);
    }
    ShortFormValues.HostPort hp = ShortFormValues.hostPort(words, w, what, true);
    return new Stmt.Stop(new PeerRef.AtPort(hp.host(), hp.port()), span, source);
  }

  private Stmt help() {
    if (!words.hasMore()) {
      return new Stmt.Help(Optional.empty(), span, source);
    }
    ShortWords.Word w = words.take("a statement name");
    Command command = Vocabulary.helpTopic(w.text()).orElseThrow(() -> words.at(w,
        "no help for '" + w.text() + "'"
            + orElse(NearMatches.suggestion(w.text(), Vocabulary.helpTopics()),
                "; help alone lists the statements")));
    return new Stmt.Help(Optional.of(command.keyword()), span, source);
  }
}

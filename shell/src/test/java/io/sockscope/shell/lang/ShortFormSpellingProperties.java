package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every short-form call and its Python spelling give the same tree, spans and sources aside:
 * generated pairs over names, addresses, data literals, options and durations.
 */
class ShortFormSpellingProperties {

  /** A short-form statement and the Python statement that must mean the same. */
  record Spelling(String shortForm, String python) {}

  private static Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1)
        .ofMaxLength(8).filter(PythonLexer::isIdentifier);
  }

  /** [HOST:]PORT in the short form, and the Python address tuple. */
  private static Arbitrary<Spelling> addresses() {
    Arbitrary<Integer> ports = Arbitraries.integers().between(0, 65535);
    Arbitrary<String> hosts = Arbitraries.of("127.0.0.1", "localhost", "10.1.2.3", "::1",
        "fe80::1", "", "example.com");
    return Combinators.combine(hosts, ports).as((host, port) -> {
      String shortHost = host.contains(":") ? "[" + host + "]" : host;
      String pythonHost = host.isEmpty() ? "127.0.0.1" : host;
      return new Spelling(shortHost + ":" + port, "('" + pythonHost + "', " + port + ")");
    });
  }

  /** Text in C escapes, and the same bytes as a Python bytes literal. */
  private static Arbitrary<Spelling> text() {
    return Arbitraries.strings().withChars("ab Z09\"'\\\n\t\r#*&;\u00e9\u20ac\u0001")
        .ofMaxLength(12).map(s -> {
          StringBuilder c = new StringBuilder("\"");
          for (char ch : s.toCharArray()) {
            switch (ch) {
              case '"' -> c.append("\\\"");
              case '\\' -> c.append("\\\\");
              case '\n' -> c.append("\\n");
              case '\t' -> c.append("\\t");
              case '\r' -> c.append("\\r");
              case '\u0001' -> c.append("\\x01");
              default -> c.append(ch);
            }
          }
          String python = PythonRepr.bytes(s.getBytes(StandardCharsets.UTF_8));
          return new Spelling(c.append('"').toString(), python);
        });
  }

  private static Arbitrary<Spelling> data() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(10);
    Arbitrary<Spelling> hex = raw.map(b -> new Spelling("hex:" + HexFormat.of().formatHex(b),
        PythonRepr.bytes(b)));
    Arbitrary<Spelling> bytes = raw.map(b -> new Spelling(PythonRepr.bytes(b),
        PythonRepr.bytes(b)));
    Arbitrary<Spelling> literal = Arbitraries.oneOf(text(), hex, bytes);
    Arbitrary<Spelling> repeated = Combinators.combine(literal,
        Arbitraries.integers().between(0, 100000)).as((d, n) ->
            new Spelling(d.shortForm() + " * " + n, d.python() + " * " + n));
    return Arbitraries.oneOf(literal, repeated);
  }

  private static Arbitrary<Spelling> durations() {
    Arbitrary<Spelling> seconds = Arbitraries.integers().between(0, 100000)
        .map(n -> new Spelling(n + (n % 2 == 0 ? "s" : ""), String.valueOf(n)));
    Arbitrary<Spelling> fraction = Arbitraries.integers().between(0, 100000).map(n -> {
      String decimal = BigDecimal.valueOf(n, 2).toPlainString();
      return new Spelling(decimal, PythonRepr.floatRepr(Double.parseDouble(decimal)));
    });
    Arbitrary<Spelling> millis = Arbitraries.integers().between(0, 100000)
        .map(n -> new Spelling(n + "ms", PythonRepr.floatRepr(n / 1000.0)));
    return Arbitraries.oneOf(seconds, fraction, millis);
  }

  private static Arbitrary<Spelling> options() {
    return Arbitraries.of(Vocabulary.options()).flatMap(o -> {
      Arbitrary<String> spelling = Arbitraries.of(o.constant(), o.alias(),
          o.alias().toUpperCase(Locale.ROOT), o.constant().toLowerCase(Locale.ROOT));
      String prefix = "socket." + o.level() + ", socket." + o.constant() + ", ";
      Arbitrary<Spelling> value = switch (o.valueKind()) {
        case FLAG -> Arbitraries.of(new Spelling("on", "1"), new Spelling("off", "0"),
            new Spelling("1", "1"), new Spelling("0", "0"), new Spelling("true", "1"));
        case INTEGER -> Arbitraries.integers().between(0, 1 << 20)
            .map(n -> new Spelling(String.valueOf(n), String.valueOf(n)));
        case LINGER -> Combinators.combine(Arbitraries.integers().between(0, 1),
            Arbitraries.integers().between(0, 600)).as((on, secs) ->
                new Spelling(on + "," + secs, "struct.pack('ii', " + on + ", " + secs + ")"));
      };
      return Combinators.combine(spelling, value).as((name, v) ->
          new Spelling(name + " " + v.shortForm(), prefix + v.python()));
    });
  }

  @Provide
  Arbitrary<Spelling> calls() {
    Arbitrary<String> n = names();
    return Arbitraries.oneOf(List.of(
        n.map(s -> new Spelling("socket " + s, s + " = socket.socket()")),
        Combinators.combine(n, Arbitraries.of("tcp", "tcp6")).as((s, f) -> new Spelling(
            "socket " + s + " " + f, s + " = socket.socket(socket."
                + (f.equals("tcp") ? "AF_INET" : "AF_INET6") + ", socket.SOCK_STREAM)")),
        Combinators.combine(n, Arbitraries.of("connect", "connect_ex", "bind"), addresses())
            .as((s, m, a) -> new Spelling(m + " " + s + " " + a.shortForm(),
                s + "." + m + "(" + a.python() + ")")),
        n.map(s -> new Spelling("listen " + s, s + ".listen()")),
        Combinators.combine(n, Arbitraries.integers().between(0, 4096)).as((s, b) ->
            new Spelling("listen " + s + " " + b, s + ".listen(" + b + ")")),
        n.map(s -> new Spelling("accept " + s, s + ".accept()")),
        Combinators.combine(n, n).as((s, c) ->
            new Spelling("accept " + s + " as " + c, c + ", _ = " + s + ".accept()")),
        Combinators.combine(n, Arbitraries.of("send", "sendall"), data()).as((s, m, d) ->
            new Spelling(m + " " + s + " " + d.shortForm(), s + "." + m + "(" + d.python() + ")")),
        Combinators.combine(n, Arbitraries.integers().between(0, 1 << 20),
            Arbitraries.of(true, false)).as((s, size, eof) -> new Spelling(
                "recv " + s + " " + size + (eof ? " --until-eof" : ""),
                s + ".recv(" + size + (eof ? ", until_eof=True" : "") + ")")),
        n.map(s -> new Spelling("recv " + s, s + ".recv(1024)")),
        Combinators.combine(n, Arbitraries.of("rd", "wr", "rdwr")).as((s, how) -> new Spelling(
            "shutdown " + s + " " + how,
            s + ".shutdown(socket.SHUT_" + how.toUpperCase(Locale.ROOT) + ")")),
        Combinators.combine(n, Arbitraries.of("close", "getsockname", "getpeername", "fileno"))
            .as((s, m) -> new Spelling(m + " " + s, s + "." + m + "()")),
        Combinators.combine(n, options()).as((s, o) -> new Spelling("opt " + s + " "
            + o.shortForm(), s + ".setsockopt(" + o.python() + ")")),
        Combinators.combine(n, Arbitraries.of(Vocabulary.options())).as((s, o) -> new Spelling(
            "getopt " + s + " " + o.alias(),
            s + ".getsockopt(socket." + o.level() + ", socket." + o.constant() + ")")),
        Combinators.combine(n, durations()).as((s, d) -> new Spelling(
            "timeout " + s + " " + d.shortForm(), s + ".settimeout(" + d.python() + ")")),
        n.map(s -> new Spelling("timeout " + s + " none", s + ".settimeout(None)")),
        Combinators.combine(n, Arbitraries.of(true, false)).as((s, on) -> new Spelling(
            "blocking " + s + " " + (on ? "on" : "off"),
            s + ".setblocking(" + (on ? "True" : "False") + ")")),
        durations().map(d -> new Spelling("sleep " + d.shortForm(),
            "time.sleep(" + d.python() + ")"))));
  }

  @Property(tries = 1500)
  void shortFormMeansItsPythonSpelling(@ForAll("calls") Spelling spelling) {
    Parses.assertSame(spelling.shortForm(), spelling.python());
  }

  @Property(tries = 500)
  void backgroundShortFormMeansBackgroundPython(@ForAll("calls") Spelling spelling) {
    Assume.that(!spelling.shortForm().startsWith("sleep"));
    Parses.assertSame(spelling.shortForm() + " &", spelling.python() + " &");
  }

  @Property(tries = 300)
  void shortFormKeepsItsOwnSource(@ForAll("calls") Spelling spelling) {
    Stmt s = Parses.complete(spelling.shortForm() + "  # note").statements().getFirst();
    assertThat(s.source()).isEqualTo(spelling.shortForm());
  }
}

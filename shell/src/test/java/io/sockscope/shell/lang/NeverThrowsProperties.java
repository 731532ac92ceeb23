package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, parsing returns one of its three results and never throws. */
class NeverThrowsProperties {

  private static final List<String> SOUP = List.of(
      "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "\n", "\n    ", "\n        ", "\t",
      " ", "\\\n", "\\", "'", "\"", "'''", "\"\"\"", "f'", "f\"", "b'", "rb\"", "{x}", "{x!r}",
      "{x:>3}", "{{", "}}", "!", "!r", "=", "==", "!=", "<", ">", "+", "-", "*", "**", "/", "//",
      "%", "&", "|", "^", "~", "@", "#", "# c\n", ":=", "->", "if", "elif", "else", "while",
      "for", "in", "not", "and", "or", "is", "with", "as", "try", "except", "finally", "raise",
      "from", "import", "def", "class", "lambda", "yield", "await", "async", "return", "break",
      "continue", "pass", "del", "assert", "global", "None", "True", "x", "s", "conn", "print",
      "socket", "connect", "connect_ex", "bind", "listen", "accept", "send", "sendall", "recv",
      "shutdown", "close", "opt", "getopt", "timeout", "blocking", "sleep", "serve", "stop",
      "expect", "help", "sockets", "exit", "ok", "error", "segment", "explain", "state",
      "ECONNREFUSED", "S.", "R.", "echo", "tcp6", "linger", "1,0", "reuseaddr", "0", "1", "42",
      "0x1f", "0o7", "0b1", "1e5", "1.5", "500ms", "64k", "--size", "--until-eof", "hex:",
      "hex:4865", "@", "@file", ":9000", "127.0.0.1:9000", "[::1]:9000", "\"hi\\n\"", "b'\\x00'",
      "\\x", "\\N{", "\\u12", "\u00e9", "\u0000", "\r", "\r\n", "\uFEFF", "\uD800");

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(SOUP).list().ofMaxSize(40)
        .map(tokens -> String.join("", tokens));
  }

  @Provide
  Arbitrary<String> spacedSoup() {
    return Arbitraries.of(SOUP).list().ofMaxSize(40).map(tokens -> String.join(" ", tokens));
  }

  private static void assertOneOfThree(ParseResult result) {
    assertThat(result).isNotNull();
    switch (result) {
      case ParseResult.Complete c -> assertThat(c.program().statements()).isNotNull();
      case ParseResult.Incomplete i -> assertThat(i.reason()).isNotBlank();
      case ParseResult.Invalid v -> {
        assertThat(v.line()).isPositive();
        assertThat(v.column()).isPositive();
        assertThat(v.message()).isNotBlank();
      }
    }
  }

  @Property(tries = 2000)
  void anyTextParsesToAResult(@ForAll String text) {
    assertOneOfThree(Parser.parseFile("f", text));
    assertOneOfThree(Parser.parseEntry(text));
  }

  @Property(tries = 3000)
  void anyTokenSoupParsesToAResult(@ForAll("tokenSoup") String text) {
    assertOneOfThree(Parser.parseFile("f", text));
    assertOneOfThree(Parser.parseEntry(text));
  }

  @Property(tries = 3000)
  void anySpacedTokenSoupParsesToAResult(@ForAll("spacedSoup") String text) {
    assertOneOfThree(Parser.parseFile("f", text));
    assertOneOfThree(Parser.parseEntry(text));
  }
}

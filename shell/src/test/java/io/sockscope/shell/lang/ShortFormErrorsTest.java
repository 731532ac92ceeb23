package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Short-form errors name what was wrong and what was expected, at the word's column. */
class ShortFormErrorsTest {

  private static final String DATA = "DATA (\"text\", b\"bytes\", hex:..., @file or --size N)";

  static Stream<Arguments> errors() {
    return Stream.of(
        arguments("connect s 9000", 11, "expected HOST:PORT after 'connect s', got '9000'"),
        arguments("connect s", 10, "expected HOST:PORT after 'connect s'"),
        arguments("connect", 8, "expected a socket name after 'connect'"),
        arguments("connect 1s :9000", 9, "expected a socket name after 'connect', got '1s'"),
        arguments("connect s :70000", 11, "port must be 0 to 65535, got '70000'"),
        arguments("connect s ::1:9000", 11, "write an IPv6 address in brackets: [::1]:9000"),
        arguments("connect s [::1]9000", 11,
            "expected HOST:PORT after 'connect s', got '[::1]9000'"),
        arguments("close s t", 9, "unexpected 't' after 'close s'"),
        arguments("socket s udp", 10, "expected tcp or tcp6 after 'socket s', got 'udp'"),
        arguments("send s hello", 8, "expected " + DATA + " after 'send s', got 'hello'"),
        arguments("send s", 7, "expected " + DATA + " after 'send s'"),
        arguments("send s \"abc", 8, "unterminated string literal in \"abc"),
        arguments("send s \"a\\q\"", 10,
            "unknown escape '\\q' in a DATA string (write \\\\ for a backslash)"),
        arguments("send s \"ab\"cd", 12, "unexpected text after the closing quote in \"ab\"cd"),
        arguments("send s hex:486", 8,
            "hex data takes whole bytes in hex digits: 'hex:486' has 3 digits"),
        arguments("send s hex:4:865", 8, "hex data takes whole bytes in hex digits, optionally "
            + "separated by ':' or '_' (or blanks when quoted): hex:4:865"),
        arguments("send s @", 8, "expected a file path after '@'"),
        arguments("send s --size lots", 15,
            "expected a byte count such as 1024, 64k or 1M after 'send s --size', got 'lots'"),
        arguments("send s @f * 3", 11, "'*' repeats a literal, not @file or --size"),
        arguments("send s \"x\" * y", 14, "expected a repeat count after 'send s \"x\" *', got 'y'"),
        arguments("send s b\"\u00e9\"", 10, "bytes can only contain ASCII literal characters"),
        arguments("opt s reuseadr 1", 7,
            "unknown socket option 'reuseadr'; did you mean reuseaddr or reuseport?"),
        arguments("opt s frobnicate 1", 7, "unknown socket option 'frobnicate'; options are "
            + "reuseaddr, reuseport, linger, rcvbuf, sndbuf, keepalive, nodelay, keepidle, "
            + "keepintvl, keepcnt, quickack"),
        arguments("opt s nodelay maybe", 15,
            "expected 0 or 1 (or on/off) after 'opt s nodelay', got 'maybe'"),
        arguments("opt s linger 1", 14,
            "expected ONOFF,SECONDS such as 1,0 after 'opt s linger', got '1'"),
        arguments("recv s lots", 8, "expected a byte count or --until-eof after 'recv s', got 'lots'"),
        arguments("recv s 1 2", 10, "expected --until-eof after 'recv s 1', got '2'"),
        arguments("shutdown s up", 12, "expected rd, wr or rdwr after 'shutdown s', got 'up'"),
        arguments("timeout s soon", 11,
            "expected SECONDS (2, 0.5, 500ms) or none after 'timeout s', got 'soon'"),
        arguments("blocking s maybe", 12, "expected on or off after 'blocking s', got 'maybe'"),
        arguments("sleep", 6, "expected a DURATION such as 0.5, 500ms or 2s after 'sleep'"),
        arguments("sleep soon", 7,
            "expected a DURATION such as 0.5, 500ms or 2s after 'sleep', got 'soon'"),
        arguments("serve ftp", 7, "expected echo, discard, chargen or sink after 'serve', got 'ftp'"),
        arguments("stop", 5, "expected a peer name or port after 'stop'"),
        arguments("help conect", 6, "no help for 'conect'; did you mean connect?"),
        arguments("help zzzz", 6, "no help for 'zzzz'; help alone lists the statements"),
        arguments("sockets now", 9, "unexpected 'now' after 'sockets'"),
        arguments("serve echo &", 1,
            "'serve' cannot run in the background: '&' applies to socket calls"),
        arguments("accept s as 1x", 13,
            "expected a name for the new socket after 'accept s as', got '1x'"),
        arguments("listen s x", 10, "expected a BACKLOG number after 'listen s', got 'x'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void namesWhatWasWrongAndWhatWasExpected(String source, int column, String message) {
    assertThat(Parses.invalid(source))
        .isEqualTo(new ParseResult.Invalid(Parses.FILE, 1, column, message));
  }

  @Test
  void pointsIntoTheLineOfTheScript() {
    assertThat(Parser.parseFile("script.sc", "socket s\n# connect to the peer\nconnect s  9000\n"))
        .isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> assertThat(invalid.format())
            .isEqualTo("script.sc:3:12: expected HOST:PORT after 'connect s', got '9000'"));
  }

  @Test
  void pointsIntoAnIndentedBlock() {
    assertThat(Parses.invalid("with socket.socket() as s:\n    send s nothing\n"))
        .isEqualTo(new ParseResult.Invalid(Parses.FILE, 2, 12,
            "expected " + DATA + " after 'send s', got 'nothing'"));
  }

  @Test
  void aBackgroundedNonCallInThePythonFormIsAnError() {
    assertThat(Parses.invalid("x = 1 &").message())
        .isEqualTo("only a call can run in the background: '&' ends a call such as "
            + "s.recv(1024) &");
  }
}

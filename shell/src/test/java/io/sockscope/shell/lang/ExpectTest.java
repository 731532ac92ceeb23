package io.sockscope.shell.lang;

import static io.sockscope.shell.lang.Parses.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code expect} statements (SPEC §7). */
class ExpectTest {

  private static Expectation expectation(String text) {
    Stmt s = only(text);
    assertThat(s).isInstanceOf(Stmt.Expect.class);
    return ((Stmt.Expect) s).expectation();
  }

  @Test
  void ok() {
    assertThat(expectation("expect ok")).isEqualTo(new Expectation.Ok());
  }

  @Test
  void errorTakesAnErrnoNameInAnyCase() {
    assertThat(expectation("expect error econnrefused"))
        .isEqualTo(new Expectation.Error("ECONNREFUSED", Set.of("ECONNREFUSED")));
  }

  @Test
  void errorTakesAPythonExceptionForItsErrnos() {
    Expectation.Error e = (Expectation.Error) expectation("expect error BlockingIOError");
    assertThat(e.name()).isEqualTo("BlockingIOError");
    assertThat(e.matches("EAGAIN")).isTrue();
    assertThat(e.matches("EINPROGRESS")).isTrue();
    assertThat(e.matches("ECONNRESET")).isFalse();
  }

  @Test
  void errorOsErrorMatchesAnyFailure() {
    Expectation.Error e = (Expectation.Error) expectation("expect error OSError");
    assertThat(e.matches("EPIPE")).isTrue();
    assertThat(e.matches("ETIMEDOUT")).isTrue();
  }

  @Test
  void errorEagainAndEwouldblockAreOneErrno() {
    assertThat(((Expectation.Error) expectation("expect error EWOULDBLOCK")).matches("EAGAIN"))
        .isTrue();
  }

  @Test
  void recvTakesAnyDataLiteral() {
    assertThat(expectation("expect recv \"hihi\""))
        .isEqualTo(new Expectation.Recv(Parses.bytes("hihi")));
    assertThat(expectation("expect recv b\"hi\" * 2")).isEqualTo(new Expectation.Recv(
        Parses.binary(Parses.bytes("hi"), BinaryOperator.MULT, Parses.integer(2))));
  }

  static Stream<Arguments> segments() {
    return Stream.of(
        arguments("expect segment > S", Optional.empty(), Expectation.Direction.SENT,
            EnumSet.of(TcpFlag.SYN), "S"),
        arguments("expect segment < S.", Optional.empty(), Expectation.Direction.RECEIVED,
            EnumSet.of(TcpFlag.SYN, TcpFlag.ACK), "S."),
        arguments("expect segment > R.", Optional.empty(), Expectation.Direction.SENT,
            EnumSet.of(TcpFlag.RST, TcpFlag.ACK), "R."),
        arguments("expect segment s > P.", Optional.of("s"), Expectation.Direction.SENT,
            EnumSet.of(TcpFlag.PSH, TcpFlag.ACK), "P."),
        arguments("expect segment conn <F.", Optional.of("conn"), Expectation.Direction.RECEIVED,
            EnumSet.of(TcpFlag.FIN, TcpFlag.ACK), "F."),
        arguments("expect segment > .pf", Optional.empty(), Expectation.Direction.SENT,
            EnumSet.of(TcpFlag.FIN, TcpFlag.PSH, TcpFlag.ACK), "FP."),
        arguments("expect segment > none", Optional.empty(), Expectation.Direction.SENT,
            EnumSet.noneOf(TcpFlag.class), "none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("segments")
  void segmentTakesADirectionAndTcpdumpFlags(String text, Optional<String> socket,
      Expectation.Direction direction, Set<TcpFlag> flags, String flagText) {
    Expectation.Segment segment = (Expectation.Segment) expectation(text);
    assertThat(segment).isEqualTo(new Expectation.Segment(socket, direction, flags));
    assertThat(segment.flagText()).isEqualTo(flagText);
  }

  @Test
  void explainTakesACodeOfSpecSection6() {
    assertThat(expectation("expect explain rst_unread_data"))
        .isEqualTo(new Expectation.Explain("rst_unread_data"));
  }

  @Test
  void explainSuggestsNearCodes() {
    assertThat(Parses.invalid("expect explain rst_unread").message())
        .isEqualTo("unknown explanation code 'rst_unread'; did you mean rst_unread_data?");
  }

  @Test
  void stateTakesLinuxRfcAndSsSpellings() {
    assertThat(expectation("expect state TIME_WAIT"))
        .isEqualTo(new Expectation.State(Optional.empty(), TcpState.TIME_WAIT));
    assertThat(expectation("expect state fin-wait-1"))
        .isEqualTo(new Expectation.State(Optional.empty(), TcpState.FIN_WAIT1));
    assertThat(expectation("expect state conn ESTAB"))
        .isEqualTo(new Expectation.State(Optional.of("conn"), TcpState.ESTABLISHED));
    assertThat(expectation("expect state CLOSED"))
        .isEqualTo(new Expectation.State(Optional.empty(), TcpState.CLOSE));
  }

  @Test
  void stateSuggestsNearNames() {
    assertThat(Parses.invalid("expect state TIMEWAIT").message())
        .isEqualTo("unknown TCP state 'TIMEWAIT'; did you mean TIME_WAIT?");
  }

  @Test
  void errorSuggestsNearNames() {
    assertThat(Parses.invalid("expect error ECONNREFUSE").message())
        .isEqualTo("unknown error name 'ECONNREFUSE'; did you mean ECONNREFUSED or ECONNRESET?");
  }

  @Test
  void flagsAreCheckedLetterByLetter() {
    assertThat(Parses.invalid("expect segment > SX"))
        .isEqualTo(new ParseResult.Invalid(Parses.FILE, 1, 19, "unknown TCP flag 'X' in 'SX': "
            + "tcpdump's letters are S F R P U E W, and . for ACK (or none)"));
    assertThat(Parses.invalid("expect segment > SS").message())
        .isEqualTo("TCP flag 'S' given twice in 'SS'");
  }

  @Test
  void unknownKindNamesTheKinds() {
    assertThat(Parses.invalid("expect maybe").message()).isEqualTo(
        "expected ok, error, recv, segment, explain or state after 'expect', got 'maybe'");
  }
}

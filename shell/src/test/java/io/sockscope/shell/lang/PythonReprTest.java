package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values print as Python 3.11 prints them (expected texts taken from CPython's repr). */
class PythonReprTest {

  static Stream<Arguments> floats() {
    return Stream.of(
        arguments(1e16, "1e+16"),
        arguments(1e15, "1000000000000000.0"),
        arguments(0.0001, "0.0001"),
        arguments(0.00001, "1e-05"),
        arguments(2.0, "2.0"),
        arguments(0.1, "0.1"),
        arguments(1.5e-7, "1.5e-07"),
        arguments(123456789.123, "123456789.123"),
        arguments(1e22, "1e+22"),
        arguments(5e-324, "5e-324"),
        arguments(Double.MAX_VALUE, "1.7976931348623157e+308"),
        arguments(-0.0, "-0.0"),
        arguments(Double.POSITIVE_INFINITY, "inf"),
        arguments(Double.NaN, "nan"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("floats")
  void floatsPrintAsPythonReprDoes(double value, String repr) {
    assertThat(PythonRepr.floatRepr(value)).isEqualTo(repr);
  }

  @Test
  void strChoosesQuotesAsPythonDoes() {
    assertThat(PythonRepr.str("it's")).isEqualTo("\"it's\"");
    assertThat(PythonRepr.str("a\"b'c")).isEqualTo("'a\"b\\'c'");
  }

  @Test
  void strEscapesWhatIsNotPrintable() {
    assertThat(PythonRepr.str("\u0000\u007f\u00a0\u2028\u00e9\uD83D\uDE00\uD800"))
        .isEqualTo("'\\x00\\x7f\\xa0\\u2028\u00e9\uD83D\uDE00\\ud800'");
  }

  @Test
  void bytesPrintAsPythonReprDoes() {
    assertThat(PythonRepr.bytes("hello\n".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("b'hello\\n'");
    assertThat(PythonRepr.bytes("it's".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("b\"it's\"");
    assertThat(PythonRepr.bytes(new byte[] {0, (byte) 0xff, '"', '\''}))
        .isEqualTo("b'\\x00\\xff\"\\''");
  }
}

package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Printed trees read back as the same trees, with no more parentheses than Python needs. */
class PythonPrinterTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "s.connect(('127.0.0.1', 9000))",
      "a + b * c",
      "(a + b) * c",
      "a - (b - c)",
      "-a ** b",
      "(-a) ** b",
      "a ** -b",
      "(a ** b) ** c",
      "not a == b",
      "(not a) == b",
      "a < b < c",
      "(a < b) < c",
      "a if b else c if d else e",
      "(a if b else c) if d else e",
      "a or b and c",
      "(a or b) and c",
      "(a and b) and c",
      "(1).real",
      "x[1:2, ::3]",
      "x[(a, b)]",
      "f(a, key=1)",
      "{'k': [1, (2,)]}",
      "f'{a!r:>{w}} {{x}}'",
      "f'{ {1: 2} }'",
      "b'x' * 65536",
      "'it\\'s' + \"q\"",
      "1e309",
      "s.recv(1024, until_eof=True)"})
  void printsWhatItParses(String source) {
    Expr parsed = Parses.expr(source);
    String printed = PythonPrinter.expression(parsed);
    assertThat(Parses.expr(printed)).as(printed).isEqualTo(parsed);
  }

  @Test
  void printsTheFewestParentheses() {
    assertThat(PythonPrinter.expression(Parses.expr("((a + (b * c)))"))).isEqualTo("a + b * c");
    assertThat(PythonPrinter.expression(Parses.expr("-(a ** b)"))).isEqualTo("-a ** b");
    assertThat(PythonPrinter.expression(Parses.expr("(a - b) - c"))).isEqualTo("a - b - c");
  }

  @Test
  void printsTheShortFormsPythonSpelling() {
    assertThat(PythonPrinter.statement(Parses.only("connect s :9000")))
        .isEqualTo("s.connect(('127.0.0.1', 9000))");
    assertThat(PythonPrinter.statement(Parses.only("accept srv as conn")))
        .isEqualTo("conn, _ = srv.accept()");
    assertThat(PythonPrinter.statement(Parses.only("opt s linger 1,0")))
        .isEqualTo("s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))");
    assertThat(PythonPrinter.statement(Parses.only("sleep 500ms"))).isEqualTo("time.sleep(0.5)");
  }

  @Test
  void printsSockscopeStatementsInTheShortForm() {
    for (String text : List.of("serve echo 127.0.0.1:9000 as e", "serve sink", "stop 9000",
        "expect segment s > S.", "expect state conn TIME_WAIT", "expect error ECONNRESET",
        "expect recv b'hi' * 2", "help connect", "recv s 10 &")) {
      String printed = PythonPrinter.statement(Parses.only(text));
      assertThat(Parses.only(printed)).as(printed).isEqualTo(Parses.only(text));
    }
  }

  @Test
  void printsCompoundStatementsIndented() {
    String program = "with socket.socket() as s:\n    s.connect(('127.0.0.1', 9000))\n"
        + "    while True:\n        data = s.recv(1024)\n        if not data:\n            break\n"
        + "        elif data == b'x':\n            continue\n        else:\n            pass\n"
        + "try:\n    a()\nexcept E as e:\n    raise\nfinally:\n    s.close()";
    Program parsed = Parses.complete(program);
    StringBuilder printed = new StringBuilder();
    for (Stmt s : parsed.statements()) {
      printed.append(PythonPrinter.statement(s)).append('\n');
    }
    assertThat(printed.toString()).isEqualTo(program + "\n");
  }
}

package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.shell.lang.SourceTokens.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runs a highlighter colours are the tokens the parser reads, short form included. */
class SourceTokensTest {

  /** Each run as "KIND:text", for comparing in one line. */
  private static List<String> shown(String text) {
    return SourceTokens.of(text).stream()
        .map(r -> r.kind() + ":" + text.substring(r.start(), r.end()))
        .toList();
  }

  @Test
  void pythonStatementIsKeywordsNamesOperatorsAndLiterals() {
    assertThat(shown("with socket.socket() as s: s.send(b\"hi\" * 2)  # go"))
        .containsExactly("KEYWORD:with", "NAME:socket", "OPERATOR:.", "NAME:socket",
            "OPERATOR:(", "OPERATOR:)", "KEYWORD:as", "NAME:s", "OPERATOR::", "NAME:s",
            "OPERATOR:.", "NAME:send", "OPERATOR:(", "STRING:b\"hi\"", "OPERATOR:*",
            "NUMBER:2", "OPERATOR:)", "COMMENT:# go");
  }

  @Test
  void shortFormStatementIsOneRunUpToItsComment() {
    assertThat(shown("send s \"a b\" * 3 &  # later"))
        .containsExactly("SHORT_STATEMENT:send s \"a b\" * 3 &", "COMMENT:# later");
  }

  @Test
  void shortFormIsRecognisedAfterSemicolonAndAfterCompoundHeader() {
    assertThat(shown("socket s; connect s :9000"))
        .containsExactly("SHORT_STATEMENT:socket s", "OPERATOR:;",
            "SHORT_STATEMENT:connect s :9000");
    assertThat(shown("if True: close s"))
        .containsExactly("KEYWORD:if", "KEYWORD:True", "OPERATOR::", "SHORT_STATEMENT:close s");
  }

  @Test
  void pythonUseOfAShortKeywordStaysPython() {
    assertThat(shown("socket.socket()").getFirst()).isEqualTo("NAME:socket");
    assertThat(shown("send = 1")).containsExactly("NAME:send", "OPERATOR:=", "NUMBER:1");
  }

  @Test
  void lexerErrorMarksTheRestOfItsLine() {
    assertThat(shown("x = 1 $ 2\ny")).containsExactly(
        "NAME:x", "OPERATOR:=", "NUMBER:1", "ERROR:$ 2");
    assertThat(shown("s.send(\"abc")).containsExactly(
        "NAME:s", "OPERATOR:.", "NAME:send", "OPERATOR:(", "ERROR:\"abc");
  }

  @Test
  void unfinishedTripleQuotedStringIsAString() {
    assertThat(shown("x = b'''abc\ndef")).containsExactly(
        "NAME:x", "OPERATOR:=", "STRING:b'''abc\ndef");
  }

  @Test
  void blockLinesAndCommentLinesAreRead() {
    assertThat(shown("with a as s:\n    # note\n    recv s\n"))
        .containsExactly("KEYWORD:with", "NAME:a", "KEYWORD:as", "NAME:s", "OPERATOR::",
            "COMMENT:# note", "SHORT_STATEMENT:recv s");
  }

  @Test
  void runsDoNotOverlapAndStayInsideTheText() {
    String text = "conn, addr = server.accept()\nprint(f\"{conn!r}\", 0x1F, 2.5e3)";
    List<SourceTokens.Run> runs = SourceTokens.of(text);
    int end = 0;
    for (SourceTokens.Run r : runs) {
      assertThat(r.start()).isGreaterThanOrEqualTo(end);
      assertThat(r.end()).isGreaterThan(r.start()).isLessThanOrEqualTo(text.length());
      end = r.end();
    }
    assertThat(runs).extracting(SourceTokens.Run::kind).contains(Kind.STRING, Kind.NUMBER);
  }
}

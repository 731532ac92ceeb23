package io.sockscope.shell.complete;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each part of an entry gets the style of what it is, in both spellings. */
class HighlightingTest {

  private static final Set<String> SOCKETS = Set.of("s", "server");

  private static List<String> shown(String text) {
    return Highlighting.classify(text, SOCKETS::contains).stream()
        .map(r -> r.style() + ":" + text.substring(r.start(), r.end()))
        .toList();
  }

  @Test
  void pythonFormNamesSocketsConstantsAndLiterals() {
    assertThat(shown("s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)"))
        .containsExactly("SOCKET:s", "OPERATOR:.", "NAME:setsockopt", "OPERATOR:(",
            "NAME:socket", "OPERATOR:.", "CONSTANT:SOL_SOCKET", "OPERATOR:,", "NAME:socket",
            "OPERATOR:.", "CONSTANT:SO_REUSEADDR", "OPERATOR:,", "NUMBER:1", "OPERATOR:)");
  }

  @Test
  void attributeWithASocketsNameIsNotTheSocket() {
    assertThat(shown("x.s")).containsExactly("NAME:x", "OPERATOR:.", "NAME:s");
  }

  @Test
  void pythonKeywordsStringsAndComments() {
    assertThat(shown("with socket.socket() as s:  # client"))
        .startsWith("KEYWORD:with").contains("KEYWORD:as", "SOCKET:s", "COMMENT:# client");
    assertThat(shown("print(\"reply:\", b'hi')"))
        .contains("STRING:\"reply:\"", "STRING:b'hi'");
  }

  @Test
  void shortFormWordsAreClassifiedOneByOne() {
    assertThat(shown("opt s reuseaddr on"))
        .containsExactly("COMMAND:opt", "SOCKET:s", "CONSTANT:reuseaddr", "CONSTANT:on");
    assertThat(shown("connect c 127.0.0.1:9000"))
        .containsExactly("COMMAND:connect", "NAME:c", "NUMBER:127.0.0.1:9000");
    assertThat(shown("connect s localhost:9000")).contains("NUMBER:localhost:9000");
    assertThat(shown("send s \"x\" * 64k &"))
        .containsExactly("COMMAND:send", "SOCKET:s", "STRING:\"x\"", "OPERATOR:*",
            "NUMBER:64k", "OPERATOR:&");
    assertThat(shown("recv s 10 --until-eof"))
        .containsExactly("COMMAND:recv", "SOCKET:s", "NUMBER:10", "KEYWORD:--until-eof");
    assertThat(shown("sendall s hex:4865 ; send s @req.bin"))
        .contains("STRING:hex:4865", "OPERATOR:;", "STRING:@req.bin");
  }

  @Test
  void trailingAmpersandGluedToAWordIsAnOperator() {
    assertThat(shown("recv s&")).containsExactly("COMMAND:recv", "SOCKET:s", "OPERATOR:&");
  }

  @Test
  void expectWordsAreVocabulary() {
    assertThat(shown("expect error ECONNREFUSED"))
        .containsExactly("COMMAND:expect", "CONSTANT:error", "CONSTANT:ECONNREFUSED");
    assertThat(shown("expect segment s > S."))
        .containsExactly("COMMAND:expect", "CONSTANT:segment", "SOCKET:s", "OPERATOR:>",
            "NAME:S.");
    assertThat(shown("serve echo 9000 as e"))
        .containsExactly("COMMAND:serve", "CONSTANT:echo", "NUMBER:9000", "KEYWORD:as",
            "NAME:e");
  }

  @Test
  void unterminatedShortFormStringIsStillAString() {
    assertThat(shown("send s \"abc")).containsExactly("COMMAND:send", "SOCKET:s",
        "STRING:\"abc");
  }

  @Test
  void lexerErrorIsAnError() {
    assertThat(shown("s.send(1) $")).endsWith("ERROR:$");
  }
}

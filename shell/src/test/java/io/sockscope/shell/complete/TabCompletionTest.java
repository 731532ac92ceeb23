package io.sockscope.shell.complete;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.shell.complete.Candidate.Category;
import io.sockscope.shell.lang.Vocabulary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tab at the end of each input offers the words that belong there, and only those. */
class TabCompletionTest {

  private final TabCompletion tab = new TabCompletion(Names.tutorial(), Path.of("."));

  private Completions at(String text) {
    return tab.complete(text, text.length());
  }

  @Test
  void emptyLineOffersStatementsKeywordsAndNames() {
    Completions c = at("");
    assertThat(c.from()).isZero();
    assertThat(c.values()).contains("connect", "serve", "expect", "with", "import", "print(",
        "s", "server", "reply", "socket.");
    assertThat(c.candidates()).filteredOn(k -> k.value().equals("connect"))
        .singleElement().satisfies(k -> {
          assertThat(k.category()).isEqualTo(Category.STATEMENT);
          assertThat(k.description()).contains("handshake");
          assertThat(k.closed()).isTrue();
        });
  }

  @Test
  void statementPrefixNarrowsTheCandidates() {
    assertThat(at("con").values()).containsExactly("connect", "connect_ex", "continue");
    assertThat(at("  se").from()).isEqualTo(2);
  }

  @Test
  void socketKeywordStaysOpenBecausePythonUsesTheSameWord() {
    assertThat(at("sock").candidates()).filteredOn(k -> k.value().equals("socket"))
        .singleElement().satisfies(k -> assertThat(k.closed()).isFalse());
  }

  @Test
  void methodsFollowASocketNameAndADot() {
    Completions c = at("s.con");
    assertThat(c.from()).isEqualTo(2);
    assertThat(c.values()).containsExactly("connect(", "connect_ex(");
    assertThat(c.candidates().getFirst().closed()).isFalse();
    assertThat(c.candidates().getFirst().category()).isEqualTo(Category.METHOD);
    assertThat(at("s.rec").values()).containsExactly("recv(");
    assertThat(at("s.").values()).containsExactlyElementsOf(
        Vocabulary.socketMethods().stream().map(m -> m + "(").toList());
  }

  @Test
  void noMethodsAfterANameThatIsNoSocket() {
    assertThat(at("reply.").values()).isEmpty();
    assertThat(at("nobody.se").values()).isEmpty();
  }

  @Test
  void socketModuleMembersFollowSocketDot() {
    assertThat(at("s = socket.").values()).contains("socket(", "create_connection(", "AF_INET",
        "SOCK_STREAM", "SO_REUSEADDR", "TCP_NODELAY", "SHUT_WR");
    assertThat(at("s = socket.AF").values()).containsExactly("AF_INET", "AF_INET6");
  }

  @Test
  void socketSocketArgumentsAreFamilyThenType() {
    assertThat(at("s = socket.socket(").values())
        .containsExactly("socket.AF_INET", "socket.AF_INET6");
    assertThat(at("s = socket.socket(socket.AF_INET, ").values())
        .containsExactly("socket.SOCK_STREAM");
    assertThat(at("s = socket.socket(socket.AF_INET, socket.").values())
        .containsExactly("SOCK_STREAM");
  }

  @Test
  void setsockoptTakesLevelThenOptionsOfThatLevel() {
    assertThat(at("s.setsockopt(").values())
        .containsExactly("socket.SOL_SOCKET", "socket.IPPROTO_TCP");
    assertThat(at("s.setsockopt(socket.SOL_SOCKET, socket.").values())
        .containsExactly("SO_REUSEADDR", "SO_REUSEPORT", "SO_LINGER", "SO_RCVBUF", "SO_SNDBUF",
            "SO_KEEPALIVE");
    assertThat(at("s.getsockopt(socket.IPPROTO_TCP, socket.TCP_K").values())
        .containsExactly("TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT");
    assertThat(at("s.setsockopt(socket.IPPROTO_TCP, so").values())
        .containsExactly("socket.TCP_NODELAY", "socket.TCP_KEEPIDLE", "socket.TCP_KEEPINTVL",
            "socket.TCP_KEEPCNT", "socket.TCP_QUICKACK");
  }

  @Test
  void shutdownTakesTheHowConstants() {
    assertThat(at("s.shutdown(socket.SHUT_").values())
        .containsExactly("SHUT_RD", "SHUT_WR", "SHUT_RDWR");
  }

  @Test
  void pythonExpressionOffersNamesAndExpressionKeywords() {
    Completions c = at("print(re");
    assertThat(c.from()).isEqualTo(6);
    assertThat(c.values()).containsExactly("reply");
    assertThat(at("conn, addr = se").values()).containsExactly("server");
    assertThat(at("x = N").values()).containsExactly("None", "not");
  }

  @Test
  void shortFormSecondWordIsASocketName() {
    Completions c = at("connect s");
    assertThat(c.from()).isEqualTo(8);
    assertThat(c.values()).containsExactly("s", "server");
    assertThat(at("close ").values()).containsExactly("s", "server");
    assertThat(at("send ser").candidates()).singleElement().satisfies(k -> {
      assertThat(k.value()).isEqualTo("server");
      assertThat(k.category()).isEqualTo(Category.SOCKET);
      assertThat(k.description()).contains("LISTEN");
      assertThat(k.closed()).isTrue();
    });
  }

  @Test
  void optTakesOptionsByShortNameOrConstantThenTheirValues() {
    assertThat(at("opt s re").values())
        .containsExactly("reuseaddr", "reuseport");
    assertThat(at("opt s r").values()).containsExactly("reuseaddr", "reuseport", "rcvbuf");
    assertThat(at("opt s SO_RE").values()).containsExactly("SO_REUSEADDR", "SO_REUSEPORT");
    assertThat(at("opt s reuseaddr ").values()).containsExactly("on", "off");
    assertThat(at("opt s linger ").values()).containsExactly("1,0", "1,5", "0,0");
    assertThat(at("getopt s no").values()).containsExactly("nodelay");
    assertThat(at("opt s nodelay").candidates().getFirst().description())
        .contains("Nagle");
  }

  @Test
  void shortFormWordsOfEachStatement() {
    assertThat(at("socket t ").values()).containsExactly("tcp", "tcp6");
    assertThat(at("shutdown s ").values()).containsExactly("rd", "wr", "rdwr");
    assertThat(at("accept server ").values()).containsExactly("as");
    assertThat(at("recv s 1024 --").values()).containsExactly("--until-eof");
    assertThat(at("send s --s").values()).containsExactly("--size");
    assertThat(at("blocking s o").values()).containsExactly("on", "off");
    assertThat(at("timeout s ").values()).containsExactly("none");
    assertThat(at("sleep ").values()).isEmpty();
    assertThat(at("connect s 127.0.0.1:").values()).isEmpty();
  }

  @Test
  void serveTakesPeerKindsAndStopTakesRunningPeers() {
    assertThat(at("serve ").values()).containsExactly("echo", "discard", "chargen", "sink");
    assertThat(at("serve e").candidates()).singleElement()
        .satisfies(k -> assertThat(k.description()).contains("sends back"));
    assertThat(at("serve echo 9000 ").values()).containsExactly("as");
    assertThat(at("stop ").values()).containsExactly("echo");
  }

  @Test
  void helpTakesEveryTopic() {
    assertThat(at("help ").values()).containsExactlyElementsOf(Vocabulary.helpTopics());
    assertThat(at("help setso").candidates()).singleElement()
        .satisfies(k -> assertThat(k.description()).contains("set a socket option"));
  }

  @Test
  void expectTakesItsKindsThenWhatEachKindNames() {
    assertThat(at("expect ").values()).containsExactlyElementsOf(Vocabulary.expectKinds());
    assertThat(at("expect error ECONNR").candidates()).extracting(Candidate::value)
        .containsExactly("ECONNREFUSED", "ECONNRESET");
    assertThat(at("expect error ECONNREF").candidates().getFirst().description())
        .isEqualTo("Connection refused");
    assertThat(at("expect error Connection").values()).containsExactly(
        "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError",
        "ConnectionResetError");
    assertThat(at("expect explain rst_").values())
        .containsExactly("rst_unread_data", "rst_abort", "rst_closed");
    assertThat(at("expect state TIME").values()).containsExactly("TIME_WAIT");
    assertThat(at("expect state s ").values()).contains("ESTABLISHED", "LISTEN")
        .doesNotContain("s");
    assertThat(at("expect segment ").values()).containsExactly(">", "<", "s", "server");
    assertThat(at("expect segment s > ").values()).contains("S", "S.", "R.", "F.");
    assertThat(at("expect segment s ").values()).containsExactly(">", "<");
  }

  @Test
  void nothingInsideAStringOrAComment() {
    assertThat(at("s.send(b\"con").values()).isEmpty();
    assertThat(at("send s \"hel").values()).isEmpty();
    assertThat(at("s.close()  # con").values()).isEmpty();
  }

  @Test
  void statementAfterSemicolonOrBlockHeaderStartsAfresh() {
    assertThat(at("socket t; conn").values()).containsExactly("connect", "connect_ex");
    assertThat(at("with socket.socket() as s: s.cl").values()).containsExactly("close(");
  }

  @Test
  void continuationLineOfABlockCompletesItsOwnLine() {
    Completions c = at("with socket.socket() as s:\n    s.sen");
    assertThat(c.from()).isEqualTo("with socket.socket() as s:\n    s.".length());
    assertThat(c.values()).containsExactly("send(", "sendall(");
  }

  @Test
  void socketsTheEntryBindsOnEarlierLinesCompleteBeforeTheEntryRuns() {
    TabCompletion bare = new TabCompletion(SessionNames.empty(), Path.of("."));
    String with = "with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as c:\n    c.con";
    assertThat(bare.complete(with, with.length()).values())
        .containsExactly("connect(", "connect_ex(");
    String accept = "while True:\n    conn, addr = server.accept()\n    conn.sen";
    assertThat(bare.complete(accept, accept.length()).values())
        .containsExactly("send(", "sendall(");
    String shortForm = "if True:\n    socket t\n    close ";
    assertThat(bare.complete(shortForm, shortForm.length()).values()).containsExactly("t");
    assertThat(bare.complete("c.con", 5).values()).isEmpty();
  }

  @Test
  void cursorInTheMiddleCompletesTheWordBeforeIt() {
    String text = "s.con((\"127.0.0.1\", 9000))";
    Completions c = tab.complete(text, 5);
    assertThat(c.from()).isEqualTo(2);
    assertThat(c.values()).containsExactly("connect(", "connect_ex(");
  }

  @Test
  void cursorOutsideTheTextOffersNothing() {
    assertThat(tab.complete("abc", 7).values()).isEmpty();
    assertThat(tab.complete("abc", -1).values()).isEmpty();
  }

  @Test
  void emptySessionStillCompletesTheLanguage() {
    TabCompletion bare = new TabCompletion(SessionNames.empty(), Path.of("."));
    assertThat(bare.complete("connect ", 8).values()).isEmpty();
    assertThat(bare.complete("s.", 2).values()).isEmpty();
    assertThat(bare.complete("exp", 3).values()).containsExactly("expect");
  }
}

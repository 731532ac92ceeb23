package io.sockscope.shell.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vocabulary is consistent with the parser that uses it. */
class VocabularyTest {

  @Test
  void everyShortFormKeywordHasACommand() {
    assertThat(Vocabulary.commands()).extracting(Command::keyword)
        .containsExactlyInAnyOrderElementsOf(ShortFormParser.KEYWORDS);
  }

  @Test
  void everyCommandsExampleParses() {
    for (Command command : Vocabulary.commands()) {
      assertThat(Parser.parseEntry(command.example())).as(command.example())
          .isInstanceOf(ParseResult.Complete.class);
    }
  }

  @Test
  void everyCommandsPythonSpellingMeansItsExample() {
    for (Command command : Vocabulary.commands()) {
      command.python().ifPresent(python -> Parses.assertSame(command.example(), python));
    }
  }

  @Test
  void optionsAreFoundByConstantOrShortNameInAnyCase() {
    assertThat(Vocabulary.option("so_linger")).hasValueSatisfying(o -> {
      assertThat(o.constant()).isEqualTo("SO_LINGER");
      assertThat(o.valueKind()).isEqualTo(SocketOption.ValueKind.LINGER);
    });
    assertThat(Vocabulary.option("NoDelay")).hasValueSatisfying(
        o -> assertThat(o.level()).isEqualTo("IPPROTO_TCP"));
    assertThat(Vocabulary.option("socket.SO_REUSEADDR")).isPresent();
    assertThat(Vocabulary.option("SO_BOGUS")).isEmpty();
  }

  @Test
  void socketConstantsIncludeEveryOption() {
    assertThat(Vocabulary.socketConstants()).contains("AF_INET", "AF_INET6", "SOCK_STREAM",
        "SOL_SOCKET", "IPPROTO_TCP", "SHUT_RD", "SHUT_WR", "SHUT_RDWR", "SO_REUSEADDR",
        "SO_LINGER", "TCP_NODELAY", "TCP_QUICKACK");
  }

  @Test
  void explanationCodesAreSpecSection6() {
    assertThat(Vocabulary.explanationCodes()).hasSize(33)
        .contains("handshake", "rst_unread_data", "loopback_offload").doesNotHaveDuplicates();
  }

  @Test
  void everyExceptionMapsToKnownErrnos() {
    for (String exception : Vocabulary.exceptionNames()) {
      assertThat(Vocabulary.errnosOf(exception)).hasValueSatisfying(
          errnos -> assertThat(Vocabulary.errnoNames()).containsAll(errnos));
    }
  }

  @Test
  void everyNameInTheVocabularyParsesInItsPlace() {
    for (String errno : Vocabulary.errnoNames()) {
      Parses.complete("expect error " + errno);
    }
    for (String exception : Vocabulary.exceptionNames()) {
      Parses.complete("expect error " + exception);
    }
    for (String code : Vocabulary.explanationCodes()) {
      Parses.complete("expect explain " + code);
    }
    for (TcpState state : Vocabulary.tcpStates()) {
      Parses.complete("expect state " + state.name());
    }
    for (PeerKind kind : Vocabulary.peerKinds()) {
      Parses.complete("serve " + kind.keyword());
    }
    for (String topic : Vocabulary.helpTopics()) {
      Parses.complete("help " + topic);
    }
    for (String option : Vocabulary.optionNames()) {
      Parses.complete("getopt s " + option);
    }
  }

  @Test
  void nearMatchesComeNearestFirst() {
    assertThat(NearMatches.of("conect", List.of("connect_ex", "connect", "close")))
        .containsExactly("connect");
    assertThat(NearMatches.of("rst", List.of("rst_unread_data", "fin", "rst"))).first()
        .isEqualTo("rst");
    assertThat(NearMatches.of("zzz", List.of("connect"))).isEmpty();
  }
}

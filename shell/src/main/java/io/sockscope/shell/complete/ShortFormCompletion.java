package io.sockscope.shell.complete;

import io.sockscope.engine.Errno;
import io.sockscope.shell.complete.Candidate.Category;
import io.sockscope.shell.lang.ShortWords;
import io.sockscope.shell.lang.SocketOption;
import io.sockscope.shell.lang.TcpState;
import io.sockscope.shell.lang.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Completion inside a short-form statement: the words each statement takes at each place
 * ({@code connect NAME HOST:PORT}, {@code opt NAME OPTION VALUE}, {@code expect error ERRNO},
 * ...), by the word's index after the keyword. The places mirror the table in the statement
 * language's package documentation.
 */
final class ShortFormCompletion {

  private static final List<String[]> FLAGS =
      List.of(
          new String[] {"S", "SYN: opens a connection"},
          new String[] {"S.", "SYN-ACK: accepts a connection"},
          new String[] {".", "ACK alone"},
          new String[] {"P.", "data (PSH, ACK)"},
          new String[] {"F.", "FIN: orderly close"},
          new String[] {"FP.", "the last data and FIN together"},
          new String[] {"R", "RST: reset"},
          new String[] {"R.", "RST with ACK"});

  private final SessionNames names;

  ShortFormCompletion(SessionNames names) {
    this.names = names;
  }

  /** Completes the word before {@code cursor} of the statement starting at {@code start}. */
  Completions complete(String text, int start, int cursor) {
    List<ShortWords.Word> words = ShortWords.split(text, start, cursor);
    boolean fresh = Character.isWhitespace(text.charAt(cursor - 1));
    int index = fresh ? words.size() : words.size() - 1;
    int from = fresh ? cursor : words.getLast().start();
    if (!fresh && words.getLast().unterminated()) {
      return Completions.none(cursor);
    }
    String prefix = text.substring(from, cursor);
    String keyword = words.getFirst().text();
    List<String> before = words.subList(1, index).stream().map(ShortWords.Word::text).toList();
    return new Completions(from, TabCompletion.filter(place(keyword, index, before), prefix));
  }

  /** What statement {@code keyword} takes as its word number {@code index}. */
  private List<Candidate> place(String keyword, int index, List<String> before) {
    return switch (keyword) {
      case "socket" -> index == 2
          ? List.of(word("tcp", "IPv4 (AF_INET), the default"), word("tcp6", "IPv6 (AF_INET6)"))
          : List.of();
      case "connect", "connect_ex", "bind", "listen", "close", "getsockname", "getpeername",
           "fileno" -> index == 1 ? sockets() : List.of();
      case "accept" -> switch (index) {
        case 1 -> sockets();
        case 2 -> List.of(word("as", "name the accepted socket: accept server as conn"));
        default -> List.of();
      };
      case "send", "sendall" -> index == 1 ? sockets() : dataWords(index);
      case "recv" -> index == 1
          ? sockets()
          : List.of(word("--until-eof", "keep reading until the peer closes"));
      case "shutdown" -> index == 1 ? sockets() : index == 2 ? shutdownHows() : List.of();
      case "opt" -> switch (index) {
        case 1 -> sockets();
        case 2 -> options();
        case 3 -> optionValues(before.get(1));
        default -> List.of();
      };
      case "getopt" -> index == 1 ? sockets() : index == 2 ? options() : List.of();
      case "timeout" -> index == 1
          ? sockets()
          : index == 2 ? List.of(word("none", "wait for ever (settimeout(None))")) : List.of();
      case "blocking" -> index == 1 ? sockets() : index == 2 ? onOff() : List.of();
      case "serve" -> index == 1
          ? peerKinds()
          : index >= 2 && !before.contains("as")
              ? List.of(word("as", "name the peer: serve echo 9000 as e"))
              : List.of();
      case "stop" -> index == 1 ? peers() : List.of();
      case "help" -> index == 1 ? topics() : List.of();
      case "expect" -> expect(index, before);
      default -> List.of();
    };
  }

  private List<Candidate> expect(int index, List<String> before) {
    if (index == 1) {
      return Vocabulary.expectKinds().stream()
          .map(k -> new Candidate(k, Category.KEYWORD, expectKindNote(k), true)).toList();
    }
    String kind = before.getFirst();
    return switch (kind) {
      case "error" -> index == 2 ? errorNames() : List.of();
      case "explain" -> index == 2 ? explanationCodes() : List.of();
      case "state" -> {
        if (index == 2) {
          List<Candidate> out = new ArrayList<>(states());
          out.addAll(sockets());
          yield out;
        }
        yield index == 3 && isSocket(before.get(1)) ? states() : List.of();
      }
      case "segment" -> {
        String last = before.getLast();
        if (index == 2) {
          List<Candidate> out = new ArrayList<>(directions());
          out.addAll(sockets());
          yield out;
        }
        if (last.equals(">") || last.equals("<")) {
          yield flags();
        }
        yield index == 3 && isSocket(last) ? directions() : List.of();
      }
      default -> List.of();
    };
  }

  private static String expectKindNote(String kind) {
    return switch (kind) {
      case "ok" -> "the statement before succeeded";
      case "error" -> "the statement before failed with this error";
      case "recv" -> "the last recv() returned these bytes";
      case "segment" -> "a segment went out (>) or came in (<) with these flags";
      case "explain" -> "the inspector gave this explanation";
      case "state" -> "the socket is in this TCP state";
      default -> "";
    };
  }

  private List<Candidate> sockets() {
    return names.sockets().stream()
        .map(k -> new Candidate(k.name(), Category.SOCKET, k.description(), true)).toList();
  }

  private boolean isSocket(String word) {
    return names.sockets().stream().anyMatch(k -> k.name().equals(word));
  }

  private List<Candidate> peers() {
    return names.peers().stream()
        .map(k -> new Candidate(k.name(), Category.PEER, k.description(), true)).toList();
  }

  private static List<Candidate> dataWords(int index) {
    return index == 2
        ? List.of(word("--size", "N generated bytes: --size 64k"),
            word("hex:", "bytes in hex: hex:48656c6c6f", false))
        : List.of();
  }

  private static List<Candidate> shutdownHows() {
    return List.of(word("rd", "stop receiving (SHUT_RD)"),
        word("wr", "stop sending: the peer reads EOF (SHUT_WR, sends FIN)"),
        word("rdwr", "both (SHUT_RDWR)"));
  }

  private static List<Candidate> options() {
    List<Candidate> out = new ArrayList<>();
    for (SocketOption o : Vocabulary.options()) {
      out.add(new Candidate(o.alias(), Category.OPTION, o.summary(), true));
    }
    for (SocketOption o : Vocabulary.options()) {
      out.add(new Candidate(o.constant(), Category.OPTION, o.summary(), true));
    }
    return out;
  }

  private static List<Candidate> optionValues(String option) {
    Optional<SocketOption> known = Vocabulary.option(option);
    if (known.isEmpty()) {
      return List.of();
    }
    return switch (known.get().valueKind()) {
      case FLAG -> onOff();
      case LINGER -> List.of(word("1,0", "on, 0 seconds: close() resets (RST)"),
          word("1,5", "on: close() waits up to 5 seconds for unsent data"),
          word("0,0", "off: the default"));
      case INTEGER -> List.of();
    };
  }

  private static List<Candidate> onOff() {
    return List.of(word("on", "1"), word("off", "0"));
  }

  private static List<Candidate> peerKinds() {
    return Vocabulary.peerKinds().stream()
        .map(k -> new Candidate(k.keyword(), Category.PEER_KIND, k.summary(), true)).toList();
  }

  private static List<Candidate> topics() {
    return Vocabulary.helpTopics().stream()
        .map(t -> new Candidate(t, Category.TOPIC,
            Vocabulary.helpTopic(t).map(c -> c.summary()).orElse(""), true))
        .toList();
  }

  private static List<Candidate> errorNames() {
    List<Candidate> out = new ArrayList<>();
    for (String name : Vocabulary.errnoNames()) {
      String message = Errno.named(name).map(Errno::message).orElse("");
      out.add(new Candidate(name, Category.ERROR_NAME, message, true));
    }
    for (String name : Vocabulary.exceptionNames()) {
      String errnos = Vocabulary.errnosOf(name)
          .filter(set -> !set.isEmpty())
          .map(set -> set.stream().sorted().collect(Collectors.joining(", ")))
          .orElse("any errno");
      out.add(new Candidate(name, Category.ERROR_NAME, errnos, true));
    }
    return out;
  }

  private static List<Candidate> explanationCodes() {
    return Vocabulary.explanationCodes().stream()
        .map(c -> new Candidate(c, Category.EXPLANATION, "", true)).toList();
  }

  private static List<Candidate> states() {
    return Vocabulary.tcpStates().stream()
        .map(s -> new Candidate(s.name(), Category.STATE, stateNote(s), true)).toList();
  }

  private static String stateNote(TcpState state) {
    return state.aliases().isEmpty() ? "" : "also " + String.join(", ", state.aliases());
  }

  private static List<Candidate> directions() {
    return List.of(word(">", "sent by this socket"), word("<", "received by this socket"));
  }

  private static List<Candidate> flags() {
    return FLAGS.stream().map(f -> word(f[0], f[1])).toList();
  }

  private static Candidate word(String value, String description) {
    return word(value, description, true);
  }

  private static Candidate word(String value, String description, boolean closed) {
    return new Candidate(value, Category.WORD, description, closed);
  }
}

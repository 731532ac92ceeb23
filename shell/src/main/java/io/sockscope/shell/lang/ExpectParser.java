package io.sockscope.shell.lang;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The words after {@code expect} (SPEC §7): {@code ok}, {@code error NAME}, {@code recv DATA},
 * {@code segment [SOCKET] >|< FLAGS}, {@code explain CODE}, {@code state [SOCKET] STATE}. Names
 * are checked against the {@link Vocabulary}; an unknown one is an error that suggests the near
 * ones.
 */
final class ExpectParser {

  private static final String KINDS = "ok, error, recv, segment, explain or state";

  private final Words words;

  ExpectParser(Words words) {
    this.words = words;
  }

  Expectation parse() {
    ShortWords.Word kind = words.take(KINDS);
    return switch (kind.text().toLowerCase(Locale.ROOT)) {
      case "ok" -> new Expectation.Ok();
      case "error" -> error();
      case "recv" -> new Expectation.Recv(DataLiterals.read(words));
      case "segment" -> segment();
      case "explain" -> explain();
      case "state" -> state();
      default -> throw words.wrong(kind, KINDS);
    };
  }

  private Expectation error() {
    ShortWords.Word name = words.take("an errno name such as ECONNREFUSED");
    return ErrorNames.lookup(name.text()).orElseThrow(() -> {
      List<String> known = new ArrayList<>(ErrorNames.ERRNOS);
      known.addAll(ErrorNames.EXCEPTIONS.keySet());
      String near = NearMatches.suggestion(name.text(), known);
      return words.at(name, "unknown error name '" + name.text() + "'"
          + (near.isEmpty()
              ? "; expected an errno name such as ECONNREFUSED or an exception such as "
                  + "ConnectionRefusedError"
              : near));
    });
  }

  private Expectation segment() {
    Optional<String> socket = Optional.empty();
    ShortWords.Word w = words.take("'>' (sent) or '<' (received)");
    if (!w.text().startsWith(">") && !w.text().startsWith("<")) {
      if (!PythonLexer.isIdentifier(w.text())) {
        throw words.wrong(w, "'>' (sent) or '<' (received)");
      }
      socket = Optional.of(w.text());
      w = words.take("'>' (sent) or '<' (received)");
      if (!w.text().startsWith(">") && !w.text().startsWith("<")) {
        throw words.wrong(w, "'>' (sent) or '<' (received)");
      }
    }
    Expectation.Direction direction =
        w.text().charAt(0) == '>' ? Expectation.Direction.SENT : Expectation.Direction.RECEIVED;
    String flagText;
    int flagStart;
    if (w.text().length() > 1) {
      flagText = w.text().substring(1);
      flagStart = w.start() + 1;
    } else {
      ShortWords.Word flagWord = words.take("tcpdump flags such as S, S., P., F. or R.");
      flagText = flagWord.text();
      flagStart = flagWord.start();
    }
    return new Expectation.Segment(socket, direction, flags(flagText, flagStart));
  }

  private Set<TcpFlag> flags(String text, int start) {
    Set<TcpFlag> flags = EnumSet.noneOf(TcpFlag.class);
    if (text.equalsIgnoreCase("none")) {
      return flags;
    }
    for (int i = 0; i < text.length(); i++) {
      char letter = Character.toUpperCase(text.charAt(i));
      Optional<TcpFlag> flag = TcpFlag.ofLetter(letter);
      if (flag.isEmpty()) {
        throw words.at(start + i, "unknown TCP flag '" + text.charAt(i) + "' in '" + text
            + "': tcpdump's letters are S F R P U E W, and . for ACK (or none)");
      }
      if (!flags.add(flag.get())) {
        throw words.at(start + i, "TCP flag '" + text.charAt(i) + "' given twice in '" + text + "'");
      }
    }
    return flags;
  }

  private Expectation explain() {
    ShortWords.Word code = words.take("an explanation code such as handshake or rst_unread_data");
    String key = code.text().toLowerCase(Locale.ROOT);
    if (!Vocabulary.explanationCodes().contains(key)) {
      String near = NearMatches.suggestion(key, Vocabulary.explanationCodes());
      throw words.at(code, "unknown explanation code '" + code.text() + "'"
          + (near.isEmpty() ? "; codes include handshake, data, fin, rst_unread_data, time_wait"
              : near));
    }
    return new Expectation.Explain(key);
  }

  private Expectation state() {
    ShortWords.Word first = words.take("a TCP state such as ESTABLISHED or TIME_WAIT");
    Optional<String> socket = Optional.empty();
    ShortWords.Word stateWord = first;
    if (words.hasMore()) {
      if (!PythonLexer.isIdentifier(first.text())) {
        throw words.wrong(first, "a socket name");
      }
      socket = Optional.of(first.text());
      stateWord = words.take("a TCP state");
    }
    ShortWords.Word named = stateWord;
    TcpState state = TcpState.of(named.text()).orElseThrow(() -> {
      List<String> names = new ArrayList<>();
      for (TcpState s : TcpState.values()) {
        names.add(s.name());
      }
      String near = NearMatches.suggestion(named.text(), names);
      return words.at(named, "unknown TCP state '" + named.text() + "'"
          + (near.isEmpty() ? "; states include ESTABLISHED, TIME_WAIT, CLOSE_WAIT, LISTEN" : near));
    });
    return new Expectation.State(socket, state);
  }
}

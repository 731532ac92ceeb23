package io.sockscope.shell.complete;

import io.sockscope.shell.lang.ShortWords;
import io.sockscope.shell.lang.SourceTokens;
import io.sockscope.shell.lang.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Syntax highlighting as a pure classification: the entry's text cut into runs, each of one
 * {@link Style}, read by the statement language's own lexer ({@link SourceTokens}) so the colours
 * agree with what the parser will do. A short-form statement is split into its words here: its
 * keyword, socket names, vocabulary words (options, peer kinds, error names, states), DATA
 * literals, numbers and addresses. The terminal's colours for each style are the line shell's
 * business.
 */
public final class Highlighting {

  /** What a run of source is, for colouring. */
  public enum Style {
    /** A Python keyword. */
    KEYWORD,
    /** The keyword of a short-form statement ({@code connect}, {@code serve}, {@code expect}). */
    COMMAND,
    /** A name bound to an open socket. */
    SOCKET,
    /** Another name. */
    NAME,
    /** A {@code socket.} constant or a word of the vocabulary (option, peer kind, errno, ...). */
    CONSTANT,
    /** A string, bytes or DATA literal. */
    STRING,
    /** A number, size, duration or HOST:PORT address. */
    NUMBER,
    COMMENT,
    OPERATOR,
    /** Text the lexer rejected. */
    ERROR
  }

  /** {@code [start, end)} of the entry in one style. */
  public record Run(Style style, int start, int end) {}

  private static final Set<String> VOCABULARY = vocabulary();

  private Highlighting() {}

  private static Set<String> vocabulary() {
    Set<String> words = new HashSet<>();
    Vocabulary.optionNames().forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
    Vocabulary.peerKinds().forEach(k -> words.add(k.keyword()));
    Vocabulary.errnoNames().forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
    Vocabulary.exceptionNames().forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
    Vocabulary.explanationCodes().forEach(words::add);
    Vocabulary.tcpStates().forEach(s -> words.add(s.name().toLowerCase(Locale.ROOT)));
    Vocabulary.expectKinds().forEach(words::add);
    words.addAll(List.of("tcp", "tcp6", "rd", "wr", "rdwr", "on", "off", "true", "false", "yes",
        "no", "none"));
    return Set.copyOf(words);
  }

  /** The runs of {@code text}; {@code isSocket} says which names are bound to open sockets. */
  public static List<Run> classify(String text, Predicate<String> isSocket) {
    List<Run> out = new ArrayList<>();
    List<SourceTokens.Run> tokens = SourceTokens.of(text);
    for (int i = 0; i < tokens.size(); i++) {
      SourceTokens.Run t = tokens.get(i);
      switch (t.kind()) {
        case KEYWORD -> out.add(new Run(Style.KEYWORD, t.start(), t.end()));
        case NAME -> out.add(new Run(nameStyle(text, tokens, i, isSocket), t.start(), t.end()));
        case NUMBER -> out.add(new Run(Style.NUMBER, t.start(), t.end()));
        case STRING -> out.add(new Run(Style.STRING, t.start(), t.end()));
        case OPERATOR -> out.add(new Run(Style.OPERATOR, t.start(), t.end()));
        case COMMENT -> out.add(new Run(Style.COMMENT, t.start(), t.end()));
        case ERROR -> out.add(new Run(Style.ERROR, t.start(), t.end()));
        case SHORT_STATEMENT -> shortStatement(text, t.start(), t.end(), isSocket, out);
      }
    }
    return out;
  }

  private static Style nameStyle(
      String text, List<SourceTokens.Run> tokens, int i, Predicate<String> isSocket) {
    SourceTokens.Run t = tokens.get(i);
    String name = text.substring(t.start(), t.end());
    boolean afterSocketDot = i >= 2
        && text.substring(tokens.get(i - 1).start(), tokens.get(i - 1).end()).equals(".")
        && text.substring(tokens.get(i - 2).start(), tokens.get(i - 2).end()).equals("socket");
    if (afterSocketDot && Vocabulary.socketConstants().contains(name)) {
      return Style.CONSTANT;
    }
    boolean afterDot = i >= 1
        && text.substring(tokens.get(i - 1).start(), tokens.get(i - 1).end()).equals(".");
    return !afterDot && isSocket.test(name) ? Style.SOCKET : Style.NAME;
  }

  private static void shortStatement(
      String text, int start, int end, Predicate<String> isSocket, List<Run> out) {
    List<ShortWords.Word> words = ShortWords.split(text, start, end);
    for (int i = 0; i < words.size(); i++) {
      ShortWords.Word w = words.get(i);
      Style style = i == 0 ? Style.COMMAND : wordStyle(w, isSocket);
      if (i > 0 && w.text().length() > 1 && w.text().endsWith("&") && !w.unterminated()) {
        out.add(new Run(style, w.start(), w.end() - 1));
        out.add(new Run(Style.OPERATOR, w.end() - 1, w.end()));
      } else {
        out.add(new Run(style, w.start(), w.end()));
      }
    }
  }

  private static Style wordStyle(ShortWords.Word w, Predicate<String> isSocket) {
    String s = w.text();
    char first = s.charAt(0);
    if (w.unterminated()) {
      return first == '"' || first == '\'' || s.startsWith("b") ? Style.STRING : Style.ERROR;
    }
    if (first == '"' || first == '\'' || s.startsWith("b\"") || s.startsWith("b'")
        || s.startsWith("hex:") || first == '@') {
      return Style.STRING;
    }
    if (s.equals("*") || s.equals("&") || first == '>' || first == '<') {
      return Style.OPERATOR;
    }
    if (s.startsWith("--") || s.equals("as")) {
      return Style.KEYWORD;
    }
    if (Character.isDigit(first) || first == ':' || first == '[' || first == '.'
        || looksLikeAddress(s)) {
      return Style.NUMBER;
    }
    String key = s.endsWith("&") ? s.substring(0, s.length() - 1) : s;
    if (isSocket.test(key)) {
      return Style.SOCKET;
    }
    return VOCABULARY.contains(key.toLowerCase(Locale.ROOT)) ? Style.CONSTANT : Style.NAME;
  }

  /** {@code localhost:9000}, {@code example.org:80}: a host, a colon and digits. */
  private static boolean looksLikeAddress(String s) {
    int colon = s.lastIndexOf(':');
    return colon > 0 && colon < s.length() - 1
        && s.substring(colon + 1).chars().allMatch(Character::isDigit);
  }
}

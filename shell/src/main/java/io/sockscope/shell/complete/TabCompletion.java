package io.sockscope.shell.complete;

import io.sockscope.shell.complete.Candidate.Category;
import io.sockscope.shell.lang.Command;
import io.sockscope.shell.lang.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tab completion as a pure function of the entry typed so far and the cursor: which word is
 * under the cursor, what kind of word belongs there, and the candidates that finish it, each with
 * a one-line description. It knows the statement language through {@link Vocabulary} and the
 * session through {@link SessionNames}, and has no terminal in it, so it is tested as a function.
 *
 * <p>What it offers, by place: at the start of a statement the short-form statements, Python's
 * statement keywords and the session's names; after a short-form keyword the words that
 * statement takes there ({@link ShortFormCompletion}); in the Python form the methods after a
 * socket's name and a dot, the {@code socket} module's members after {@code socket.}, and the
 * levels and options inside {@code setsockopt(} ({@link PythonCompletion}); after {@code @}
 * file paths ({@link PathCompletion}). Inside a string or a comment it offers nothing.
 */
public final class TabCompletion {

  private static final Set<String> SHORT_KEYWORDS = shortKeywords();

  private final SessionNames names;
  private final PathCompletion paths;

  /** Completion for a session; {@code @} paths are relative to {@code directory}. */
  public TabCompletion(SessionNames names, Path directory) {
    this.names = names;
    this.paths = new PathCompletion(directory);
  }

  private static Set<String> shortKeywords() {
    return Set.copyOf(Vocabulary.commands().stream().map(Command::keyword).toList());
  }

  /** The candidates for the word that ends at {@code cursor} in {@code text}. */
  public Completions complete(String text, int cursor) {
    if (cursor < 0 || cursor > text.length()) {
      return Completions.none(Math.clamp(cursor, 0, text.length()));
    }
    LineScan scan = LineScan.of(text, cursor);
    if (scan.inComment() || scan.inString()) {
      return Completions.none(cursor);
    }
    SessionNames names = EntrySockets.adding(this.names, text, scan.lineStart());
    int chunk = cursor;
    while (chunk > scan.statementStart() && !Character.isWhitespace(text.charAt(chunk - 1))
        && text.charAt(chunk - 1) != '(' && text.charAt(chunk - 1) != ',') {
      chunk--;
    }
    if (chunk < cursor && text.charAt(chunk) == '@') {
      return paths.complete(text.substring(chunk + 1, cursor), chunk + 1);
    }
    int word = cursor;
    while (word > scan.statementStart() && isIdentifierPart(text.charAt(word - 1))) {
      word--;
    }
    String prefix = text.substring(word, cursor);
    if (isShortForm(text, scan.statementStart(), cursor)) {
      return new ShortFormCompletion(names).complete(text, scan.statementStart(), cursor);
    }
    if (word > scan.statementStart() && text.charAt(word - 1) == '.') {
      int qualifier = word - 1;
      while (qualifier > scan.statementStart() && isIdentifierPart(text.charAt(qualifier - 1))) {
        qualifier--;
      }
      return new PythonCompletion(names).afterDot(
          text, scan, text.substring(qualifier, word - 1), prefix, word);
    }
    if (!prefix.isEmpty() && !Character.isJavaIdentifierStart(prefix.charAt(0))) {
      return Completions.none(cursor);
    }
    if (word == scan.statementStart()) {
      return new Completions(word, filter(statementStart(names), prefix));
    }
    return new PythonCompletion(names).inExpression(text, scan, prefix, word);
  }

  /** Everything a statement can start with. */
  private static List<Candidate> statementStart(SessionNames names) {
    List<Candidate> out = new ArrayList<>();
    for (Command c : Vocabulary.commands()) {
      boolean alsoPython = c.keyword().equals("socket");
      String description = alsoPython
          ? c.summary() + " (socket NAME, or socket.socket())"
          : c.summary();
      out.add(new Candidate(c.keyword(), Category.STATEMENT, description, !alsoPython));
    }
    out.addAll(PythonCompletion.statementKeywords());
    out.addAll(PythonCompletion.names(names));
    return out;
  }

  /**
   * Whether the statement starting at {@code start} is in the short form as far as it is typed:
   * a short-form keyword, a blank, then nothing or something that cannot continue a Python
   * statement (the rule the parser applies).
   */
  static boolean isShortForm(String text, int start, int cursor) {
    int p = start;
    while (p < cursor && isIdentifierPart(text.charAt(p))) {
      p++;
    }
    if (p == start || p >= cursor || !SHORT_KEYWORDS.contains(text.substring(start, p))) {
      return false;
    }
    if (text.charAt(p) != ' ' && text.charAt(p) != '\t') {
      return false;
    }
    while (p < cursor && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
      p++;
    }
    if (p >= cursor) {
      return true;
    }
    char c = text.charAt(p);
    if (c == '"' || c == '\'' || c == ':' || c == '[' || c == '@' || c == '&'
        || Character.isDigit(c)) {
      return true;
    }
    if (!Character.isJavaIdentifierStart(c)) {
      return false;
    }
    int q = p;
    while (q < cursor && isIdentifierPart(text.charAt(q))) {
      q++;
    }
    return q == cursor || !PythonCompletion.PYTHON_KEYWORDS.contains(text.substring(p, q));
  }

  /** The candidates whose value starts with {@code prefix}, ignoring case. */
  static List<Candidate> filter(List<Candidate> all, String prefix) {
    String key = prefix.toLowerCase(Locale.ROOT);
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : all) {
      if (c.value().toLowerCase(Locale.ROOT).startsWith(key)
          && out.stream().noneMatch(o -> o.value().equals(c.value()))) {
        out.add(c);
      }
    }
    return out;
  }

  static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}

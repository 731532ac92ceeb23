package io.sockscope.shell.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A shell entry cut into classified runs of source, read by the same lexer and the same
 * short-form rule the parser uses, so that a highlighter colours exactly what the parser will
 * see. Never throws: a lexer error marks the rest of its line as {@link Kind#ERROR} and ends the
 * scan, and an unfinished triple-quoted string at the end is a {@link Kind#STRING}.
 *
 * <p>A short-form statement is one {@link Kind#SHORT_STATEMENT} run, untokenized, as the parser
 * hands it to the short-form reader; what is inside is for the caller to split into words.
 */
public final class SourceTokens {

  /** What a run of source is. */
  public enum Kind {
    /** A Python keyword ({@code with}, {@code import}, {@code None}, ...). */
    KEYWORD,
    /** A name that is not a keyword. */
    NAME,
    NUMBER,
    /** A string or bytes literal, prefix and quotes included. */
    STRING,
    /** An operator or a bracket. */
    OPERATOR,
    /** A {@code #} comment up to the end of its line. */
    COMMENT,
    /** A whole short-form statement, from its keyword to its end (a final {@code &} included). */
    SHORT_STATEMENT,
    /** Source the lexer rejected, up to the end of that line. */
    ERROR
  }

  /** Source offsets {@code [start, end)} of one run. */
  public record Run(Kind kind, int start, int end) {}

  private static final Set<String> COMPOUND =
      Set.of("if", "elif", "else", "while", "for", "with", "try", "except", "finally");

  private SourceTokens() {}

  /** The runs of {@code text}, in order, not overlapping; blanks belong to none. */
  public static List<Run> of(String text) {
    List<Run> runs = new ArrayList<>();
    PythonLexer lexer = new PythonLexer(text, PythonLexer.Mode.ENTRY);
    int scanned = 0;
    boolean statementStart = true;
    boolean compoundLine = false;
    int depth = 0;
    while (true) {
      Token t = lexer.next();
      switch (t.kind()) {
        case END -> {
          comments(text, scanned, text.length(), runs);
          return runs;
        }
        case ERROR -> {
          int from = firstNonBlank(text, scanned);
          comments(text, scanned, from, runs);
          int lineEnd = text.indexOf('\n', from);
          int end = lineEnd < 0 ? text.length() : lineEnd;
          if (from < end) {
            runs.add(new Run(Kind.ERROR, from, end));
          }
          return runs;
        }
        case INCOMPLETE -> {
          int from = firstNonBlank(text, scanned);
          if (from < text.length() && startsString(text, from)) {
            comments(text, scanned, from, runs);
            runs.add(new Run(Kind.STRING, from, text.length()));
          } else {
            comments(text, scanned, text.length(), runs);
          }
          return runs;
        }
        case NEWLINE, INDENT, DEDENT -> {
          comments(text, scanned, t.start(), runs);
          scanned = Math.max(scanned, t.start());
          statementStart = true;
          compoundLine = false;
          depth = 0;
        }
        case NAME -> {
          comments(text, scanned, t.start(), runs);
          if (statementStart && ShortFormParser.startsHere(text, t)) {
            int end = lexer.takeShortStatement(t.start());
            runs.add(new Run(Kind.SHORT_STATEMENT, t.start(), end));
            scanned = end;
            statementStart = false;
            continue;
          }
          boolean keyword = PythonLexer.KEYWORDS.contains(t.text());
          if (statementStart && COMPOUND.contains(t.text())) {
            compoundLine = true;
          }
          runs.add(new Run(keyword ? Kind.KEYWORD : Kind.NAME, t.start(), t.end()));
          statementStart = false;
          scanned = t.end();
        }
        case NUMBER, STRING -> {
          comments(text, scanned, t.start(), runs);
          runs.add(new Run(t.kind() == Token.Kind.NUMBER ? Kind.NUMBER : Kind.STRING, t.start(),
              t.end()));
          statementStart = false;
          scanned = t.end();
        }
        case OP -> {
          comments(text, scanned, t.start(), runs);
          runs.add(new Run(Kind.OPERATOR, t.start(), t.end()));
          switch (t.text()) {
            case "(", "[", "{" -> depth++;
            case ")", "]", "}" -> depth = Math.max(0, depth - 1);
            default -> {}
          }
          statementStart = t.isOp(";") || (t.isOp(":") && compoundLine && depth == 0);
          scanned = t.end();
        }
      }
    }
  }

  /** Comment runs in the gap {@code [from, to)} between tokens. */
  private static void comments(String text, int from, int to, List<Run> runs) {
    int p = from;
    while (p < to) {
      if (text.charAt(p) == '#') {
        int lineEnd = text.indexOf('\n', p);
        int end = lineEnd < 0 || lineEnd > to ? to : lineEnd;
        runs.add(new Run(Kind.COMMENT, p, end));
        p = end;
      } else {
        p++;
      }
    }
  }

  private static int firstNonBlank(String text, int from) {
    int p = from;
    while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
      p++;
    }
    return p;
  }

  private static boolean startsString(String text, int from) {
    int p = from;
    while (p < text.length() && p - from < 2 && Character.isLetter(text.charAt(p))) {
      p++;
    }
    return p < text.length() && (text.charAt(p) == '"' || text.charAt(p) == '\'');
  }
}

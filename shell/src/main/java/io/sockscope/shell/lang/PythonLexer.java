package io.sockscope.shell.lang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Python's tokenizer for the Python form: names, numbers, strings, operators, and the NEWLINE,
 * INDENT and DEDENT tokens that carry Python's line structure (implicit continuation inside
 * brackets, explicit with a backslash, blank and comment lines ignored).
 *
 * <p>It reads one token per {@link #next} call and no further, so the parser can hand a line
 * that starts like a short-form statement to {@link #takeShortStatement} before any of it is
 * tokenized. Errors and unfinished input come back as {@code ERROR} and {@code INCOMPLETE}
 * tokens, after which the lexer reads nothing more.
 *
 * <p>In {@link Mode#ENTRY} (a shell entry) the end of input is where the user pressed Enter:
 * an open bracket, a trailing backslash, an open triple-quoted string, or an open block whose
 * entry does not end in a blank line give {@code INCOMPLETE}. In {@link Mode#FILE} they are
 * errors, except the open block, which the end of the file closes. {@link Mode#FIELD} reads the
 * expression of an f-string replacement field, where line breaks are plain whitespace.
 */
final class PythonLexer {

  enum Mode {
    FILE,
    ENTRY,
    FIELD
  }

  /** Python's limit: "too many levels of indentation". */
  static final int MAX_INDENT_LEVELS = 100;

  /** Half Python's limit ("too many nested parentheses"), to stay well inside a thread's stack. */
  static final int MAX_BRACKET_DEPTH = 100;

  static final Set<String> KEYWORDS =
      Set.of(
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
          "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
          "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
          "return", "try", "while", "with", "yield");

  private static final List<String> OPERATORS =
      List.of(
          "**=", "//=", ">>=", "<<=", "...", "->", ":=", "!=", "==", "<=", ">=", "**", "//", "<<",
          ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "(", ")", "[", "]", "{",
          "}", ",", ":", ".", ";", "@", "=", "+", "-", "*", "/", "%", "<", ">", "&", "|", "^",
          "~", "!");

  private static final Set<String> STRING_PREFIXES =
      Set.of("r", "u", "b", "f", "br", "rb", "fr", "rf");

  private final String src;
  private final int limit;
  private final Mode mode;
  private final boolean endsWithBlankLine;
  private final ArrayDeque<Token> pending = new ArrayDeque<>();
  private final List<int[]> indents = new ArrayList<>();
  private final ArrayDeque<Token> brackets = new ArrayDeque<>();
  private int pos;
  private int line;
  private int lineStart;
  private boolean atLineStart;
  private boolean lineHasTokens;
  private boolean finished;
  private Token last;

  /** A lexer over a whole script or entry. */
  PythonLexer(String src, Mode mode) {
    this(src, 0, src.length(), 1, mode);
  }

  /** A lexer over {@code src[from, to)}, which starts on line {@code line}. */
  PythonLexer(String src, int from, int to, int line, Mode mode) {
    this.src = src;
    this.limit = to;
    this.mode = mode;
    this.pos = from;
    this.line = line;
    this.lineStart = src.lastIndexOf('\n', from - 1) + 1;
    this.atLineStart = mode != Mode.FIELD;
    this.indents.add(new int[] {0, 0});
    int lastBreak = src.lastIndexOf('\n', to - 1);
    this.endsWithBlankLine = src.substring(Math.max(lastBreak + 1, from), to).isBlank();
  }

  String source() {
    return src;
  }

  boolean isEntry() {
    return mode == Mode.ENTRY;
  }

  /** Whether the input ends in a blank line: in an entry, that closes open blocks. */
  boolean endsWithBlankLine() {
    return endsWithBlankLine;
  }

  /** The next token; after END, ERROR or INCOMPLETE, that token again. */
  Token next() {
    if (!pending.isEmpty()) {
      return remember(pending.poll());
    }
    if (finished) {
      return last;
    }
    if (atLineStart) {
      Token t = beginLine();
      if (t != null) {
        return remember(t);
      }
    }
    return remember(scan());
  }

  private Token remember(Token t) {
    last = t;
    return t;
  }

  /**
   * Whether nothing but blanks, a comment, a {@code ;} or the end of the line follows offset
   * {@code from} on its line, outside brackets: what makes a trailing {@code &} mean "in the
   * background".
   */
  boolean lineEndsAfter(int from) {
    if (!brackets.isEmpty() || mode == Mode.FIELD) {
      return false;
    }
    int p = from;
    while (p < limit && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
      p++;
    }
    return p >= limit || "\n#;".indexOf(src.charAt(p)) >= 0;
  }

  /**
   * Takes the short-form statement starting at {@code start} (the offset of the keyword just
   * read) up to the end of its line, a {@code ;} or a comment, outside quotes. Returns its end
   * with trailing blanks dropped; the lexer goes on from there.
   */
  int takeShortStatement(int start) {
    int p = start;
    char quote = 0;
    while (p < limit) {
      char c = src.charAt(p);
      if (c == '\n') {
        break;
      }
      if (quote != 0) {
        if (c == '\\' && p + 1 < limit && src.charAt(p + 1) != '\n') {
          p++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ';' || (c == '#' && p > start && Character.isWhitespace(src.charAt(p - 1)))) {
        break;
      }
      p++;
    }
    pos = p;
    lineHasTokens = true;
    int end = p;
    while (end > start && Character.isWhitespace(src.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** Indentation of a new logical line; null when it changes nothing. */
  private Token beginLine() {
    while (true) {
      int p = pos;
      int col8 = 0;
      int col1 = 0;
      while (p < limit) {
        char c = src.charAt(p);
        if (c == ' ') {
          col8++;
          col1++;
        } else if (c == '\t') {
          col8 = (col8 / 8 + 1) * 8;
          col1++;
        } else if (c == '\f') {
          col8 = 0;
          col1 = 0;
        } else {
          break;
        }
        p++;
      }
      if (p >= limit) {
        advanceTo(limit);
        return endOfInput();
      }
      char c = src.charAt(p);
      if (c == '#' || c == '\n') {
        int lineEnd = src.indexOf('\n', p);
        if (lineEnd < 0 || lineEnd >= limit) {
          advanceTo(limit);
          return endOfInput();
        }
        advanceTo(lineEnd + 1);
        continue;
      }
      advanceTo(p);
      atLineStart = false;
      return indentation(col8, col1);
    }
  }

  private Token indentation(int col8, int col1) {
    int[] top = indents.getLast();
    int column = pos - lineStart + 1;
    if (col8 == top[0]) {
      return col1 == top[1] ? null : tabError(column);
    }
    if (col8 > top[0]) {
      if (col1 <= top[1]) {
        return tabError(column);
      }
      if (indents.size() > MAX_INDENT_LEVELS) {
        return error("too many levels of indentation", line, column);
      }
      indents.add(new int[] {col8, col1});
      return new Token(Token.Kind.INDENT, "", pos, pos, line, column, line, column, null);
    }
    while (indents.size() > 1 && col8 < indents.getLast()[0]) {
      indents.removeLast();
      pending.add(new Token(Token.Kind.DEDENT, "", pos, pos, line, column, line, column, null));
    }
    if (col8 != indents.getLast()[0]) {
      return error("unindent does not match any outer indentation level", line, column);
    }
    if (col1 != indents.getLast()[1]) {
      return tabError(column);
    }
    return pending.poll();
  }

  private Token tabError(int column) {
    return error("inconsistent use of tabs and spaces in indentation", line, column);
  }

  private Token endOfInput() {
    finished = true;
    int column = pos - lineStart + 1;
    if (lineHasTokens) {
      lineHasTokens = false;
      pending.add(new Token(Token.Kind.NEWLINE, "", pos, pos, line, column, line, column, null));
    }
    if (mode == Mode.ENTRY && indents.size() > 1 && !endsWithBlankLine) {
      pending.add(incomplete("block not closed"));
    } else {
      for (int i = 1; i < indents.size(); i++) {
        pending.add(new Token(Token.Kind.DEDENT, "", pos, pos, line, column, line, column, null));
      }
      pending.add(new Token(Token.Kind.END, "", pos, pos, line, column, line, column, null));
    }
    last = pending.getLast();
    return pending.poll();
  }

  private Token scan() {
    while (true) {
      while (pos < limit && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t' || src.charAt(pos) == '\f')) {
        pos++;
      }
      if (pos >= limit) {
        return atLimit();
      }
      char c = src.charAt(pos);
      if (c == '#') {
        while (pos < limit && src.charAt(pos) != '\n') {
          pos++;
        }
        continue;
      }
      if (c == '\\') {
        Token problem = continuation();
        if (problem != null) {
          return problem;
        }
        continue;
      }
      if (c == '\n') {
        int start = pos;
        int column = start - lineStart + 1;
        int startLine = line;
        advanceTo(pos + 1);
        if (brackets.isEmpty() && mode != Mode.FIELD) {
          atLineStart = true;
          if (lineHasTokens) {
            lineHasTokens = false;
            return new Token(Token.Kind.NEWLINE, "\n", start, start + 1, startLine, column,
                startLine, column + 1, null);
          }
          Token t = beginLine();
          if (t != null) {
            return t;
          }
        }
        continue;
      }
      lineHasTokens = true;
      int cp = src.codePointAt(pos);
      if (isIdentifierStart(cp)) {
        return nameOrString();
      }
      if (isDigit(c) || (c == '.' && pos + 1 < limit && isDigit(src.charAt(pos + 1)))) {
        return number();
      }
      if (c == '"' || c == '\'') {
        return string(pos, "");
      }
      return operator();
    }
  }

  private Token continuation() {
    int column = pos - lineStart + 1;
    if (pos + 1 >= limit) {
      if (mode == Mode.ENTRY) {
        return incomplete("line continues after '\\'");
      }
      return error("unexpected EOF while parsing", line, column);
    }
    if (src.charAt(pos + 1) != '\n') {
      return error("unexpected character after line continuation character", line, column);
    }
    advanceTo(pos + 2);
    return null;
  }

  private Token atLimit() {
    if (!brackets.isEmpty()) {
      Token open = brackets.peek();
      if (mode == Mode.ENTRY) {
        return incomplete("'" + open.text() + "' not closed");
      }
      return error("'" + open.text() + "' was never closed", open.line(), open.column());
    }
    if (mode == Mode.FIELD) {
      finished = true;
      int column = pos - lineStart + 1;
      last = new Token(Token.Kind.END, "", pos, pos, line, column, line, column, null);
      return last;
    }
    return endOfInput();
  }

  private Token nameOrString() {
    int start = pos;
    int startLine = line;
    int column = start - lineStart + 1;
    while (pos < limit) {
      int cp = src.codePointAt(pos);
      if (!isIdentifierPart(cp)) {
        break;
      }
      pos += Character.charCount(cp);
    }
    String name = src.substring(start, pos);
    if (pos < limit
        && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')
        && STRING_PREFIXES.contains(name.toLowerCase(Locale.ROOT))) {
      return string(start, name);
    }
    return new Token(Token.Kind.NAME, name, start, pos, startLine, column, line,
        pos - lineStart + 1, null);
  }

  private Token number() {
    int start = pos;
    int column = start - lineStart + 1;
    NumberScanner scanned = new NumberScanner(src, start, limit);
    Object value = scanned.scan();
    if (value instanceof String message) {
      return error(message, line, column);
    }
    pos = scanned.end();
    return new Token(Token.Kind.NUMBER, src.substring(start, pos), start, pos, line, column, line,
        pos - lineStart + 1, value);
  }

  private Token string(int start, String prefix) {
    int startLine = line;
    int column = start - lineStart + 1;
    String letters = prefix.toLowerCase(Locale.ROOT);
    boolean raw = letters.contains("r");
    char quote = src.charAt(pos);
    boolean triple = pos + 2 < limit && src.charAt(pos + 1) == quote && src.charAt(pos + 2) == quote;
    int bodyStart = pos + (triple ? 3 : 1);
    StringScanner scanner = new StringScanner(src, limit, quote, triple, raw);
    StringScanner.Result result =
        letters.contains("f") ? scanner.scanFormatted(bodyStart) : scanner.scanPlain(bodyStart);
    return switch (result) {
      case StringScanner.Result.Scanned s -> {
        advanceTo(s.end());
        StringToken value = new StringToken(raw, letters.contains("b"), letters.contains("f"),
            bodyStart, s.bodyEnd(), s.pieces());
        yield new Token(Token.Kind.STRING, src.substring(start, pos), start, pos, startLine,
            column, line, pos - lineStart + 1, value);
      }
      case StringScanner.Result.Malformed m -> {
        int at = m.offset();
        advanceTo(Math.min(at, limit));
        yield error(m.message(), line, at - lineStart + 1);
      }
      case StringScanner.Result.Unterminated u -> {
        if (triple) {
          advanceTo(limit);
          yield mode == Mode.ENTRY
              ? incomplete("triple-quoted string not closed")
              : error("unterminated triple-quoted string literal (detected at line " + line + ")",
                  startLine, column);
        }
        yield error("unterminated string literal (detected at line " + startLine + ")",
            startLine, column);
      }
    };
  }

  private Token operator() {
    int start = pos;
    int column = start - lineStart + 1;
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos) && pos + op.length() <= limit) {
        pos += op.length();
        Token t = new Token(Token.Kind.OP, op, start, pos, line, column, line, column + op.length(),
            null);
        return bracket(t);
      }
    }
    int cp = src.codePointAt(pos);
    String shown = Character.isISOControl(cp) || Character.isWhitespace(cp)
        ? "invalid non-printable character U+%04X".formatted(cp)
        : "invalid character '%s' (U+%04X)".formatted(Character.toString(cp), cp);
    return error(shown, line, column);
  }

  private Token bracket(Token t) {
    switch (t.text()) {
      case "(", "[", "{" -> {
        if (brackets.size() >= MAX_BRACKET_DEPTH) {
          return error("too many nested parentheses", t.line(), t.column());
        }
        brackets.push(t);
      }
      case ")", "]", "}" -> {
        if (brackets.isEmpty()) {
          return error("unmatched '" + t.text() + "'", t.line(), t.column());
        }
        Token open = brackets.pop();
        if (!matches(open.text(), t.text())) {
          String where = open.line() == t.line() ? "" : " on line " + open.line();
          return error("closing parenthesis '" + t.text() + "' does not match opening parenthesis '"
              + open.text() + "'" + where, t.line(), t.column());
        }
      }
      default -> {}
    }
    return t;
  }

  private static boolean matches(String open, String close) {
    return switch (open) {
      case "(" -> close.equals(")");
      case "[" -> close.equals("]");
      default -> close.equals("}");
    };
  }

  /** Moves to {@code newPos}, counting the line breaks passed. */
  private void advanceTo(int newPos) {
    for (int p = pos; p < newPos; p++) {
      if (src.charAt(p) == '\n') {
        line++;
        lineStart = p + 1;
      }
    }
    pos = newPos;
  }

  private Token error(String message, int atLine, int atColumn) {
    pending.clear();
    finished = true;
    last = new Token(Token.Kind.ERROR, message, pos, pos, atLine, atColumn, atLine, atColumn, null);
    return last;
  }

  private Token incomplete(String reason) {
    finished = true;
    int column = pos - lineStart + 1;
    last = new Token(Token.Kind.INCOMPLETE, reason, pos, pos, line, column, line, column, null);
    return last;
  }

  static boolean isIdentifierStart(int cp) {
    return cp == '_' || Character.isUnicodeIdentifierStart(cp);
  }

  static boolean isIdentifierPart(int cp) {
    return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
  }

  /** Whether {@code word} is a Python identifier that is not a keyword. */
  static boolean isIdentifier(String word) {
    if (word.isEmpty() || KEYWORDS.contains(word) || !isIdentifierStart(word.codePointAt(0))) {
      return false;
    }
    return word.codePoints().allMatch(PythonLexer::isIdentifierPart);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

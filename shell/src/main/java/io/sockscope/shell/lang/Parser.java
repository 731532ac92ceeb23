package io.sockscope.shell.lang;

/**
 * Parses the statement language, both spellings: a whole script ({@code sockscope run FILE},
 * {@code -e STMT}) or one shell entry. Never throws on any input: every outcome is a {@link
 * ParseResult}.
 *
 * <p>A script's end closes its open blocks, and an open bracket or string there is an error. A
 * shell entry is what the user has typed so far, perhaps several lines; it is {@link
 * ParseResult.Incomplete} while a bracket or a triple-quoted string is open, after a trailing
 * backslash, after a compound statement's header, and while a block is open and the entry's last
 * line is not blank, as in Python's own REPL.
 */
public final class Parser {

  /** The file name shell entries report in errors when the caller gives none. */
  public static final String ENTRY_NAME = "<stdin>";

  private Parser() {}

  /** Parses a script; {@code file} names it in errors ({@code FILE:LINE:COL: message}). */
  public static ParseResult parseFile(String file, String text) {
    return parse(file, text, PythonLexer.Mode.FILE);
  }

  /** Parses a shell entry, naming it {@link #ENTRY_NAME} in errors. */
  public static ParseResult parseEntry(String text) {
    return parseEntry(ENTRY_NAME, text);
  }

  /** Parses a shell entry; {@code name} stands for the file name in errors. */
  public static ParseResult parseEntry(String name, String text) {
    return parse(name, text, PythonLexer.Mode.ENTRY);
  }

  private static ParseResult parse(String file, String text, PythonLexer.Mode mode) {
    String src = normalized(text);
    try {
      Cursor cursor = new Cursor(new PythonLexer(src, mode), 0);
      return new ParseResult.Complete(new Program(file, new StatementParser(cursor).program()));
    } catch (ParseAbort abort) {
      return abort.incomplete
          ? new ParseResult.Incomplete(abort.getMessage())
          : new ParseResult.Invalid(file, abort.line, abort.column, abort.getMessage());
    }
  }

  /** Line breaks as {@code \n} whatever the platform wrote, without a byte-order mark. */
  private static String normalized(String text) {
    String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return src.indexOf('\r') < 0 ? src : src.replace("\r\n", "\n").replace('\r', '\n');
  }
}

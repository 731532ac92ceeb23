package io.sockscope.shell.repl;

import io.sockscope.shell.complete.AutoIndent;
import io.sockscope.shell.complete.Completions;
import io.sockscope.shell.complete.TabCompletion;
import io.sockscope.shell.complete.TypedIndent;
import io.sockscope.shell.lang.ParseResult;
import io.sockscope.shell.lang.Parser;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.SyntaxError;

/**
 * JLine's parser seam over the statement language: on Enter it asks {@link Parser#parseEntry}
 * whether the entry is whole, and answers an unfinished one ({@code with ... :}, an open bracket,
 * a block whose last line is not blank) with JLine's {@link EOFError}, which makes the reader
 * add a line under the continuation prompt instead of accepting. The error carries the block
 * depth, so the new line comes indented (four spaces a level) as the block needs; a line of
 * blanks closes the blocks, as in Python's REPL. Complete and invalid entries are accepted: the
 * shell runs the one and reports the other in one line.
 *
 * <p>For Tab it computes the candidates once ({@link TabCompletion}) and hands them over inside
 * the {@link EntryLine}, whose word is the text the candidates replace.
 */
final class EntryParser implements org.jline.reader.Parser {

  private final TabCompletion completion;
  private final TypedIndent typedIndent;

  EntryParser(TabCompletion completion, TypedIndent typedIndent) {
    this.completion = completion;
    this.typedIndent = typedIndent;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
    if (context == ParseContext.ACCEPT_LINE
        && Parser.parseEntry(line) instanceof ParseResult.Incomplete incomplete) {
      int levels = levels(line, cursor);
      typedIndent.began(levels * AutoIndent.SPACES);
      throw new EOFError(-1, cursor, incomplete.reason(), "...", levels, null);
    }
    Completions completions = context == ParseContext.COMPLETE
        ? completion.complete(line, cursor)
        : Completions.none(cursor);
    return new EntryLine(line, cursor, completions);
  }

  @Override
  public boolean isEscapeChar(char ch) {
    return false;
  }

  /**
   * The indentation, in levels, of the line the reader adds at {@code cursor}: that of the line
   * the cursor is on, one more after a compound statement's header ({@code ... :}).
   */
  static int levels(String text, int cursor) {
    int lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
    return AutoIndent.levelsAfter(text.substring(lineStart, cursor));
  }
}

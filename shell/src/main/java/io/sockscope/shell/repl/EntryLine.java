package io.sockscope.shell.repl;

import io.sockscope.shell.complete.Completions;
import java.util.List;
import org.jline.reader.CompletingParsedLine;

/**
 * An entry as JLine's reader sees it: the whole text is one "line", and the word under the
 * cursor is what the completion candidates replace, from {@link Completions#from()} to the
 * cursor. Nothing is escaped: candidates are inserted as they are written.
 */
record EntryLine(String line, int cursor, Completions completions)
    implements CompletingParsedLine {

  @Override
  public String word() {
    return line.substring(completions.from(), cursor);
  }

  @Override
  public int wordCursor() {
    return cursor - completions.from();
  }

  @Override
  public int wordIndex() {
    return 0;
  }

  @Override
  public List<String> words() {
    return List.of(word());
  }

  @Override
  public CharSequence escape(CharSequence candidate, boolean complete) {
    return candidate;
  }

  @Override
  public int rawWordCursor() {
    return wordCursor();
  }

  @Override
  public int rawWordLength() {
    return wordCursor();
  }
}

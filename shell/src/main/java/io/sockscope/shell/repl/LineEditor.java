package io.sockscope.shell.repl;

import io.sockscope.shell.complete.AutoIndent;
import io.sockscope.shell.complete.SessionNames;
import io.sockscope.shell.complete.TabCompletion;
import io.sockscope.shell.complete.TypedIndent;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.reader.Buffer;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.terminal.Terminal;

/**
 * Builds the JLine reader of the line shell: the statement language's parser (continuation
 * prompt {@code ... }, block indentation), Tab completion grouped and described, highlighting,
 * Emacs keys and Ctrl-R search (JLine's defaults), history in a file when one is given, and no
 * {@code !} history expansion (Python uses {@code !=}).
 */
final class LineEditor {

  /** The prompt of a new entry. */
  static final String PROMPT = ">>> ";

  /** The prompt of each further line of an unfinished entry. */
  static final String CONTINUATION = "... ";

  private LineEditor() {}

  static LineReader build(
      Terminal terminal, SessionNames names, Path directory, boolean colour,
      Optional<Path> history) {
    TypedIndent typedIndent = new TypedIndent();
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("sockscope")
        .parser(new EntryParser(new TabCompletion(names, directory), typedIndent))
        .completer(new EntryCompleter())
        .highlighter(new EntryHighlighter(names, colour))
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        .variable(LineReader.INDENTATION, AutoIndent.SPACES)
        .variable(LineReader.BLINK_MATCHING_PAREN, 0)
        .variable(LineReader.HISTORY_SIZE, 2000)
        .variable(LineReader.HISTORY_FILE_SIZE, 10000)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .option(LineReader.Option.COMPLETE_MATCHER_TYPO, false)
        .option(LineReader.Option.AUTO_GROUP, true)
        .option(LineReader.Option.GROUP, true)
        .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
        .option(LineReader.Option.HISTORY_REDUCE_BLANKS, false);
    history.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
    LineReader reader = builder.build();
    reader.getWidgets().put(TYPED_SPACE, () -> typedSpace(reader, typedIndent));
    reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(TYPED_SPACE), " ");
    return reader;
  }

  /** The widget bound to the space bar: see {@link TypedIndent}. */
  private static final String TYPED_SPACE = "sockscope-typed-space";

  /** A space; the first typed on a line that came indented replaces that indentation. */
  private static boolean typedSpace(LineReader reader, TypedIndent typedIndent) {
    Buffer buffer = reader.getBuffer();
    String text = buffer.toString();
    int lineStart = text.lastIndexOf('\n') + 1;
    String line = text.substring(lineStart);
    if (lineStart > 0 && typedIndent.replaces(line, buffer.cursor() == text.length())) {
      buffer.backspace(line.length());
    }
    return reader.getBuiltinWidgets().get(LineReader.SELF_INSERT).apply();
  }
}

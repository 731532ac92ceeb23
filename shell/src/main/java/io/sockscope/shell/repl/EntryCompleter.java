package io.sockscope.shell.repl;

import io.sockscope.shell.complete.Candidate;
import java.util.List;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Hands JLine the candidates {@link EntryParser} computed for the word under the cursor,
 * grouped by what they are and described in one line; a finished word gets its space.
 */
final class EntryCompleter implements Completer {

  @Override
  public void complete(LineReader reader, ParsedLine line, List<org.jline.reader.Candidate> out) {
    if (!(line instanceof EntryLine entry)) {
      return;
    }
    for (Candidate c : entry.completions().candidates()) {
      String description = c.description().isEmpty() ? null : c.description();
      out.add(new org.jline.reader.Candidate(c.value(), c.value(), c.category().label(),
          description, null, null, c.closed()));
    }
  }
}

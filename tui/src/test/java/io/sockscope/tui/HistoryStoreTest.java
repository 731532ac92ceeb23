package io.sockscope.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history file is the line shell's: what the full screen writes, JLine's history reads as
 * the same entries, and the other way round.
 */
class HistoryStoreTest {

  private static final List<String> ENTRIES = List.of("s = socket.socket()",
      "with socket.socket() as c:\n    c.connect((\"127.0.0.1\", 9000))",
      "print('a\\\\b \\n')", "s.send(b\"x: y\")");

  @TempDir Path dir;

  private static LineReader jline(Terminal terminal, Path file) {
    LineReader reader = LineReaderBuilder.builder().terminal(terminal)
        .variable(LineReader.HISTORY_FILE, file).build();
    reader.getHistory().attach(reader);
    return reader;
  }

  private static Terminal dumb() throws Exception {
    return new DumbTerminal(InputStream.nullInputStream(), OutputStream.nullOutputStream());
  }

  @Test
  void entriesWrittenHereAreTheLineShellsEntries() throws Exception {
    Path file = dir.resolve("history");
    HistoryStore store = new HistoryStore(file);
    long at = 1_700_000_000_000L;
    for (String e : ENTRIES) {
      store.append(e, at++);
    }
    assertThat(store.load()).isEqualTo(ENTRIES);
    try (Terminal terminal = dumb()) {
      List<String> read = new ArrayList<>();
      for (History.Entry e : jline(terminal, file).getHistory()) {
        read.add(e.line());
      }
      assertThat(read).isEqualTo(ENTRIES);
    }
  }

  @Test
  void entriesTheLineShellWroteAreReadHere() throws Exception {
    Path file = dir.resolve("history");
    try (Terminal terminal = dumb()) {
      History history = jline(terminal, file).getHistory();
      ENTRIES.forEach(history::add);
      history.save();
    }
    assertThat(new HistoryStore(file).load()).isEqualTo(ENTRIES);
  }

  @Test
  void noFileIsNoHistoryAndTrimKeepsTheNewest() throws Exception {
    HistoryStore store = new HistoryStore(dir.resolve("none"));
    assertThat(store.load()).isEmpty();
    Path file = dir.resolve("long");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < HistoryStore.FILE_LIMIT + 3; i++) {
      lines.add(i + ":entry " + i);
    }
    Files.write(file, lines);
    new HistoryStore(file).trim();
    List<String> kept = new HistoryStore(file).load();
    assertThat(kept).hasSize(HistoryStore.FILE_LIMIT);
    assertThat(kept.getFirst()).isEqualTo("entry 3");
  }
}

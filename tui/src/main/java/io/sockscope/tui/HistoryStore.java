package io.sockscope.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The history file the line shell keeps ({@code $XDG_STATE_HOME/sockscope/history}), read and
 * written in its format, so both faces share one history: a line per entry, {@code
 * MILLIS:ENTRY}, the entry's backslashes doubled and its line breaks written as {@code \n} (and
 * carriage returns as {@code \r}). Lines without a time stamp are skipped, as the line shell
 * skips them. Each entry is appended as it is run; at the end the file is cut to its newest
 * {@link #FILE_LIMIT} lines.
 */
final class HistoryStore {

  static final int FILE_LIMIT = 10_000;

  private final Path file;

  HistoryStore(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** The entries in the file, oldest first; none when there is no file yet. */
  List<String> load() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int colon = line.indexOf(':');
      if (colon <= 0 || !line.substring(0, colon).chars().allMatch(Character::isDigit)) {
        continue;
      }
      out.add(unescape(line.substring(colon + 1)));
    }
    return out;
  }

  /** Appends {@code entry}, stamped with {@code epochMillis}. */
  void append(String entry, long epochMillis) throws IOException {
    Files.writeString(file, epochMillis + ":" + escape(entry) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Cuts the file to its newest {@link #FILE_LIMIT} lines. */
  void trim() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() > FILE_LIMIT) {
      Files.write(file, lines.subList(lines.size() - FILE_LIMIT, lines.size()),
          StandardCharsets.UTF_8);
    }
  }

  static String escape(String entry) {
    StringBuilder out = new StringBuilder(entry.length() + 8);
    for (int i = 0; i < entry.length(); i++) {
      char c = entry.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      out.append(switch (next) {
        case 'n' -> '\n';
        case 'r' -> '\r';
        default -> next;
      });
    }
    return out.toString();
  }
}

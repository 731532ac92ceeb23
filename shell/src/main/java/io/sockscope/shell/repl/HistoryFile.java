package io.sockscope.shell.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the line shell keeps its history: {@code $XDG_STATE_HOME/sockscope/history}, or
 * {@code ~/.local/state/sockscope/history} when that variable is unset, empty or not absolute
 * (the XDG Base Directory rule: relative paths are ignored).
 */
public final class HistoryFile {

  private HistoryFile() {}

  /** The history file for the environment {@code env} and the home directory {@code home}. */
  public static Path of(Map<String, String> env, Path home) {
    String state = env.getOrDefault("XDG_STATE_HOME", "");
    Path base = !state.isEmpty() && Path.of(state).isAbsolute()
        ? Path.of(state)
        : home.resolve(".local").resolve("state");
    return base.resolve("sockscope").resolve("history");
  }

  /**
   * The history file of this process's user, its directory made; empty (history in memory only)
   * when there is no home directory or the directory cannot be made, which {@code warn} is told
   * in one line.
   */
  public static Optional<Path> prepared(Consumer<String> warn) {
    String home = System.getProperty("user.home", "");
    if (home.isEmpty()) {
      return Optional.empty();
    }
    Path file = of(System.getenv(), Path.of(home));
    try {
      Files.createDirectories(file.getParent());
      return Optional.of(file);
    } catch (IOException e) {
      warn.accept("history is not kept: cannot create " + file.getParent() + " ("
          + e.getMessage() + ")");
      return Optional.empty();
    }
  }
}

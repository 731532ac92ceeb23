package io.sockscope.shell.repl;

import java.nio.file.Path;
import java.util.Map;

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
}

package io.sockscope.tui;

import com.googlecode.lanterna.terminal.Terminal;
import io.sockscope.shell.run.LiveInspector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The full-screen session ({@code sockscope} with no subcommand): the shell pane beside the live
 * inspector's panes, on a terminal that can do full screen. {@link #unavailable} says when a
 * terminal cannot (the caller then starts the line shell); {@link #run} runs the session until
 * the user quits and gives the exit code, or says why it could not start.
 */
public final class FullScreen {

  /**
   * How the session is set up.
   *
   * @param captureRequired {@code --require-capture}: end at once, with code 3, without capture
   * @param echoPort        where the echo peer listens (SPEC §2: 9000); empty for none
   * @param history         the history file shared with the line shell; empty: memory only
   * @param directory       where {@code @path} completion and data files start
   * @param colour          colours, else bold and reverse video only
   * @param debug           {@code --debug}: stack traces of internal errors, after the screen
   */
  public record Settings(boolean captureRequired, OptionalInt echoPort, Optional<Path> history,
      Path directory, boolean colour, boolean debug) {}

  /** How a run ended. */
  public sealed interface Result {
    /** The session ran and ended; the process should exit with {@code exitCode}. */
    record Ended(int exitCode) implements Result {}

    /** Full screen could not start; {@code reason} says why, in a few words. */
    record NotStarted(String reason) implements Result {}
  }

  private FullScreen() {}

  /**
   * Why this process cannot draw a full screen, if it cannot: standard input or output not a
   * terminal, {@code TERM} unset or {@code dumb}.
   *
   * @param env      the environment
   * @param terminal whether standard input and output are both a terminal
   */
  public static Optional<String> unavailable(Map<String, String> env, boolean terminal) {
    if (!terminal) {
      return Optional.of("standard input or output is not a terminal");
    }
    String term = env.getOrDefault("TERM", "");
    if (term.isEmpty()) {
      return Optional.of("TERM is not set");
    }
    if (term.equals("dumb")) {
      return Optional.of("TERM=dumb cannot draw a full screen");
    }
    return Optional.empty();
  }

  /** Runs the session on the process's terminal until the user quits. */
  public static Result run(LiveInspector live, Settings settings, PrintStream out,
      PrintStream err) {
    Terminal terminal;
    try {
      terminal = new RawTerminal();
    } catch (IOException | RuntimeException e) {
      return new Result.NotStarted("the terminal cannot be set up (" + e.getMessage() + ")");
    }
    return new FullScreenSession(terminal, live, settings, out, err, true).run();
  }
}

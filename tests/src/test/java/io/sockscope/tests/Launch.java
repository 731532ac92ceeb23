package io.sockscope.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The built {@code sockscope} command as a separate process: the JDK running these tests, the
 * test class path (which holds the dist module and every runtime dependency) and the flags the
 * launcher script passes, so no JVM warning reaches the screen.
 */
final class Launch {

  private Launch() {}

  /** {@code java ... io.sockscope.dist.Main ARGS}, as a command line. */
  static List<String> command(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
        "io.sockscope.dist.Main"));
    command.addAll(List.of(args));
    return command;
  }

  /** What {@link #script} prints when the command has ended, before its exit status. */
  static final String ENDED = "sockscope ended with status ";

  /**
   * A script in {@code dir} that runs the command with {@code args} and then prints {@link
   * #ENDED} and its exit status, for tools such as tmux that show a screen, not a process.
   */
  static Path script(Path dir, String... args) throws IOException {
    StringBuilder text = new StringBuilder("#!/bin/sh\n"
        + "# Ctrl-C goes to the whole foreground group; the script outlives it to tell the status.\n"
        + "trap : INT\n");
    for (String word : command(args)) {
      text.append(" '").append(word.replace("'", "'\\''")).append('\'');
    }
    text.append("\necho \"").append(ENDED).append("$?\"\n");
    Path script = dir.resolve("sockscope.sh");
    Files.writeString(script, text.toString());
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}

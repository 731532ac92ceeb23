package io.sockscope.dist;

import io.sockscope.shell.cli.CaptureCommand;
import io.sockscope.shell.cli.ExplainCommand;
import io.sockscope.shell.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sockscope} command: the composition root that wires the engine, the inspector,
 * the shell and the TUI into one program. It owns no behaviour of its own beyond choosing
 * which face to start.
 */
@Command(
    name = "sockscope",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {RunCommand.class, ExplainCommand.class, CaptureCommand.class},
    description = {
      "Real TCP sockets on command, with the segments each call puts on the wire,",
      "the kernel's view of each socket, and why."
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** Reads the version Maven wrote into the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sockscope " + (v == null ? "(development build)" : v)};
    }
  }
}

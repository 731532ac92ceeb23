package io.sockscope.dist;

import io.sockscope.shell.cli.CaptureCommand;
import io.sockscope.shell.cli.ExplainCommand;
import io.sockscope.shell.cli.RunCommand;
import io.sockscope.shell.cli.ShellCommand;
import io.sockscope.shell.live.CapturingInspector;
import io.sockscope.shell.render.Palette;
import java.util.Arrays;
import java.util.OptionalInt;
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
    // explain over a large file is run for its speed: plain arguments skip building picocli's
    // model of every command (its classes cannot be in the start-up cache); anything else, help
    // and usage errors included, goes through picocli as usual
    if (args.length > 1 && args[0].equals("explain")) {
      OptionalInt exit = ExplainCommand.runPlain(Arrays.copyOfRange(args, 1, args.length));
      if (exit.isPresent()) {
        System.exit(exit.getAsInt());
      }
    }
    CommandLine sockscope = new CommandLine(new Main());
    sockscope.addSubcommand("run", new RunCommand(CapturingInspector.FACTORY,
        Palette.ANSI.styler(), System.in, System.out, System.err));
    sockscope.addSubcommand("shell", new ShellCommand(CapturingInspector.FACTORY,
        Palette.ANSI.styler(), System.in, System.out, System.err));
    sockscope.addSubcommand("explain", new ExplainCommand());
    sockscope.addSubcommand("capture", new CaptureCommand());
    System.exit(sockscope.execute(args));
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

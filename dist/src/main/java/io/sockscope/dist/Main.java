package io.sockscope.dist;

import io.sockscope.shell.cli.CaptureCommand;
import io.sockscope.shell.cli.CaptureMixin;
import io.sockscope.shell.cli.ExplainCommand;
import io.sockscope.shell.cli.OutputMixin;
import io.sockscope.shell.cli.RunCommand;
import io.sockscope.shell.cli.ShellCommand;
import io.sockscope.shell.live.CapturingInspector;
import io.sockscope.shell.render.Palette;
import io.sockscope.shell.repl.HistoryFile;
import io.sockscope.shell.run.LiveInspector;
import io.sockscope.tui.FullScreen;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code sockscope} command: the composition root that wires the engine, the inspector,
 * the shell and the TUI into one program. It owns no behaviour of its own beyond choosing
 * which face to start: a subcommand's, or with none the full-screen session where the terminal
 * can draw one and the line shell where it cannot.
 */
@Command(
    name = "sockscope",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = Main.Version.class,
    description = {
      "Real TCP sockets on command, with the segments each call puts on the wire,",
      "the kernel's view of each socket, and why.",
      "With no command: the full-screen session (shell, segments, detail, sockets)",
      "with the echo peer on 127.0.0.1:9000; where the terminal cannot draw it,",
      "the line shell."
    })
public final class Main implements Callable<Integer> {

  /** Where the echo peer listens unless {@code --no-peer} (SPEC §2). */
  static final int ECHO_PORT = 9000;

  /** Exit code of a usage error (SPEC §2). */
  static final int USAGE = 2;

  /** The live inspector of every face's session. */
  static final LiveInspector.Factory LIVE = CapturingInspector.FACTORY;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin OutputMixin output = new OutputMixin();
  @Mixin CaptureMixin capture = new CaptureMixin();

  @Option(names = "--no-peer", description = "Do not start the echo peer on 127.0.0.1:9000.")
  boolean noPeer;

  @Override
  public Integer call() {
    Optional<String> why = output.json() ? Optional.of("--json asks for JSON lines")
        : FullScreen.unavailable(System.getenv(), terminal());
    if (why.isPresent()) {
      return lineShell(why.get());
    }
    if (capture.settings().required() && !capture.settings().enabled()) {
      System.err.println("sockscope: --no-capture and --require-capture ask for opposite "
          + "things; give one of them");
      return USAGE;
    }
    FullScreen.Settings settings = new FullScreen.Settings(capture.settings().required(),
        noPeer ? OptionalInt.empty() : OptionalInt.of(ECHO_PORT),
        HistoryFile.prepared(line -> System.err.println("sockscope: " + line)),
        Path.of("").toAbsolutePath(), output.colour(), output.debug());
    return switch (FullScreen.run(LIVE.open(capture.settings()), settings, System.out,
        System.err)) {
      case FullScreen.Result.Ended ended -> ended.exitCode();
      case FullScreen.Result.NotStarted notStarted -> lineShell(notStarted.reason());
    };
  }

  /**
   * The line shell with the same options, after one line saying why; on a pipe that is {@code
   * sockscope run -}, which starts no echo peer, and the line says so.
   */
  private int lineShell(String why) {
    System.err.println("sockscope: " + why + (terminal()
        ? ", so the line shell starts instead of the full screen"
        : ", so the statements on standard input run as 'sockscope run -' does (no echo peer: "
            + "'serve echo 9000' starts one)"));
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    return new CommandLine(shell()).execute(args.toArray(String[]::new));
  }

  private static boolean terminal() {
    return System.console() != null && System.console().isTerminal();
  }

  private static ShellCommand shell() {
    return new ShellCommand(LIVE, Palette.ANSI.styler(), System.in, System.out, System.err);
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
    sockscope.addSubcommand("run", new RunCommand(LIVE, Palette.ANSI.styler(), System.in,
        System.out, System.err));
    sockscope.addSubcommand("shell", shell());
    sockscope.addSubcommand("explain", new ExplainCommand());
    sockscope.addSubcommand("capture", new CaptureCommand());
    sockscope.setParameterExceptionHandler(Main::usageError);
    System.exit(sockscope.execute(args));
  }

  /**
   * A command line picocli cannot parse: one line naming what was wrong and where the options
   * are listed, and picocli's "did you mean" for a misspelt option or command; not the whole
   * usage, which would push the line out of sight.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    PrintWriter err = command.getErr();
    err.println(name + ": " + e.getMessage() + " (" + name + " --help shows the options)");
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
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

package io.sockscope.shell.cli;

import io.sockscope.shell.render.Styler;
import io.sockscope.shell.repl.HistoryFile;
import io.sockscope.shell.repl.LineShell;
import io.sockscope.shell.run.LiveInspector;
import io.sockscope.shell.run.NoCapture;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sockscope shell}: the interactive line shell on a terminal ({@link LineShell}); on a
 * pipe (standard input or output not a terminal) it is {@code sockscope run -}: no prompts, no
 * line editing, the same transcript and exit codes.
 */
@Command(
    name = "shell",
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "The line shell: type socket calls one by one and see what each did.",
    description = {
      "The line shell: type Python socket calls or the short form one by one and see each",
      "call's result, duration and the kernel's view of the socket. Tab completes, Ctrl-R",
      "searches the history, Ctrl-C cancels a blocking call, Ctrl-D leaves.",
      "Starts the built-in echo peer on 127.0.0.1:9000 unless --no-peer.",
      "On a pipe it runs standard input as sockscope run - does."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the session ended (Ctrl-D, exit)",
      "N:exit(N) ended it",
      "1:on a pipe: a statement failed or an expectation was not met",
      "2:usage error; on a pipe: syntax error (FILE:LINE:COL: message)",
      "3:capture was required (--require-capture) but is unavailable"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sockscope shell",
      "  sockscope shell --no-peer --no-capture",
      "  printf 'socket s\\nconnect s :9000\\n' | sockscope shell"
    })
public final class ShellCommand implements Callable<Integer> {

  /** Where the echo peer listens unless {@code --no-peer} (SPEC §2). */
  static final int ECHO_PORT = 9000;

  /** JLine reports its own troubles through java.util.logging; the shell reports them itself. */
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private final LiveInspector.Factory live;
  private final Styler palette;
  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;

  @Mixin OutputMixin output = new OutputMixin();
  @Mixin CaptureMixin capture = new CaptureMixin();

  @Option(names = "--no-peer", description = "Do not start the echo peer on 127.0.0.1:9000.")
  boolean noPeer;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  /** The shell without capture and without colour: what this build has. */
  public ShellCommand() {
    this(NoCapture.FACTORY, Styler.PLAIN, System.in, System.out, System.err);
  }

  /**
   * @param live    makes the session's live inspector from the capture options
   * @param palette colours text on a terminal ({@link Styler#PLAIN} for none)
   */
  public ShellCommand(LiveInspector.Factory live, Styler palette, InputStream stdin,
      PrintStream out, PrintStream err) {
    this.live = live;
    this.palette = palette;
    this.stdin = stdin;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (!interactive()) {
      RunCommand run = new RunCommand(live, palette, stdin, out, err);
      run.output = output;
      run.capture = capture;
      run.files(List.of("-"));
      return run.call();
    }
    if (capture.noCapture && capture.requireCapture) {
      err.println("sockscope shell: --no-capture and --require-capture ask for opposite things; "
          + "give one of them");
      return RunCommand.USAGE;
    }
    JLINE_LOG.setLevel(Level.OFF);
    try (Terminal terminal = TerminalBuilder.builder().system(true).name("sockscope").build()) {
      LineShell.Settings settings = new LineShell.Settings(output.json(),
          output.styler(palette), output.colour(),
          noPeer ? OptionalInt.empty() : OptionalInt.of(ECHO_PORT),
          HistoryFile.prepared(line -> err.println("sockscope shell: " + line)),
          Path.of("").toAbsolutePath(), output.debug());
      return LineShell.run(terminal, live.open(capture.settings()), capture.requireCapture,
          settings);
    } catch (IOException e) {
      err.println("sockscope shell: cannot open the terminal: " + e.getMessage());
      return RunCommand.FAILED;
    } catch (RuntimeException e) {
      err.println("sockscope shell: internal error: " + e
          + (output.debug() ? "" : " (--debug shows where)"));
      if (output.debug()) {
        e.printStackTrace(err);
      }
      return RunCommand.FAILED;
    }
  }

  /** A terminal on both ends, and standard input the process's own. */
  private boolean interactive() {
    return stdin == System.in && System.console() != null && System.console().isTerminal();
  }

}

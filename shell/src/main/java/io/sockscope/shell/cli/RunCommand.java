package io.sockscope.shell.cli;

import io.sockscope.shell.lang.ParseResult;
import io.sockscope.shell.lang.Parser;
import io.sockscope.shell.lang.Program;
import io.sockscope.shell.render.Styler;
import io.sockscope.shell.render.TranscriptJson;
import io.sockscope.shell.render.TranscriptText;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.LiveInspector;
import io.sockscope.shell.run.NoCapture;
import io.sockscope.shell.run.Outcome;
import io.sockscope.shell.run.Session;
import io.sockscope.shell.run.TranscriptSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sockscope run FILE... [-e STMT]... [-]}: runs command files and statements in one
 * session, in the order given, and writes the transcript (text, or JSON lines with {@code
 * --json}). Everything is parsed before anything runs: a syntax error anywhere exits 2 with
 * {@code FILE:LINE:COL: message} and runs nothing. Exit codes are SPEC §2's.
 */
@Command(
    name = "run",
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Run command files or -e statements in one session, with a transcript.",
    description = {
      "Run command files (Python socket code or sockscope's short form) in one session,",
      "printing each call with its result, duration and the kernel's view of the socket."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every statement ran and every expectation held",
      "1:a statement failed (an uncaught exception) or an expectation was not met",
      "2:usage or syntax error (FILE:LINE:COL: message); nothing ran",
      "3:capture was required (--require-capture, expect segment) but is unavailable"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sockscope run client.py",
      "  sockscope run --json --no-capture lab.sc",
      "  sockscope run -e 'serve echo :9000' -e 'socket s' -e 'connect s :9000'",
      "  printf 'socket s\\nconnect s :9000\\n' | sockscope run -",
      "  sockscope run server.py client.py      (one session, in that order)"
    })
public final class RunCommand implements Callable<Integer> {
  static final int USAGE = 2;
  static final int FAILED = 1;
  static final int NO_CAPTURE = 3;

  private final LiveInspector.Factory live;
  private final Styler palette;
  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;
  private final List<Source> sources = new ArrayList<>();
  private int filesSeen;
  private int statementsSeen;

  @Mixin OutputMixin output = new OutputMixin();
  @Mixin CaptureMixin capture = new CaptureMixin();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  /** Where one program comes from: a file, standard input or an {@code -e} statement. */
  private record Source(String name, String path, String text) {}

  /** Runs without capture and without colour: what this build has. */
  public RunCommand() {
    this(NoCapture.FACTORY, Styler.PLAIN, System.in, System.out, System.err);
  }

  /**
   * @param live    makes the session's live inspector from the capture options
   * @param palette colours text on a terminal ({@link Styler#PLAIN} for none)
   */
  public RunCommand(LiveInspector.Factory live, Styler palette, InputStream stdin, PrintStream out,
      PrintStream err) {
    this.live = live;
    this.palette = palette;
    this.stdin = stdin;
    this.out = out;
    this.err = err;
  }

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Command files to run, in order, in one session; - reads standard input.")
  void files(List<String> files) {
    for (int i = filesSeen; i < files.size(); i++) {
      String f = files.get(i);
      sources.add(f.equals("-") ? new Source("<stdin>", "-", null) : new Source(f, f, null));
    }
    filesSeen = files.size();
  }

  @Option(names = {"-e", "--execute"}, paramLabel = "STMT",
      description = "A statement to run (repeatable), in its place among the files.")
  void statements(List<String> statements) {
    for (int i = statementsSeen; i < statements.size(); i++) {
      sources.add(new Source("-e", null, statements.get(i)));
    }
    statementsSeen = statements.size();
  }

  @Override
  public Integer call() {
    try {
      return run();
    } catch (RuntimeException e) {
      err.println("sockscope run: internal error: " + e
          + (output.debug() ? "" : " (--debug shows where)"));
      if (output.debug()) {
        e.printStackTrace(err);
      }
      return FAILED;
    }
  }

  private int run() {
    if (capture.noCapture && capture.requireCapture) {
      err.println("sockscope run: --no-capture and --require-capture ask for opposite things; "
          + "give one of them");
      return USAGE;
    }
    if (sources.isEmpty()) {
      err.println("sockscope run: nothing to run: give FILE..., - (standard input) or "
          + "-e STATEMENT (sockscope run --help shows how)");
      return USAGE;
    }
    List<Program> programs = new ArrayList<>();
    boolean stdinRead = false;
    int statementNumber = 0;
    for (Source source : sources) {
      String name = source.name();
      String text;
      if (source.text() != null) {
        statementNumber++;
        name = statementsSeen > 1 ? "-e[" + statementNumber + "]" : "-e";
        text = source.text();
      } else if (source.path().equals("-")) {
        if (stdinRead) {
          err.println("sockscope run: - (standard input) can be given only once");
          return USAGE;
        }
        stdinRead = true;
        try {
          text = decode(stdin.readAllBytes());
        } catch (IOException e) {
          err.println("sockscope run: cannot read standard input: " + e.getMessage());
          return USAGE;
        }
      } else {
        try {
          text = decode(Files.readAllBytes(Path.of(source.path())));
        } catch (NoSuchFileException e) {
          err.println("sockscope run: cannot read " + source.path() + ": no such file");
          return USAGE;
        } catch (CharacterCodingException e) {
          err.println("sockscope run: cannot read " + source.path() + ": it is not UTF-8 text");
          return USAGE;
        } catch (IOException e) {
          err.println("sockscope run: cannot read " + source.path() + ": " + e.getMessage());
          return USAGE;
        }
      }
      switch (Parser.parseFile(name, text)) {
        case ParseResult.Complete c -> programs.add(c.program());
        case ParseResult.Invalid invalid -> {
          err.println(invalid.format());
          return USAGE;
        }
        case ParseResult.Incomplete incomplete -> {
          err.println(name + ": incomplete: " + incomplete.reason());
          return USAGE;
        }
      }
    }
    return execute(programs);
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
  }

  private int execute(List<Program> programs) {
    TranscriptSink sink = output.json() ? new TranscriptJson(out)
        : new TranscriptText(out, err, output.styler(palette));
    Outcome outcome = new Outcome.Completed();
    Session session = Session.start(sink, live.open(capture.settings()));
    try {
      if (capture.settings().required() && !(session.capture() instanceof CaptureStatus.Active)) {
        err.println("sockscope run: capture is required (--require-capture) but not running"
            + (session.capture() instanceof CaptureStatus.Unavailable(String reason)
                ? ": " + reason : ""));
        return NO_CAPTURE;
      }
      for (Program program : programs) {
        outcome = session.run(program);
        if (!(outcome instanceof Outcome.Completed)) {
          break;
        }
      }
    } finally {
      Outcome late = session.end();
      if (outcome instanceof Outcome.Completed) {
        outcome = late;
      }
    }
    return outcome.exitCode();
  }
}

package io.sockscope.shell.repl;

import io.sockscope.engine.peer.Peer;
import io.sockscope.shell.lang.ParseResult;
import io.sockscope.shell.lang.Parser;
import io.sockscope.shell.lang.Program;
import io.sockscope.shell.render.Role;
import io.sockscope.shell.render.Styler;
import io.sockscope.shell.render.TranscriptJson;
import io.sockscope.shell.render.TranscriptText;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.LiveInspector;
import io.sockscope.shell.run.LiveNames;
import io.sockscope.shell.run.Outcome;
import io.sockscope.shell.run.Session;
import io.sockscope.shell.run.TranscriptRecord;
import io.sockscope.shell.run.TranscriptSink;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * The interactive line shell ({@code sockscope shell} on a terminal): a read–run–print loop over
 * one {@link Session}, with the JLine editor of {@link LineEditor}.
 *
 * <p>Each entry the editor accepts is parsed and run by the session on a thread of its own while
 * this thread waits; the session's transcript goes to the same renderer run mode uses, and its
 * text reaches the terminal through the {@link Screen} — above the prompt when it arrives while
 * the user types (a background call ending, the peer's segments). Ctrl-C while an entry runs
 * interrupts the entry's thread: its blocking call ends as Python's {@code KeyboardInterrupt},
 * background calls go on, every socket stays usable. Ctrl-C at the prompt drops the line; Ctrl-D
 * on an empty line, {@code exit} or {@code quit} end the session, which closes every socket and
 * stops every peer, each close shown as a call.
 */
public final class LineShell {

  /** How the shell is set up. */
  public record Settings(
      boolean json,
      Styler styler,
      boolean colour,
      OptionalInt echoPort,
      Optional<Path> history,
      Path directory,
      boolean debug) {}

  /** Exit code when capture was required and is not running (SPEC §2). */
  static final int NO_CAPTURE = 3;

  private final Terminal terminal;
  private final Settings settings;
  private final Screen screen;
  private final AtomicReference<Thread> foreground = new AtomicReference<>();
  private final Styler styler;

  private LineShell(Terminal terminal, Settings settings) {
    this.terminal = terminal;
    this.settings = settings;
    this.screen = new Screen(terminal);
    this.styler = settings.json() ? Styler.PLAIN : settings.styler();
  }

  /**
   * Runs the shell on {@code terminal} until the user leaves; returns the exit code: 0, or the
   * code given to {@code exit(N)}, or {@link #NO_CAPTURE}.
   */
  public static int run(
      Terminal terminal, LiveInspector live, boolean captureRequired, Settings settings) {
    return new LineShell(terminal, settings).loop(live, captureRequired);
  }

  private int loop(LiveInspector live, boolean captureRequired) {
    PrintStream out = screen.stream();
    TranscriptSink renderer = settings.json()
        ? new TranscriptJson(out)
        : new TranscriptText(out, out, styler, terminal::getWidth);
    ShellSink sink = new ShellSink(renderer);
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> interrupt());
    try (Session session = Session.interactive(sink, live)) {
      if (captureRequired && !(session.capture() instanceof CaptureStatus.Active)) {
        screen.print(styler.apply("sockscope shell: capture is required (--require-capture) but "
            + "not running" + (session.capture() instanceof CaptureStatus.Unavailable(String why)
                ? ": " + why : ""), Role.FAILURE));
        return NO_CAPTURE;
      }
      LineReader reader = LineEditor.build(terminal, new LiveNames(session),
          settings.directory(), settings.colour(), settings.history());
      screen.attach(reader);
      greet(session, sink);
      int code = entries(reader, session);
      saveHistory(reader);
      return code;
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }

  /** Reads and runs entries until the user leaves; returns the exit code. */
  private int entries(LineReader reader, Session session) {
    while (true) {
      String entry;
      try {
        entry = reader.readLine(LineEditor.PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        return 0;
      }
      if (entry.isBlank()) {
        continue;
      }
      Optional<Outcome> outcome = switch (Parser.parseEntry(entry)) {
        case ParseResult.Complete c -> runEntry(session, c.program());
        case ParseResult.Invalid invalid -> {
          screen.print(styler.apply(invalid.format(), Role.FAILURE));
          yield Optional.empty();
        }
        case ParseResult.Incomplete incomplete -> {
          screen.print(styler.apply(Parser.ENTRY_NAME + ": incomplete: " + incomplete.reason(),
              Role.FAILURE));
          yield Optional.empty();
        }
      };
      if (outcome.isPresent() && outcome.get() instanceof Outcome.Exited exited) {
        return exited.code();
      }
    }
  }

  /**
   * Runs one entry on a thread of its own, which Ctrl-C interrupts, and waits for it; empty when
   * the entry broke the interpreter itself (reported in one line).
   */
  private Optional<Outcome> runEntry(Session session, Program program) {
    AtomicReference<Outcome> outcome = new AtomicReference<>();
    AtomicReference<Throwable> broken = new AtomicReference<>();
    Thread worker = Thread.ofVirtual().name("sockscope-entry").unstarted(() -> {
      try {
        outcome.set(session.run(program));
      } catch (RuntimeException | StackOverflowError e) {
        broken.set(e);
      }
    });
    foreground.set(worker);
    worker.start();
    boolean interrupted = false;
    while (worker.isAlive()) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        interrupted = true;
        worker.interrupt();
      }
    }
    foreground.set(null);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (broken.get() != null) {
      internalError(broken.get());
      return Optional.empty();
    }
    return Optional.ofNullable(outcome.get());
  }

  /**
   * Ctrl-C: the running entry's blocking call ends as KeyboardInterrupt. The terminal has echoed
   * {@code ^C} where the cursor was; a line break first keeps the call's line whole.
   */
  private void interrupt() {
    Thread worker = foreground.get();
    if (worker == null) {
      return;
    }
    Attributes tty = terminal.getAttributes();
    if (tty.getLocalFlag(Attributes.LocalFlag.ECHO)
        && tty.getLocalFlag(Attributes.LocalFlag.ECHOCTL)) {
      screen.print("\n");
    }
    worker.interrupt();
  }

  private void internalError(Throwable e) {
    screen.print(styler.apply("sockscope shell: internal error: " + e
        + (settings.debug() ? "" : " (--debug shows where)"), Role.FAILURE));
    if (settings.debug()) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      screen.print(trace.toString());
    }
  }

  /**
   * Starts the echo peer (unless told not to) and says in one line where it listens and what to
   * try, or why it did not start.
   */
  private void greet(Session session, ShellSink sink) {
    String keys = "help lists the statements, Tab completes, Ctrl-D leaves";
    if (settings.echoPort().isEmpty()) {
      screen.print("sockscope shell: " + keys + ".");
      return;
    }
    int port = settings.echoPort().getAsInt();
    sink.hold();
    Program serve = ((ParseResult.Complete) Parser.parseEntry(
        "serve echo 127.0.0.1:" + port)).program();
    Optional<Outcome> started = runEntry(session, serve);
    var held = sink.release();
    Optional<Peer> peer = session.engine().peer("echo");
    if (started.isPresent() && started.get() instanceof Outcome.Completed && peer.isPresent()) {
      int at = peer.get().endpoint().port();
      screen.print("echo peer on 127.0.0.1:" + at + "; try: s = socket.socket() then "
          + "s.connect((\"127.0.0.1\", " + at + "))   (" + keys + ")");
      return;
    }
    String why = held.stream()
        .filter(r -> r instanceof TranscriptRecord.Error)
        .map(r -> ((TranscriptRecord.Error) r).text())
        .findFirst().orElse("it did not start");
    boolean taken = why.contains("Address already in use");
    screen.print(taken
        ? "port " + port + " is taken, so no echo peer started (serve echo starts one on a free "
            + "port); " + keys + "."
        : "the echo peer did not start (" + why + "); " + keys + ".");
  }

  private void saveHistory(LineReader reader) {
    if (settings.history().isEmpty()) {
      return;
    }
    try {
      reader.getHistory().save();
    } catch (java.io.IOException e) {
      screen.print("sockscope shell: history not saved to " + settings.history().get() + ": "
          + e.getMessage());
    }
  }
}

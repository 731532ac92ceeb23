package io.sockscope.tui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.EngineListener;
import io.sockscope.engine.peer.Peer;
import io.sockscope.shell.complete.TabCompletion;
import io.sockscope.shell.lang.ParseResult;
import io.sockscope.shell.lang.Parser;
import io.sockscope.shell.render.Styler;
import io.sockscope.shell.render.TranscriptText;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.LiveInspector;
import io.sockscope.shell.run.LiveNames;
import io.sockscope.shell.run.Outcome;
import io.sockscope.shell.run.Session;
import io.sockscope.shell.run.TranscriptRecord;
import io.sockscope.tui.pane.Colours;
import io.sockscope.tui.pane.KeyStrokes;
import io.sockscope.tui.pane.Screen;
import io.sockscope.tui.view.Command;
import io.sockscope.tui.view.History;
import io.sockscope.tui.view.Key;
import io.sockscope.tui.view.SessionView;
import io.sockscope.tui.view.Tone;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * One full-screen session: a {@link Session} driven from a Lanterna screen.
 *
 * <p>Threads. The caller's thread sets everything up, starts the echo peer, then waits until the
 * user quits and takes everything down. Lanterna's GUI thread reads the keys, owns the {@link
 * SessionView} and every component, and never waits for the session: an entry runs on a virtual
 * thread of its own (Ctrl-C interrupts it, which cancels its blocking call), and whatever the
 * session's threads report (records, calls starting, kernel snapshots from {@link KernelWatch})
 * reaches the view through the {@link ViewQueue}, on the GUI thread.
 *
 * <p>Every way out restores the terminal: quitting (F10, Ctrl-Q, Ctrl-D on an empty line, {@code
 * exit()}), the terminal's input ending, an internal error (one line, after the screen is gone;
 * the stack trace only with {@code --debug}) and SIGTERM or SIGHUP (a shutdown hook). Each ends
 * the session first, which closes every socket and stops every peer; what that reports is
 * written to the restored terminal.
 */
final class FullScreenSession {

  private final Terminal terminal;
  private final LiveInspector live;
  private final FullScreen.Settings settings;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean shutdownHook;
  private final ViewQueue queue = new ViewQueue();
  private final ScreenSink sink = new ScreenSink(queue);
  private final CountDownLatch done = new CountDownLatch(1);
  private final List<Throwable> failures = new ArrayList<>();
  private final Colours colours;
  private Session session;
  private TerminalScreen screen;
  private GuiThread gui;
  private Screen window;
  private SessionView view;
  private KernelWatch watch;
  private volatile Optional<HistoryStore> history = Optional.empty();
  private EngineListener starts;
  private volatile Thread worker;
  private final java.util.ArrayDeque<Command.Run> waiting = new java.util.ArrayDeque<>();
  private volatile int exitCode;
  private boolean finished;

  FullScreenSession(Terminal terminal, LiveInspector live, FullScreen.Settings settings,
      PrintStream out, PrintStream err, boolean shutdownHook) {
    this.terminal = terminal;
    this.live = live;
    this.settings = settings;
    this.out = out;
    this.err = err;
    this.shutdownHook = shutdownHook;
    this.colours = settings.colour() ? Colours.ANSI : Colours.MONOCHROME;
  }

  FullScreen.Result run() {
    try {
      session = Session.interactive(sink, live);
    } catch (RuntimeException e) {
      closeTerminal();
      err.println("sockscope: the session could not start: " + e);
      return new FullScreen.Result.Ended(1);
    }
    if (settings.captureRequired() && !(session.capture() instanceof CaptureStatus.Active)) {
      session.close();
      closeTerminal();
      err.println("sockscope: capture is required (--require-capture) but not running"
          + (session.capture() instanceof CaptureStatus.Unavailable(String why) ? ": " + why
              : ""));
      return new FullScreen.Result.Ended(3);
    }
    Thread hook = new Thread(() -> finish(true), "sockscope-restore-terminal");
    try {
      if (shutdownHook) {
        Runtime.getRuntime().addShutdownHook(hook);
      }
      start();
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failed(e);
    } finally {
      finish(false);
      if (shutdownHook) {
        removeHook(hook);
      }
    }
    return new FullScreen.Result.Ended(exitCode);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing is left to undo
    }
  }

  /**
   * Starts the echo peer, then the GUI thread, which builds the screen; then the engine's call
   * announcements and the kernel watch. The peer starts first so that no entry can run beside it.
   */
  private void start() throws InterruptedException {
    queue.post(v -> v.capture(session.capture()));
    List<String> entries = loadHistory();
    greet();
    gui = new GuiThread(() -> build(entries), done::countDown, this::failed);
    gui.start();
    if (window == null) {
      return;
    }
    starts = event -> {
      if (event instanceof EngineEvent.CallStarted started) {
        queue.post(v -> v.callStarted(started));
      }
    };
    session.engine().addListener(starts);
    watch = new KernelWatch(session.engine(), live::counts, queue);
    watch.start();
  }

  /** Builds the screen, the view and the window, on the GUI thread. */
  private MultiWindowTextGUI build(List<String> entries) throws IOException {
    screen = new TerminalScreen(terminal);
    screen.startScreen();
    LiveNames names = new LiveNames(session);
    view = new SessionView(new TabCompletion(names, settings.directory()),
        new History(entries), names::isSocket);
    MultiWindowTextGUI built = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen,
        new DefaultWindowManager(), null, new EmptySpace(TextColor.ANSI.DEFAULT));
    Screen w = new Screen(view, colours, this::key, done::countDown);
    built.addWindow(w);
    queue.attach(built.getGUIThread(), gui::wake, view, w::refresh);
    window = w;
    return built;
  }

  private List<String> loadHistory() {
    if (settings.history().isEmpty()) {
      return List.of();
    }
    HistoryStore store = new HistoryStore(settings.history().get());
    try {
      List<String> entries = store.load();
      history = Optional.of(store);
      return entries;
    } catch (IOException e) {
      queue.post(v -> v.note("history is not kept: " + store.file() + " cannot be read ("
          + e.getMessage() + ")", Tone.NOTE));
      return List.of();
    }
  }

  /**
   * Starts the echo peer, unless told not to, and says in one line where it listens and what to
   * try, or why it did not start. Runs before the GUI thread, so no entry can run beside it.
   */
  private void greet() {
    String keys = "help lists the statements; Tab completes; F1 shows the keys.";
    if (settings.echoPort().isEmpty()) {
      note("sockscope: " + keys + " serve echo starts an echo peer.", Tone.NOTE);
      return;
    }
    int port = settings.echoPort().getAsInt();
    sink.hold();
    Outcome started = session.run(((ParseResult.Complete) Parser.parseEntry(
        "serve echo 127.0.0.1:" + port)).program());
    List<TranscriptRecord> held = sink.release();
    held.stream().filter(r -> r instanceof TranscriptRecord.Peer)
        .forEach(r -> queue.post(v -> v.peer((TranscriptRecord.Peer) r)));
    Optional<Peer> peer = session.engine().peer("echo");
    if (started instanceof Outcome.Completed && peer.isPresent()) {
      int at = peer.get().endpoint().port();
      note("echo peer on 127.0.0.1:" + at + ". Try: s = socket.socket() then "
          + "s.connect((\"127.0.0.1\", " + at + "))", Tone.NOTE);
      note(keys, Tone.DIM);
      return;
    }
    String why = held.stream()
        .filter(r -> r instanceof TranscriptRecord.Error)
        .map(r -> ((TranscriptRecord.Error) r).text())
        .findFirst().orElse("it did not start");
    note(why.contains("Address already in use")
        ? "port " + port + " is taken, so no echo peer started (serve echo starts one on a free "
            + "port). " + keys
        : "the echo peer did not start (" + why + "). " + keys, Tone.NOTE);
  }

  private void note(String text, Tone tone) {
    queue.post(v -> v.note(text, tone));
  }

  /** A key, on the GUI thread. */
  private void key(KeyStroke stroke) {
    if (KeyStrokes.endOfInput(stroke)) {
      done.countDown();
      return;
    }
    Optional<Key> key = KeyStrokes.of(stroke);
    if (key.isEmpty()) {
      return;
    }
    switch (view.press(key.get())) {
      case Command.None none -> {
        // the view has changed
      }
      case Command.Run run -> runEntry(view, run);
      case Command.Rejected rejected -> remember(view, rejected.source());
      case Command.Cancel cancel -> {
        if (!waiting.isEmpty()) {
          view.message("cancelling the running call; " + waiting.size() + " entr"
              + (waiting.size() == 1 ? "y" : "ies") + " typed meanwhile dropped");
          waiting.clear();
        }
        Thread w = worker;
        if (w != null) {
          w.interrupt();
        }
      }
      case Command.Quit quit -> done.countDown();
    }
    window.refresh();
  }

  /**
   * Runs an entry on a virtual thread of its own; the view hears when it has ended. An entry
   * typed while another runs waits for it, as typed-ahead lines wait in a terminal.
   */
  private void runEntry(SessionView view, Command.Run run) {
    remember(view, run.source());
    if (worker != null) {
      waiting.add(run);
      view.message(waiting.size() + " entr" + (waiting.size() == 1 ? "y waits" : "ies wait")
          + " for the running one (Ctrl-C cancels it and drops them)");
      return;
    }
    launch(view, run);
  }

  private void launch(SessionView view, Command.Run run) {
    view.entryStarted(run.source());
    Thread thread = Thread.ofVirtual().name("sockscope-entry").unstarted(() -> {
      Outcome outcome = null;
      Throwable broken = null;
      try {
        outcome = session.run(run.program());
      } catch (RuntimeException | StackOverflowError e) {
        broken = e;
      }
      Outcome ended = outcome;
      Throwable error = broken;
      if (error != null) {
        synchronized (failures) {
          failures.add(error);
        }
      }
      queue.post(v -> {
        worker = null;
        v.entryEnded();
        if (error != null) {
          v.note("sockscope: internal error: " + error + (settings.debug()
              ? " (the stack trace follows when the session ends)" : " (--debug shows where)"),
              Tone.FAILURE);
        }
        if (ended instanceof Outcome.Exited exited) {
          exitCode = exited.code();
          waiting.clear();
          done.countDown();
        } else if (!waiting.isEmpty()) {
          launch(v, waiting.removeFirst());
        }
      });
    });
    worker = thread;
    thread.start();
  }

  private void remember(SessionView view, String entry) {
    history.ifPresent(store -> {
      try {
        store.append(entry, System.currentTimeMillis());
      } catch (IOException e) {
        history = Optional.empty();
        view.note("history is not kept: " + store.file() + " cannot be written ("
            + e.getMessage() + ")", Tone.NOTE);
      }
    });
  }

  private void failed(Throwable e) {
    synchronized (failures) {
      failures.add(e);
    }
    exitCode = 1;
    done.countDown();
  }

  /**
   * Ends everything, once, whichever way out was taken: the kernel watch, the running entry, the
   * session (every socket closed, every peer stopped), the GUI thread, then the screen and the
   * terminal's settings; then writes what the session's end reported. On SIGTERM ({@code
   * shuttingDown}) Lanterna's own shutdown hook restores the terminal's settings, once drawing
   * has stopped.
   */
  private synchronized void finish(boolean shuttingDown) {
    if (finished) {
      return;
    }
    finished = true;
    done.countDown();
    sink.keep();
    try {
      if (watch != null) {
        watch.stop();
      }
      Thread w = worker;
      if (w != null) {
        w.interrupt();
        w.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (starts != null) {
      session.engine().removeListener(starts);
    }
    try {
      session.end();
    } catch (RuntimeException e) {
      synchronized (failures) {
        failures.add(e);
      }
    }
    history.ifPresent(store -> {
      try {
        store.trim();
      } catch (IOException e) {
        err.println("sockscope: history not trimmed: " + e.getMessage());
      }
    });
    stopGui();
    queue.detach();
    int columns = columns();
    if (terminal instanceof RawTerminal raw) {
      raw.quiet();
    }
    closeScreen();
    if (!shuttingDown) {
      closeTerminal();
    }
    farewell(columns);
  }

  private void stopGui() {
    if (gui == null) {
      return;
    }
    try {
      gui.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeScreen() {
    if (screen == null) {
      return;
    }
    try {
      screen.stopScreen();
    } catch (IOException | RuntimeException e) {
      err.println("sockscope: the screen could not be restored: " + e.getMessage());
    }
  }

  private void closeTerminal() {
    try {
      terminal.close();
    } catch (IOException | RuntimeException e) {
      err.println("sockscope: the terminal's settings could not be restored: " + e.getMessage()
          + " (the reset command restores them)");
    }
  }

  /** The terminal's width, 0 when it cannot be read. */
  private int columns() {
    try {
      return terminal.getTerminalSize().getColumns();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * Writes, to the restored terminal ({@code columns} wide, 0 if unknown), what ending the
   * session reported, and any error.
   */
  private void farewell(int columns) {
    TranscriptText text = new TranscriptText(out, err, Styler.PLAIN, () -> columns);
    sink.kept().forEach(text::emit);
    out.flush();
    List<Throwable> all;
    synchronized (failures) {
      all = List.copyOf(failures);
    }
    for (Throwable t : all) {
      err.println("sockscope: internal error: " + t + (settings.debug() ? ""
          : " (--debug shows where)"));
      if (settings.debug()) {
        t.printStackTrace(err);
      }
    }
  }
}

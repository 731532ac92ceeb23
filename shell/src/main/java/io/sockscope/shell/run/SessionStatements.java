package io.sockscope.shell.run;

import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Engine;
import io.sockscope.engine.kernel.KernelState;
import io.sockscope.engine.peer.Peer;
import io.sockscope.engine.peer.PeerKind;
import io.sockscope.engine.peer.PeerStart;
import io.sockscope.shell.lang.Command;
import io.sockscope.shell.lang.NearMatches;
import io.sockscope.shell.lang.PeerRef;
import io.sockscope.shell.lang.Stmt;
import io.sockscope.shell.lang.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * sockscope's own statements about the session: {@code serve} and {@code stop} (built-in peers),
 * {@code sockets}, {@code peers}, {@code jobs} and {@code help}. Failures are Python exceptions
 * like any other statement's, so the stop-at-first-failure rule and {@code expect error} apply.
 */
final class SessionStatements {
  /** Where a peer listens when {@code serve} names no host (SPEC §8). */
  static final String DEFAULT_HOST = "127.0.0.1";

  private SessionStatements() {}

  /**
   * {@code serve KIND [[HOST:]PORT] [as NAME]}: starts the peer, says where it listens, and binds
   * its name to its address, a {@code (host, port)} tuple, so {@code s.connect(echo)} works
   * whatever port the kernel chose.
   */
  static void serve(Frame f, Stmt.Serve s) {
    Engine engine = f.session().engine();
    String host = s.host().orElse(DEFAULT_HOST);
    String name = s.name().orElseGet(() -> freeName(engine, s.kind().keyword()));
    PeerKind kind = PeerKind.valueOf(s.kind().name());
    switch (engine.serve(name, kind, host, s.port())) {
      case PeerStart.Started(Peer peer) -> {
        Endpoint at = peer.endpoint();
        boolean exposed = at.host().equals("0.0.0.0") || at.host().equals("::");
        f.session().transcript().emit(new TranscriptRecord.Peer(TranscriptRecord.PeerEvent.STARTED,
            name, kind.wireName(), at, exposed));
        if (exposed) {
          f.session().transcript().emit(new TranscriptRecord.Note("peer " + name
              + " listens on every interface (" + at.host() + "): other machines can connect to "
              + "port " + at.port()));
        }
        f.session().scope().set(name, SocketValue.address(at));
      }
      case PeerStart.NotStarted(io.sockscope.engine.Failure failure) ->
          throw new PythonError(Exceptions.fromFailure(failure));
    }
  }

  private static String freeName(Engine engine, String kind) {
    if (engine.peer(kind).isEmpty()) {
      return kind;
    }
    int n = 2;
    while (engine.peer(kind + n).isPresent()) {
      n++;
    }
    return kind + n;
  }

  /** {@code stop PEER}, by name or by port. */
  static void stop(Frame f, Stmt.Stop s) {
    Engine engine = f.session().engine();
    Optional<Peer> peer = switch (s.peer()) {
      case PeerRef.Named(String name) -> engine.peer(name);
      case PeerRef.AtPort(Optional<String> host, int port) -> engine.peers().stream()
          .filter(p -> p.endpoint().port() == port
              && host.map(h -> h.equals(p.endpoint().host())).orElse(true))
          .findFirst();
    };
    if (peer.isEmpty()) {
      List<String> running = engine.peers().stream().map(Peer::name).toList();
      throw PythonError.of(Exceptions.LOOKUP_ERROR, "no peer "
          + (s.peer() instanceof PeerRef.Named(String name) ? "called " + name
              : "at that port")
          + (running.isEmpty() ? "; no peer is running" : "; running: " + String.join(", ",
              running)));
    }
    Peer p = peer.get();
    engine.stopPeer(p.name());
    f.session().transcript().emit(new TranscriptRecord.Peer(TranscriptRecord.PeerEvent.STOPPED,
        p.name(), p.kind().wireName(), p.endpoint(), false));
  }

  /**
   * The {@code sockets} table: the open sockets, and the closed ones whose connection the
   * kernel still holds (FIN_WAIT, TIME_WAIT...), with fd -1, until it lets go.
   */
  static void sockets(Frame f) {
    List<TranscriptRecord.SocketRow> rows = new ArrayList<>();
    for (SocketValue s : f.session().sockets().all()) {
      boolean open = s.sock().isOpen();
      if (!open && !(s.sock().kernelState() instanceof KernelState.Lingering)) {
        continue;
      }
      TranscriptRecord.State state = KernelStates.of(s);
      rows.add(new TranscriptRecord.SocketRow(s.name(), open ? s.fd() : -1, s.sock().lastLocal(),
          s.sock().lastRemote().filter(r -> state.rttMicros().isPresent()
              || !state.tcpState().equals("LISTEN") && !state.tcpState().equals("CLOSE")),
          state.tcpState(), state.sendQueueBytes(), state.receiveQueueBytes(),
          state.rttMicros()));
    }
    f.session().transcript().emit(new TranscriptRecord.Sockets(rows));
  }

  static void peers(Frame f) {
    List<TranscriptRecord.PeerRow> rows = f.session().engine().peers().stream()
        .map(p -> new TranscriptRecord.PeerRow(p.name(), p.kind().wireName(), p.endpoint(),
            p.connections().size()))
        .toList();
    f.session().transcript().emit(new TranscriptRecord.Peers(rows));
  }

  static void jobs(Frame f) {
    List<TranscriptRecord.JobRow> rows = new ArrayList<>();
    for (Job job : f.session().jobs().all()) {
      String status = job.end().map(e -> e.name().toLowerCase(java.util.Locale.ROOT))
          .orElse("running");
      Optional<String> running = job.running()
          .map(c -> "[" + c.id() + "] " + c.op().wireName() + " on " + c.socket());
      rows.add(new TranscriptRecord.JobRow(job.number(), job.statement().call().source(), status,
          job.isRunning() ? running : Optional.empty()));
    }
    f.session().transcript().emit(new TranscriptRecord.Jobs(rows));
  }

  /** Usage lines longer than this put their summary on the next line, so the list stays narrow. */
  private static final int HELP_USAGE_WIDTH = 32;

  /** {@code help [TOPIC]}: the statements, or one of them, from the vocabulary. */
  static void help(Frame f, Stmt.Help h) {
    StringBuilder text = new StringBuilder();
    if (h.topic().isEmpty()) {
      text.append("Statements (Python's socket API works too: s = socket.socket(), ...):\n");
      int width = Vocabulary.commands().stream().mapToInt(c -> c.usage().length())
          .filter(n -> n <= HELP_USAGE_WIDTH).max().orElse(0);
      for (Command c : Vocabulary.commands()) {
        text.append("  ").append(c.usage());
        text.append(c.usage().length() > width
            ? "\n" + " ".repeat(width + 4)
            : " ".repeat(width - c.usage().length() + 2));
        text.append(c.summary()).append('\n');
      }
      text.append("help COMMAND shows one with an example.\n");
    } else {
      Optional<Command> command = Vocabulary.helpTopic(h.topic().get());
      if (command.isEmpty()) {
        List<String> near = NearMatches.of(h.topic().get(), Vocabulary.helpTopics());
        throw PythonError.of(Exceptions.LOOKUP_ERROR, "help has no topic '" + h.topic().get()
            + "'" + (near.isEmpty() ? "; help lists them" : "; did you mean "
                + String.join(" or ", near) + "?"));
      }
      Command c = command.get();
      text.append(c.usage()).append('\n').append("  ").append(c.summary()).append('\n')
          .append("  example: ").append(c.example()).append('\n');
      c.python().ifPresent(p -> text.append("  in Python: ").append(p).append('\n'));
    }
    f.session().transcript().emit(new TranscriptRecord.Help(text.toString()));
  }
}

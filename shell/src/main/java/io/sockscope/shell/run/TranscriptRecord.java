package io.sockscope.shell.run;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Endpoint;
import io.sockscope.inspector.live.LiveExplanation;
import io.sockscope.inspector.live.SegmentOrigin;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One entry of a session's transcript, in the order it happened: what {@code shell.render}
 * writes as text (docs/TRANSCRIPT.md) or as JSON lines (docs/JSON.md), and what the line shell
 * and the TUI show. A session emits them to its {@link TranscriptSink}; the live inspector adds
 * its own (the segments of a call, explanations, capture counts) through {@link LiveInspector}.
 *
 * <p>For each call the order is fixed: {@link Call}, then whatever the live inspector adds for it,
 * then one {@link State} per socket the call touched. Records of background calls and of the
 * live inspector's unattributed segments may come between two statements' records, where they
 * happen.
 */
public sealed interface TranscriptRecord {

  /**
   * A socket call, finished.
   *
   * @param event  the engine's record of it (SPEC §5 call record)
   * @param source what the transcript prints for it: the statement's own source, or, for a call
   *               the interpreter made on its own ({@code note} says why), its Python spelling
   * @param note   why the interpreter made the call ("end of with block", "garbage collector")
   * @param job    the background job that made it, for a statement ending in {@code &}
   */
  record Call(CallEvent event, String source, Optional<String> note, OptionalInt job)
      implements TranscriptRecord {}

  /**
   * The kernel's view of a socket after a call touched it.
   *
   * @param socket            the socket's name
   * @param tcpState          the kernel's name of the TCP state ({@code ESTABLISHED}, {@code
   *                          TIME_WAIT}); {@code CLOSE} for a socket the kernel no longer has
   * @param sendQueueBytes    bytes not yet acknowledged (a listener: its backlog)
   * @param receiveQueueBytes bytes not yet read (a listener: connections waiting for accept())
   * @param rttMicros         smoothed RTT, for an open connected socket
   * @param fdOpen            false once close() was called: the kernel may still hold the
   *                          connection (FIN_WAIT2, TIME_WAIT) for {@code heldFor}
   * @param heldFor           time left on the kernel's timer for a closed socket's connection
   */
  record State(String socket, String tcpState, long sendQueueBytes, long receiveQueueBytes,
      OptionalLong rttMicros, boolean fdOpen, Optional<Duration> heldFor)
      implements TranscriptRecord {}

  /** What the program printed, on {@code stdout} or {@code stderr}, exactly as printed. */
  record Output(Stream stream, String text) implements TranscriptRecord {}

  /** The standard streams of a Python program. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /**
   * An {@code expect} statement's verdict.
   *
   * @param source   the statement as written ({@code expect recv b"hi"})
   * @param met      whether it held
   * @param expected what it asked for, in the words of the transcript
   * @param got      what happened
   */
  record Expect(String file, int line, String source, boolean met, String expected, String got)
      implements TranscriptRecord {}

  /**
   * A built-in peer started or stopped.
   *
   * @param exposed true when it listens on every interface (0.0.0.0 or ::): other machines can
   *                connect
   */
  record Peer(PeerEvent event, String name, String kind, Endpoint endpoint, boolean exposed)
      implements TranscriptRecord {}

  /** What happened to a peer. */
  enum PeerEvent {
    STARTED,
    STOPPED
  }

  /**
   * An open socket got a new name, because its name went to a newer socket: a variable that
   * named it now names another, and open sockets' names are unique.
   */
  record Renamed(String from, String to) implements TranscriptRecord {}

  /** A remark of sockscope's about the run ("binding 0.0.0.0 exposes port 9000"). */
  record Note(String text) implements TranscriptRecord {}

  /**
   * Why a run stopped: an uncaught exception ({@code text} is Python's last traceback line), an
   * expectation not met, or a capture the script needs and cannot have.
   *
   * @param exception the exception's class as Python names it, for {@link ErrorKind#EXCEPTION}
   */
  record Error(String file, int line, ErrorKind kind, Optional<String> exception, String text)
      implements TranscriptRecord {}

  /** What stopped a run. */
  enum ErrorKind {
    EXCEPTION,
    EXPECTATION,
    CAPTURE
  }

  /** A statement ending in {@code &} started running in the background as job {@code job}. */
  record JobStarted(int job, String source, int line) implements TranscriptRecord {}

  /**
   * A background job ended: ok, with the exception it raised (also reported as the run's error
   * when nothing expected it), or cancelled (when the run ended first, or by Ctrl-C).
   */
  record JobDone(int job, JobEnd end, Optional<String> error) implements TranscriptRecord {}

  /** How a background job ended. */
  enum JobEnd {
    OK,
    FAILED,
    CANCELLED
  }

  /**
   * A TCP segment of the session's traffic (SPEC §4, §5 segment record), from the live inspector.
   *
   * @param segment  the analysed segment: relative numbers, flags, the tcpdump line
   * @param call     the call that caused it; empty for the kernel's or the peer's own segments
   * @param origin   who put it on the wire and the session socket it belongs to
   * @param underCall true when it is shown in its call's group (under the call's line); false
   *                 when it is shown between groups, where it happened, marked with its origin
   */
  record Segment(io.sockscope.inspector.flow.Segment segment, OptionalLong call,
      SegmentOrigin origin, boolean underCall) implements TranscriptRecord {}

  /**
   * Segments of a long run not shown one by one; the first and the last of the run are shown
   * around this record.
   *
   * @param call      the call they belong to; empty for segments of no call
   * @param underCall as for {@link Segment}
   */
  record SegmentsFolded(OptionalLong call, long count, long firstFrame, long lastFrame,
      boolean underCall) implements TranscriptRecord {}

  /**
   * An explanation (SPEC §6, §5 explain record): under the call it concerns, or between groups
   * when no call's group holds it.
   */
  record Explain(LiveExplanation explanation, boolean underCall) implements TranscriptRecord {}

  /**
   * A closed socket's TIME_WAIT is over: the kernel no longer holds its connection {@code
   * local} → {@code remote} (a {@code state} record with {@code CLOSE} in JSON lines).
   */
  record Released(String socket, Endpoint local, Endpoint remote) implements TranscriptRecord {}

  /**
   * What capture is doing: {@code ok} with the interface and its counts, {@code unavailable}
   * with the reason (SPEC §5 capture record).
   */
  record Capture(String status, Optional<String> iface, Optional<String> reason,
      OptionalLong received, OptionalLong dropped) implements TranscriptRecord {}

  /** The {@code sockets} table: the open sockets and the kernel's view of each. */
  record Sockets(List<SocketRow> rows) implements TranscriptRecord {
    public Sockets {
      rows = List.copyOf(rows);
    }
  }

  /** One row of the {@code sockets} table. */
  record SocketRow(String name, int fd, Optional<Endpoint> local, Optional<Endpoint> remote,
      String tcpState, long sendQueueBytes, long receiveQueueBytes, OptionalLong rttMicros) {}

  /** The {@code peers} table. */
  record Peers(List<PeerRow> rows) implements TranscriptRecord {
    public Peers {
      rows = List.copyOf(rows);
    }
  }

  /** One running peer and how many connections it holds. */
  record PeerRow(String name, String kind, Endpoint endpoint, int connections) {}

  /** The {@code jobs} table. */
  record Jobs(List<JobRow> rows) implements TranscriptRecord {
    public Jobs {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One background job.
   *
   * @param running the call it waits in now, if any ({@code [7] accept})
   */
  record JobRow(int job, String source, String status, Optional<String> running) {}

  /** The text {@code help} shows. */
  record Help(String text) implements TranscriptRecord {}
}

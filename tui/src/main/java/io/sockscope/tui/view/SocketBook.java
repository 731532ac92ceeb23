package io.sockscope.tui.view;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Op;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which of the session's sockets and peers each end of a segment belongs to, learnt from the
 * call records (a call's 4-tuple; an accepted connection's; a listener's address) and the peer
 * records. The segments pane uses it to draw a segment's direction ({@code >} sent by the
 * session's socket, {@code <} received), to name the peer that sent it and to filter by socket.
 */
public final class SocketBook {

  /** A segment seen from one of the session's sockets: its name, and whether it sent it. */
  public record Side(String socket, boolean outbound) {}

  private final Map<String, String> connections = new HashMap<>();
  private final Map<String, String> listeners = new HashMap<>();
  private final Map<String, String> peers = new HashMap<>();
  private final Map<Long, CallEvent> calls = new HashMap<>();

  /** Learns what a record says about endpoints. */
  public void learn(TranscriptRecord record) {
    switch (record) {
      case TranscriptRecord.Call c -> learn(c.event());
      case TranscriptRecord.Peer p -> peers.put(key(p.endpoint().host(), p.endpoint().port()),
          p.name());
      case TranscriptRecord.Renamed r -> rename(r.from(), r.to());
      default -> {
        // other records name no endpoints
      }
    }
  }

  private void learn(CallEvent event) {
    calls.put(event.id(), event);
    if (event.local().isPresent() && event.remote().isPresent() && event.op() != Op.ACCEPT
        && event.op() != Op.LISTEN) {
      connections.put(tuple(event.local().get(), event.remote().get()), event.socket());
    } else if (event.local().isPresent() && (event.op() == Op.LISTEN || event.op() == Op.BIND)) {
      listeners.put(key(event.local().get().host(), event.local().get().port()), event.socket());
    }
    if (event.result() instanceof CallResult.Accepted a) {
      connections.put(tuple(a.local(), a.peer()), a.socket());
    }
  }

  private void rename(String from, String to) {
    connections.replaceAll((k, v) -> v.equals(from) ? to : v);
    listeners.replaceAll((k, v) -> v.equals(from) ? to : v);
  }

  /** The call with id {@code id}, if its record has come. */
  public Optional<CallEvent> call(long id) {
    return Optional.ofNullable(calls.get(id));
  }

  /**
   * The session's socket at one end of {@code s}: the socket of the call that caused it when
   * known, else the socket whose connection it is, else the listener it arrives at.
   */
  public Optional<Side> side(Segment s, Optional<CallEvent> cause) {
    String src = key(s.source().host(), s.source().port());
    String dst = key(s.destination().host(), s.destination().port());
    if (cause.isPresent() && cause.get().local().isPresent()) {
      Endpoint local = cause.get().local().get();
      boolean out = key(local.host(), local.port()).equals(src);
      return Optional.of(new Side(cause.get().socket(), out));
    }
    String sent = connections.get(src + "|" + dst);
    if (sent != null) {
      return Optional.of(new Side(sent, true));
    }
    String received = connections.get(dst + "|" + src);
    if (received != null) {
      return Optional.of(new Side(received, false));
    }
    String listener = listening(dst, s.destination().port());
    if (listener != null) {
      return Optional.of(new Side(listener, false));
    }
    listener = listening(src, s.source().port());
    return listener == null ? cause.map(c -> new Side(c.socket(), true))
        : Optional.of(new Side(listener, true));
  }

  private String listening(String endpoint, int port) {
    String exact = listeners.get(endpoint);
    if (exact != null) {
      return exact;
    }
    String any = listeners.get(key("0.0.0.0", port));
    return any != null ? any : listeners.get(key("::", port));
  }

  /** Whether {@code socket} sent {@code s}: the segment's source is one of its addresses. */
  public boolean sentBy(Segment s, String socket) {
    String src = key(s.source().host(), s.source().port());
    for (var e : connections.entrySet()) {
      if (e.getValue().equals(socket) && e.getKey().startsWith(src + "|")) {
        return true;
      }
    }
    for (var e : listeners.entrySet()) {
      if (e.getValue().equals(socket) && e.getKey().equals(src)) {
        return true;
      }
    }
    return false;
  }

  /** The built-in peer at either end of {@code s}, by its name. */
  public Optional<String> peer(Segment s) {
    for (var end : new io.sockscope.inspector.flow.Endpoint[] {s.source(), s.destination()}) {
      String name = peers.get(key(end.host(), end.port()));
      if (name == null) {
        name = peers.getOrDefault(key("0.0.0.0", end.port()), peers.get(key("::", end.port())));
      }
      if (name != null) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static String tuple(Endpoint local, Endpoint remote) {
    return key(local.host(), local.port()) + "|" + key(remote.host(), remote.port());
  }

  private static String key(String host, int port) {
    return host + "#" + port;
  }
}

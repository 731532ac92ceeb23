package io.sockscope.inspector.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Engine;
import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.Op;
import io.sockscope.engine.Sock;
import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.Segment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The session's sockets, calls and built-in peers as the engine reports them, indexed the way
 * segments are matched: by 4-tuple, by listening address, by a peer's address. Updated from
 * engine events on the threads that make the calls, read by the pipeline; guarded by the
 * session's pipeline lock.
 */
final class Books {

    private static final int MAX_CALLS = 4096;
    private static final String WILDCARD = "*";

    /** A built-in peer: its name and the address it listens on. */
    record PeerBook(String name, Endpoint endpoint) {
    }

    private final Engine engine;
    private final Map<Sock, SocketBook> sockets = new IdentityHashMap<>();
    private final Map<String, SocketBook> byTuple = new HashMap<>();
    private final Map<String, SocketBook> listeners = new HashMap<>();
    private final Map<String, PeerBook> peers = new LinkedHashMap<>();
    private final Map<String, String> peerAddresses = new HashMap<>();
    private final LinkedHashMap<Long, CallInfo> calls = new LinkedHashMap<>();
    /** The connect() and connect_ex() calls running now. */
    private final List<CallInfo> connecting = new ArrayList<>();

    Books(Engine engine) {
        this.engine = engine;
    }

    /** A call began: its window opens (send and sendall reserve their bytes' offsets). */
    CallInfo started(EngineEvent.CallStarted started) {
        SocketBook book = started.op() == Op.SOCKET ? null
                : engine.sock(started.socket()).map(this::book).orElse(null);
        CallInfo call = new CallInfo(started, book);
        if (book != null) {
            book.add(call);
            if (call.op == Op.SEND || call.op == Op.SENDALL) {
                call.from = book.sentOffset;
                call.to = book.sentOffset + call.requested();
            }
        }
        calls.put(call.id, call);
        if (call.op == Op.CONNECT || call.op == Op.CONNECT_EX) {
            connecting.add(call);
        }
        while (calls.size() > MAX_CALLS) {
            CallInfo oldest = calls.values().iterator().next();
            if (oldest.running() || !oldest.shown) {
                break;
            }
            calls.remove(oldest.id);
        }
        return call;
    }

    /** A call ended: what it did to its socket (endpoints, listening, bytes, options). */
    Optional<CallInfo> ended(CallEvent event) {
        CallInfo call = calls.get(event.id());
        if (call == null) {
            return Optional.empty();
        }
        call.ended(event);
        connecting.remove(call);
        SocketBook book = call.book;
        if (event.op() == Op.SOCKET && event.ok()) {
            engine.sock(event.socket()).ifPresent(this::book);
            return Optional.of(call);
        }
        if (book == null) {
            return Optional.of(call);
        }
        locate(book, event.local(), event.remote());
        switch (event.result()) {
            case CallResult.Sent sent -> commit(call, book, sent.sent());
            case CallResult.SentAll all -> commit(call, book, all.sent());
            case CallResult.Received received -> {
                call.from = book.receivedOffset;
                call.to = book.receivedOffset + received.length();
                book.receivedOffset = call.to;
            }
            case CallResult.Accepted accepted -> engine.sock(accepted.socket()).ifPresent(sock ->
                    locate(book(sock), Optional.of(accepted.local()), Optional.of(accepted.peer())));
            default -> {
            }
        }
        if (event.ok()) {
            switch (event.op()) {
                case LISTEN -> {
                    book.listening = true;
                    book.backlog = event.args().get("backlog") instanceof Number n ? n.intValue()
                            : Sock.DEFAULT_BACKLOG;
                    index(book);
                }
                case SETSOCKOPT -> {
                    if ("SO_REUSEADDR".equals(event.args().get("option"))) {
                        book.reuseAddress = !(event.args().get("value") instanceof Number n)
                                || n.intValue() != 0;
                    }
                }
                case CLOSE -> {
                    book.closed = true;
                    book.released = book.remote == null || book.listening;
                }
                default -> {
                }
            }
        }
        return Optional.of(call);
    }

    private static void commit(CallInfo call, SocketBook book, long sent) {
        call.from = book.sentOffset;
        call.to = book.sentOffset + sent;
        book.sentOffset = call.to;
    }

    /** A built-in peer's life: where it listens. */
    void peer(EngineEvent event) {
        if (event instanceof EngineEvent.PeerStarted started) {
            Endpoint at = started.endpoint();
            peers.put(started.peer(), new PeerBook(started.peer(), at));
            peerAddresses.put(isWildcard(at.host())
                    ? WILDCARD + ":" + at.port() + "/" + (at.host().contains(":") ? 6 : 4)
                    : key(at), started.peer());
        }
    }

    SocketBook book(Sock sock) {
        return sockets.computeIfAbsent(sock, SocketBook::new);
    }

    Optional<CallInfo> call(long id) {
        return Optional.ofNullable(calls.get(id));
    }

    Collection<SocketBook> sockets() {
        return List.copyOf(sockets.values());
    }

    /** The socket whose connection {@code local} → {@code remote} is, exactly. */
    Optional<SocketBook> exact(io.sockscope.inspector.flow.Endpoint local,
            io.sockscope.inspector.flow.Endpoint remote) {
        return Optional.ofNullable(byTuple.get(key(local) + ">" + key(remote)));
    }

    /** The socket whose connection {@code local} → {@code remote} is, by the engine's endpoints. */
    Optional<SocketBook> exact(Endpoint local, Endpoint remote) {
        return Optional.ofNullable(byTuple.get(key(local) + ">" + key(remote)));
    }

    /** The session's socket listening where {@code local} is, for a connection not accepted yet. */
    Optional<SocketBook> listenerAt(io.sockscope.inspector.flow.Endpoint local) {
        SocketBook exact = listeners.get(key(local));
        return Optional.ofNullable(exact != null ? exact
                : listeners.get(WILDCARD + ":" + local.port() + "/" + local.ipVersion()));
    }

    /** The built-in peer at {@code endpoint}, if one listens there. */
    Optional<String> peerAt(io.sockscope.inspector.flow.Endpoint endpoint) {
        String exact = peerAddresses.get(key(endpoint));
        return Optional.ofNullable(exact != null ? exact
                : peerAddresses.get(WILDCARD + ":" + endpoint.port() + "/" + endpoint.ipVersion()));
    }

    /**
     * The socket whose connect() sent this SYN, while its local port is not known yet (it is
     * chosen inside connect()): a running connect to the SYN's destination from a socket with
     * no known local endpoint. The socket is then matched by this 4-tuple.
     */
    Optional<SocketBook> connecting(Segment syn) {
        if (!syn.has(TcpFlags.SYN) || syn.has(TcpFlags.ACK)) {
            return Optional.empty();
        }
        for (CallInfo c : connecting) {
            if (c.book != null && c.book.local == null && targets(c, syn.destination())) {
                locate(c.book, Optional.of(engineEndpoint(syn.source())),
                        Optional.of(engineEndpoint(syn.destination())));
                return Optional.of(c.book);
            }
        }
        return Optional.empty();
    }

    private static boolean targets(CallInfo connect, io.sockscope.inspector.flow.Endpoint dst) {
        if (!(connect.args.get("port") instanceof Number port) || port.intValue() != dst.port()) {
            return false;
        }
        String host = String.valueOf(connect.args.get("host"));
        boolean literal = host.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == '.'
                || ch == ':');
        return !literal || normalized(host).equals(dst.host());
    }

    /** The TCP ports the capture filter needs: every socket's, peer's and connect target's. */
    Set<Integer> ports() {
        Set<Integer> ports = new TreeSet<>();
        for (SocketBook book : sockets.values()) {
            if (book.released) {
                continue;
            }
            if (book.local != null && book.local.port() != 0) {
                ports.add(book.local.port());
            }
            if (book.remote != null && book.remote.port() != 0) {
                ports.add(book.remote.port());
            }
        }
        for (PeerBook peer : peers.values()) {
            ports.add(peer.endpoint().port());
        }
        for (CallInfo c : connecting) {
            if (c.args.get("port") instanceof Number port && port.intValue() > 0
                    && port.intValue() <= 0xffff) {
                ports.add(port.intValue());
            }
        }
        return ports;
    }

    /** Records where {@code book} is, as far as the call tells, and indexes it by its 4-tuple. */
    void locate(SocketBook book, Optional<Endpoint> local, Optional<Endpoint> remote) {
        local.ifPresent(e -> book.local = e);
        remote.ifPresent(e -> book.remote = e);
        index(book);
    }

    private void index(SocketBook book) {
        if (book.local != null && book.remote != null && !book.listening) {
            byTuple.put(key(book.local) + ">" + key(book.remote), book);
        }
        if (book.listening && book.local != null) {
            listeners.put(isWildcard(book.local.host())
                    ? WILDCARD + ":" + book.local.port() + "/" + (book.local.host().contains(":") ? 6 : 4)
                    : key(book.local), book);
        }
    }

    static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::");
    }

    static String key(Endpoint e) {
        return normalized(e.host()) + ":" + e.port();
    }

    static String key(io.sockscope.inspector.flow.Endpoint e) {
        return e.host() + ":" + e.port();
    }

    /** IPv4-mapped IPv6 addresses ({@code ::ffff:127.0.0.1}) travel as IPv4 on the wire. */
    static String normalized(String host) {
        return host.startsWith("::ffff:") && host.indexOf('.') > 0 ? host.substring(7) : host;
    }

    static Endpoint engineEndpoint(io.sockscope.inspector.flow.Endpoint e) {
        return new Endpoint(e.host(), e.port());
    }
}

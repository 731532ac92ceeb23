package io.sockscope.engine;

import io.sockscope.engine.EngineEvent.CallStarted;
import io.sockscope.engine.peer.Peer;
import io.sockscope.engine.peer.PeerKind;
import io.sockscope.engine.peer.PeerStart;
import io.sockscope.engine.posix.Cancellation;
import io.sockscope.engine.posix.IoResult;
import io.sockscope.engine.posix.Linux;
import io.sockscope.engine.posix.NativeSocket;
import io.sockscope.engine.posix.Poller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A session: the sockets it opened (by name), the built-in peers it runs, the call counter and
 * the listeners that see every call. Closing it closes every socket and stops every peer.
 *
 * <p>Calls are numbered from 1 in the order they start, across all sockets. Any method may be
 * called from any thread; a blocking call can be ended from another thread with
 * {@link #cancel(long)} (its id comes with {@link CallStarted}) or {@link #cancelAll()}, or by
 * interrupting the thread that waits.
 */
public final class Engine implements AutoCloseable {
    private final Poller poller = Poller.start();
    private final AtomicLong ids = new AtomicLong();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final Map<String, Sock> socks = new LinkedHashMap<>();
    private final Set<String> reserved = new HashSet<>();
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private volatile boolean closed;

    private record Running(CallStarted started, Cancellation cancellation) {
    }

    /** What a call's body came to; the engine adds ids, times and endpoints. */
    record Done(CallResult result, Optional<Failure> failure, Optional<Closing> closing,
                Optional<Sock.Endpoints> endpoints) {

        static Done value(CallResult result) {
            return new Done(result, Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Done failed(Failure failure) {
            return new Done(new CallResult.NoResult(), Optional.of(failure), Optional.empty(), Optional.empty());
        }

        static Done failed(Failure failure, Optional<CallResult> partial) {
            return new Done(partial.orElseGet(CallResult.NoResult::new), Optional.of(failure), Optional.empty(),
                    Optional.empty());
        }

        static Done of(Optional<Failure> failure) {
            return new Done(new CallResult.NoResult(), failure, Optional.empty(), Optional.empty());
        }
    }

    /** A session with no sockets yet; its calls' code paths are warmed first ({@link #warmUp}). */
    public Engine() {
        warmUp();
    }

    /**
     * Runs each call once on a throwaway loopback connection before the session begins, while no
     * listener is there to see it. The first time the JVM runs a call's path it links and compiles
     * it, 5–10 ms for each kind of call: a session's first bind() or connect() would otherwise be
     * timed at that rather than at what the kernel took. The client aborts (SO_LINGER 0), so no
     * TIME_WAIT is left behind; the call counter starts again at 1 and no name stays taken.
     */
    private void warmUp() {
        String server = "\0warm-server";
        String client = "\0warm-client";
        String accepted = "\0warm-accepted";
        socket(server, Family.INET);
        socket(client, Family.INET);
        sock(server).ifPresent(listener -> {
            listener.setsockopt(SockOpt.SO_REUSEADDR, new OptValue.IntValue(1));
            if (!listener.bind("127.0.0.1", 0).ok() || !listener.listen(1).ok()) {
                return;
            }
            if (listener.getsockname().result() instanceof CallResult.Address(Endpoint local)) {
                sock(client).ifPresent(c -> {
                    c.settimeout(OptionalDouble.of(2.0));
                    if (!c.connect(local.host(), local.port()).ok()) {
                        return;
                    }
                    listener.settimeout(OptionalDouble.of(2.0));
                    listener.accept(accepted);
                    c.getpeername();
                    c.getsockopt(SockOpt.TCP_NODELAY);
                    c.send(new byte[] {'w'});
                    c.sendall(new byte[] {'w'});
                    sock(accepted).ifPresent(a -> {
                        a.recv(2);
                        a.shutdown(Sock.How.SHUT_WR);
                        a.close();
                    });
                    c.setsockopt(SockOpt.SO_LINGER, new OptValue.Linger(true, 0));
                });
            }
        });
        sock(client).ifPresent(Sock::close);
        sock(server).ifPresent(Sock::close);
        synchronized (this) {
            socks.clear();
            reserved.clear();
        }
        ids.set(0);
    }

    public void addListener(EngineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EngineListener listener) {
        listeners.remove(listener);
    }

    /** socket(family, SOCK_STREAM), registered as {@code name}; fails if an open socket has that name. */
    public CallEvent socket(String name, Family family) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("family", family.pythonName());
        args.put("type", "SOCK_STREAM");
        return call(name, Op.SOCKET, args, null, cancellation -> {
            if (closed) {
                return Done.failed(Failure.os(Linux.EBADF));
            }
            if (!reserve(name)) {
                return Done.failed(new Failure.NameInUse(name));
            }
            return switch (NativeSocket.open(poller, family)) {
                case IoResult.Ok<NativeSocket>(NativeSocket socket) -> {
                    register(name, socket);
                    yield Done.value(new CallResult.Fd(socket.fd()));
                }
                case IoResult.Failed<NativeSocket> failed -> {
                    unreserve(name);
                    yield Done.failed(failed.failure());
                }
            };
        });
    }

    /** The socket called {@code name}, open or closed (a closed one until its name is reused). */
    public synchronized Optional<Sock> sock(String name) {
        return Optional.ofNullable(socks.get(name));
    }

    /** The open sockets, oldest first. */
    public synchronized List<Sock> sockets() {
        return socks.values().stream().filter(Sock::isOpen).toList();
    }

    /** Gives socket {@code from} the name {@code to}; false if there is no such socket or an open one has {@code to}. */
    public synchronized boolean rename(String from, String to) {
        Sock sock = socks.get(from);
        if (sock == null || !nameFree(to)) {
            return false;
        }
        socks.remove(from);
        socks.put(to, sock);
        sock.rename(to);
        return true;
    }

    /** Cancels running call {@code callId} (see {@link Failure.Cancelled}); false if it is not running. */
    public boolean cancel(long callId) {
        Running call = running.get(callId);
        return call != null && call.cancellation().cancel();
    }

    /** Cancels every running call; returns how many were cancelled. */
    public int cancelAll() {
        int count = 0;
        for (Running call : running.values()) {
            count += call.cancellation().cancel() ? 1 : 0;
        }
        return count;
    }

    /** The calls running now, oldest first. */
    public List<CallStarted> runningCalls() {
        return running.values().stream().map(Running::started).sorted(Comparator.comparingLong(CallStarted::id))
                .toList();
    }

    /**
     * Starts a built-in peer called {@code name} on {@code host:port} (port 0: ephemeral;
     * {@link Peer#endpoint()} has the bound port). An IPv6 host makes an IPv6 listener.
     */
    public PeerStart serve(String name, PeerKind kind, String host, int port) {
        synchronized (peers) {
            if (closed) {
                return new PeerStart.NotStarted(Failure.os(Linux.EBADF));
            }
            if (peers.containsKey(name)) {
                return new PeerStart.NotStarted(new Failure.NameInUse(name));
            }
            Family family = host.indexOf(':') >= 0 ? Family.INET6 : Family.INET;
            PeerStart start = Peer.start(name, kind, family, host, port, poller, this::emit);
            if (start instanceof PeerStart.Started(Peer peer)) {
                peers.put(name, peer);
            }
            return start;
        }
    }

    /** Stops the peer called {@code name}; false if there is none. */
    public boolean stopPeer(String name) {
        Peer peer;
        synchronized (peers) {
            peer = peers.remove(name);
        }
        if (peer == null) {
            return false;
        }
        peer.stop();
        return true;
    }

    public Optional<Peer> peer(String name) {
        synchronized (peers) {
            return Optional.ofNullable(peers.get(name));
        }
    }

    /** The running peers, oldest first. */
    public List<Peer> peers() {
        synchronized (peers) {
            return List.copyOf(peers.values());
        }
    }

    /**
     * Ends the session: stops every peer, closes every open socket (without call events: no one
     * is listening any more), ends any wait still running (those calls fail with EBADF) and joins
     * the poller thread.
     */
    @Override
    public void close() {
        List<Peer> stopping;
        synchronized (peers) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = new ArrayList<>(peers.values());
            peers.clear();
        }
        stopping.forEach(Peer::stop);
        sockets().forEach(Sock::release);
        poller.close();
    }

    CallEvent call(String socket, Op op, Map<String, Object> args, Sock target, Function<Cancellation, Done> body) {
        long id = ids.incrementAndGet();
        Cancellation cancellation = new Cancellation();
        CallStarted started = new CallStarted(id, socket, op, args, nowMicros());
        Done done;
        long start;
        long end;
        running.put(id, new Running(started, cancellation));
        try {
            emit(started);
            // the call's own time starts once the listeners have seen it start (a live
            // inspector widens its capture filter for a connect() there): its duration is the
            // kernel's, not theirs
            start = nowMicros();
            done = body.apply(cancellation);
            end = nowMicros();
        } finally {
            running.remove(id);
        }
        Sock.Endpoints endpoints = done.endpoints()
                .orElseGet(() -> target == null ? Sock.Endpoints.NONE : target.endpoints());
        CallEvent event = new CallEvent(id, socket, op, args, start, end, done.result(), done.failure(),
                endpoints.local(), endpoints.remote(), done.closing());
        emit(event);
        return event;
    }

    synchronized boolean reserve(String name) {
        if (!nameFree(name)) {
            return false;
        }
        reserved.add(name);
        return true;
    }

    synchronized void unreserve(String name) {
        reserved.remove(name);
    }

    synchronized Sock register(String name, NativeSocket socket) {
        Sock sock = new Sock(this, name, socket);
        reserved.remove(name);
        socks.remove(name);
        socks.put(name, sock);
        return sock;
    }

    private boolean nameFree(String name) {
        Sock holder = socks.get(name);
        return !reserved.contains(name) && (holder == null || !holder.isOpen());
    }

    private void emit(EngineEvent event) {
        for (EngineListener listener : listeners) {
            listener.onEvent(event);
        }
    }

    /** CLOCK_REALTIME in µs since the epoch (Instant.now() reads it on Linux). */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}

package io.sockscope.engine.peer;

import io.sockscope.engine.Endpoint;
import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.Failure;
import io.sockscope.engine.Family;
import io.sockscope.engine.OptValue;
import io.sockscope.engine.posix.Cancellation;
import io.sockscope.engine.posix.IoResult;
import io.sockscope.engine.posix.Linux;
import io.sockscope.engine.posix.NativeSocket;
import io.sockscope.engine.posix.Poller;
import io.sockscope.engine.posix.Resolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A built-in server running inside the session: a listener and one virtual thread per client,
 * all on the posix layer, so its socket work makes no CallEvents (it reports its life as
 * {@link EngineEvent} peer events instead).
 *
 * <p>Lifetime: {@link #start} binds (with SO_REUSEADDR, so a restarted peer is not kept off its
 * port by TIME_WAIT) and listens; {@link #stop()} cancels every wait of the peer, lets each client
 * thread close its connection, joins all threads and closes the listener. Nothing outlives stop.
 */
public final class Peer {
    /** Listen backlog of every peer. */
    public static final int BACKLOG = 128;

    private final String name;
    private final PeerKind kind;
    private final NativeSocket listener;
    private final Endpoint endpoint;
    private final Consumer<EngineEvent> events;
    private final Cancellation stopping = new Cancellation();
    private final Map<Thread, PeerConnection> clients = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile boolean stopped;

    private Peer(String name, PeerKind kind, NativeSocket listener, Endpoint endpoint, Consumer<EngineEvent> events) {
        this.name = name;
        this.kind = kind;
        this.listener = listener;
        this.endpoint = endpoint;
        this.events = events;
        this.acceptor = Thread.ofVirtual().name("sockscope-peer-" + name + "-accept").unstarted(this::acceptLoop);
    }

    /**
     * Starts a peer listening on {@code host:port} (port 0: an ephemeral port; see
     * {@link #endpoint()}), reporting to {@code events}.
     */
    public static PeerStart start(String name, PeerKind kind, Family family, String host, int port, Poller poller,
                                  Consumer<EngineEvent> events) {
        IoResult<byte[]> address = Resolver.resolve(family, host);
        if (address instanceof IoResult.Failed<byte[]> failed) {
            return new PeerStart.NotStarted(failed.failure());
        }
        if (port < 0 || port > 0xffff) {
            return new PeerStart.NotStarted(new Failure.BadArgument(Failure.PythonException.OVERFLOW_ERROR,
                    "bind(): port must be 0-65535."));
        }
        IoResult<NativeSocket> opened = NativeSocket.open(poller, family);
        if (!(opened instanceof IoResult.Ok<NativeSocket>(NativeSocket listener))) {
            return new PeerStart.NotStarted(((IoResult.Failed<NativeSocket>) opened).failure());
        }
        Optional<Failure> failure = listener.setOption(Linux.SOL_SOCKET, Linux.SO_REUSEADDR,
                        new OptValue.IntValue(1).toBytes())
                .or(() -> listener.bind(((IoResult.Ok<byte[]>) address).value(), port))
                .or(() -> listener.listen(BACKLOG));
        IoResult<Endpoint> bound = listener.localEndpoint();
        if (failure.isPresent() || bound instanceof IoResult.Failed<Endpoint>) {
            listener.close();
            return new PeerStart.NotStarted(failure.orElseGet(() -> ((IoResult.Failed<Endpoint>) bound).failure()));
        }
        Peer peer = new Peer(name, kind, listener, ((IoResult.Ok<Endpoint>) bound).value(), events);
        events.accept(new EngineEvent.PeerStarted(name, kind, peer.endpoint));
        peer.acceptor.start();
        return new PeerStart.Started(peer);
    }

    public String name() {
        return name;
    }

    public PeerKind kind() {
        return kind;
    }

    /** The address the peer listens on, with the port the kernel chose for port 0. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The connections open now (peer end, client end). */
    public List<PeerConnection> connections() {
        return List.copyOf(clients.values());
    }

    public boolean isRunning() {
        return !stopped;
    }

    private void acceptLoop() {
        while (true) {
            IoResult<NativeSocket.Accepted> accepted = listener.accept(stopping);
            switch (accepted) {
                case IoResult.Ok<NativeSocket.Accepted>(NativeSocket.Accepted(NativeSocket socket, Endpoint client)) ->
                        serve(socket, client);
                case IoResult.Failed<NativeSocket.Accepted> failed -> {
                    if (!worthRetrying(failed.failure())) {
                        return;
                    }
                }
            }
        }
    }

    /** ECONNABORTED: a client gave up before accept; keep accepting. */
    private static boolean worthRetrying(Failure failure) {
        return failure instanceof Failure.OsError os && os.errno().name().equals("ECONNABORTED");
    }

    private void serve(NativeSocket socket, Endpoint client) {
        Endpoint local = socket.localEndpoint() instanceof IoResult.Ok<Endpoint>(Endpoint e) ? e : endpoint;
        PeerConnection connection = new PeerConnection(local, client);
        Thread thread = Thread.ofVirtual().name("sockscope-peer-" + name + "-" + client.port()).unstarted(() -> {
            try {
                PeerLoops.run(kind, socket, stopping);
            } finally {
                socket.close();
                clients.remove(Thread.currentThread());
                events.accept(new EngineEvent.PeerDisconnected(name, local, client));
            }
        });
        clients.put(thread, connection);
        events.accept(new EngineEvent.PeerConnected(name, local, client));
        thread.start();
    }

    /** Closes the listener and every connection, and joins every thread of the peer. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopping.cancel();
        join(acceptor);
        clients.keySet().forEach(Peer::join);
        listener.close();
        events.accept(new EngineEvent.PeerStopped(name));
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

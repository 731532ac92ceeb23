package io.sockscope.engine;

import io.sockscope.engine.Failure.PythonException;
import io.sockscope.engine.kernel.KernelProbe;
import io.sockscope.engine.kernel.KernelState;
import io.sockscope.engine.kernel.KernelView;
import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.posix.Cancellation;
import io.sockscope.engine.posix.IoResult;
import io.sockscope.engine.posix.Linux;
import io.sockscope.engine.posix.NativeSocket;
import io.sockscope.engine.posix.Resolver;
import io.sockscope.engine.posix.Sockaddr;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One user socket of a session, with the methods of a Python socket object. Each method makes
 * exactly one call: it is announced ({@link EngineEvent.CallStarted}), performed on the real
 * socket as Python would perform it, and returned and emitted as a {@link CallEvent}. Failures
 * are in the event, never thrown.
 *
 * <p>A Sock outlives its close(), as a Python socket object does: later calls fail with EBADF,
 * fileno() returns -1, close() again does nothing. Methods may be called from several threads at
 * once (a background recv while the shell goes on); a blocking call on one thread ends with EBADF
 * when another thread closes the socket.
 */
public final class Sock {
    /** Python's listen() default backlog: min(SOMAXCONN, 128). */
    public static final int DEFAULT_BACKLOG = 128;
    /** Largest buffer one recv() allocates; the kernel never returns more from one recv. */
    public static final int MAX_RECV_BUFFER = 16 * 1024 * 1024;
    /** recv until EOF stops (with {@code eof} false) after this many bytes. */
    public static final long RECV_UNTIL_EOF_LIMIT = 64L * 1024 * 1024;

    private final Engine engine;
    private final NativeSocket socket;
    private volatile String name;
    private volatile Endpoints lastSeen = Endpoints.NONE;

    Sock(Engine engine, String name, NativeSocket socket) {
        this.engine = engine;
        this.name = name;
        this.socket = socket;
    }

    /** The name calls are reported under. */
    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    public Family family() {
        return socket.family();
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Python's gettimeout(): empty for None (blocking), 0.0 for non-blocking, else seconds. */
    public OptionalDouble timeout() {
        long nanos = socket.timeoutNanos();
        return nanos == NativeSocket.BLOCKING ? OptionalDouble.empty() : OptionalDouble.of(nanos / 1e9);
    }

    /**
     * The local endpoint last seen by a call: kept after the connection ends and after close, for
     * looking the connection up in the kernel's table.
     */
    public Optional<Endpoint> lastLocal() {
        return lastSeen.local();
    }

    /** The remote endpoint last seen by a call (kept after close). */
    public Optional<Endpoint> lastRemote() {
        return lastSeen.remote();
    }

    /** The kernel's view now (TCP state, queues, RTT); empty once closed. Makes no event. */
    public Optional<KernelView> kernelView() {
        return KernelProbe.read(socket);
    }

    /**
     * The kernel's view whether or not the socket is open: once closed, the connection looked up
     * by its last 4-tuple in /proc/net/tcp (TIME_WAIT and its timer, for instance).
     */
    public KernelState kernelState() {
        Optional<KernelView> view = kernelView();
        if (view.isPresent()) {
            return new KernelState.Open(view.get());
        }
        Endpoints last = lastSeen;
        if (last.local().isEmpty() || last.remote().isEmpty()) {
            return new KernelState.Gone();
        }
        return ProcNetTcp.find(last.local().get(), last.remote().get())
                .<KernelState>map(KernelState.Lingering::new)
                .orElseGet(KernelState.Gone::new);
    }

    /** bind((host, port)). */
    public CallEvent bind(String host, int port) {
        return call(Op.BIND, address(host, port), cancellation -> {
            IoResult<byte[]> address = resolve(host, port, "bind");
            if (address instanceof IoResult.Failed<byte[]> failed) {
                return Engine.Done.failed(failed.failure());
            }
            return Engine.Done.of(socket.bind(((IoResult.Ok<byte[]>) address).value(), port));
        });
    }

    /** listen(backlog); Python treats a negative backlog as 0. */
    public CallEvent listen(int backlog) {
        return call(Op.LISTEN, args("backlog", backlog),
                cancellation -> Engine.Done.of(socket.listen(Math.max(0, backlog))));
    }

    /** accept(): the new socket is registered as {@code newName}, in blocking mode. */
    public CallEvent accept(String newName) {
        return call(Op.ACCEPT, args("as", newName), cancellation -> {
            if (!engine.reserve(newName)) {
                return Engine.Done.failed(new Failure.NameInUse(newName));
            }
            IoResult<NativeSocket.Accepted> accepted = socket.accept(cancellation);
            if (accepted instanceof IoResult.Ok<NativeSocket.Accepted>(NativeSocket.Accepted(NativeSocket conn, Endpoint peer))) {
                Sock sock = engine.register(newName, conn);
                Endpoint local = sock.endpoints().local().orElse(peer);
                sock.lastSeen = new Endpoints(Optional.of(local), Optional.of(peer));
                return Engine.Done.value(new CallResult.Accepted(newName, peer, local));
            }
            engine.unreserve(newName);
            return Engine.Done.failed(((IoResult.Failed<NativeSocket.Accepted>) accepted).failure());
        });
    }

    /** connect((host, port)): fails as Python's connect raises. */
    public CallEvent connect(String host, int port) {
        return connect(Op.CONNECT, host, port);
    }

    /** connect_ex((host, port)): the errno as a {@link CallResult.ErrorCode} instead of a failure. */
    public CallEvent connectEx(String host, int port) {
        return connect(Op.CONNECT_EX, host, port);
    }

    private CallEvent connect(Op op, String host, int port) {
        return call(op, address(host, port), cancellation -> {
            IoResult<byte[]> address = resolve(host, port, op.wireName());
            if (address instanceof IoResult.Failed<byte[]> failed) {
                return Engine.Done.failed(failed.failure());
            }
            byte[] bytes = ((IoResult.Ok<byte[]>) address).value();
            AtomicReference<Endpoints> atOutcome = new AtomicReference<>(Endpoints.NONE);
            Optional<Failure> failure = socket.connect(bytes, port, cancellation,
                    () -> atOutcome.set(endpoints()));
            Endpoints now = atOutcome.get();
            Endpoints seen = now.remote().isPresent() || !socket.isOpen() ? now
                    : new Endpoints(now.local(), Optional.of(new Endpoint(Sockaddr.text(family(), bytes), port)));
            if (op == Op.CONNECT) {
                return new Engine.Done(new CallResult.NoResult(), failure, Optional.empty(), Optional.of(seen));
            }
            Optional<Integer> code = failure.isEmpty() ? Optional.of(0) : connectExCode(failure.get());
            return code.isPresent()
                    ? new Engine.Done(new CallResult.ErrorCode(code.get()), Optional.empty(), Optional.empty(), Optional.of(seen))
                    : new Engine.Done(new CallResult.NoResult(), failure, Optional.empty(), Optional.of(seen));
        });
    }

    /**
     * What connect_ex returns instead of raising: an errno, or EAGAIN for a timeout (CPython's
     * SOCK_TIMEOUT_ERR). Empty for what it still raises (KeyboardInterrupt, gaierror...).
     */
    private static Optional<Integer> connectExCode(Failure failure) {
        return switch (failure) {
            case Failure.OsError os -> Optional.of(os.errno().number());
            case Failure.TimedOut _ -> Optional.of(Linux.EAGAIN);
            case Failure.Cancelled _, Failure.AddressError _, Failure.BadArgument _, Failure.NameInUse _ ->
                    Optional.empty();
        };
    }

    /** send(data): may send less than asked (see {@link NativeSocket#send}). */
    public CallEvent send(byte[] data) {
        return call(Op.SEND, data(data), cancellation -> switch (socket.send(data, cancellation)) {
            case IoResult.Ok<Long>(Long sent) -> Engine.Done.value(new CallResult.Sent(sent, data.length));
            case IoResult.Failed<Long>(Failure failure, Optional<Long> partial) -> Engine.Done.failed(failure,
                    partial.<CallResult>map(sent -> new CallResult.Sent(sent, data.length)));
        });
    }

    /** sendall(data). */
    public CallEvent sendall(byte[] data) {
        return call(Op.SENDALL, data(data), cancellation -> switch (socket.sendall(data, cancellation)) {
            case IoResult.Ok<Long>(Long sent) -> Engine.Done.value(new CallResult.SentAll(sent));
            case IoResult.Failed<Long>(Failure failure, Optional<Long> partial) ->
                    Engine.Done.failed(failure, Optional.of(new CallResult.SentAll(partial.orElse(0L))));
        });
    }

    /** recv(bufsize). */
    public CallEvent recv(int bufsize) {
        return call(Op.RECV, args("bufsize", bufsize), cancellation -> {
            if (bufsize < 0) {
                return Engine.Done.failed(new Failure.BadArgument(PythonException.VALUE_ERROR,
                        "negative buffersize in recv"));
            }
            return switch (socket.recv(Math.min(bufsize, MAX_RECV_BUFFER), cancellation)) {
                case IoResult.Ok<byte[]>(byte[] data) ->
                        Engine.Done.value(new CallResult.Received(data, data.length == 0 && bufsize > 0));
                case IoResult.Failed<byte[]> failed -> Engine.Done.failed(failed.failure());
            };
        });
    }

    /** recv(bufsize) repeated until EOF, as one call: the tutorial's "read until done" loop. */
    public CallEvent recvUntilEof(int bufsize) {
        Map<String, Object> args = args("bufsize", bufsize);
        args.put("until_eof", true);
        return call(Op.RECV, args, cancellation -> {
            if (bufsize <= 0) {
                return Engine.Done.failed(new Failure.BadArgument(PythonException.VALUE_ERROR,
                        bufsize < 0 ? "negative buffersize in recv" : "recv until EOF needs a buffer size above 0"));
            }
            return switch (socket.recvUntilEof(Math.min(bufsize, MAX_RECV_BUFFER), RECV_UNTIL_EOF_LIMIT, cancellation)) {
                case IoResult.Ok<NativeSocket.Drained>(NativeSocket.Drained drained) ->
                        Engine.Done.value(new CallResult.Received(drained.data(), drained.eof()));
                case IoResult.Failed<NativeSocket.Drained>(Failure failure, Optional<NativeSocket.Drained> partial) ->
                        Engine.Done.failed(failure,
                                partial.map(drained -> new CallResult.Received(drained.data(), false)));
            };
        });
    }

    /** shutdown(how). */
    public CallEvent shutdown(How how) {
        return call(Op.SHUTDOWN, args("how", how.name()), cancellation -> Engine.Done.of(socket.shutdown(how.number())));
    }

    /**
     * close(): records the unread bytes and SO_LINGER first (see {@link Closing}); a second
     * close does nothing, as in Python.
     */
    public CallEvent close() {
        return call(Op.CLOSE, new LinkedHashMap<>(), cancellation -> {
            if (!socket.isOpen()) {
                return new Engine.Done(new CallResult.NoResult(), Optional.empty(), Optional.empty(),
                        Optional.of(Endpoints.NONE));
            }
            Endpoints before = lastSeen.updatedBy(endpoints());
            Closing closing = new Closing(KernelProbe.unreadBytes(socket), linger());
            lastSeen = before;
            Optional<Failure> failure = socket.close();
            return new Engine.Done(new CallResult.NoResult(), failure, Optional.of(closing), Optional.of(before));
        });
    }

    private OptValue.Linger linger() {
        IoResult<byte[]> bytes = socket.bytesOption(SockOpt.SO_LINGER.level().number(), SockOpt.SO_LINGER.number(), 8);
        return bytes instanceof IoResult.Ok<byte[]>(byte[] value) && value.length == 8
                ? OptValue.Linger.of(value)
                : new OptValue.Linger(false, 0);
    }

    /** setsockopt(level, option, value); the value's bytes reach the kernel as they are. */
    public CallEvent setsockopt(SockOpt option, OptValue value) {
        Map<String, Object> args = option(option);
        args.put("value", value.toArgument());
        return call(Op.SETSOCKOPT, args, cancellation ->
                Engine.Done.of(socket.setOption(option.level().number(), option.number(), value.toBytes())));
    }

    /** getsockopt(level, option): an int, as Python reads it. */
    public CallEvent getsockopt(SockOpt option) {
        return call(Op.GETSOCKOPT, option(option), cancellation -> {
            long value = socket.intOption(option.level().number(), option.number());
            return value < 0
                    ? Engine.Done.failed(Failure.os((int) -value))
                    : Engine.Done.value(new CallResult.Option(new OptValue.IntValue((int) value)));
        });
    }

    /** getsockopt(level, option, buflen): the raw bytes; Python allows 1–1024. */
    public CallEvent getsockopt(SockOpt option, int buflen) {
        Map<String, Object> args = option(option);
        args.put("buflen", buflen);
        return call(Op.GETSOCKOPT, args, cancellation -> {
            if (buflen <= 0 || buflen > 1024) {
                return Engine.Done.failed(new Failure.BadArgument(PythonException.OS_ERROR,
                        "getsockopt buflen out of range"));
            }
            return switch (socket.bytesOption(option.level().number(), option.number(), buflen)) {
                case IoResult.Ok<byte[]>(byte[] bytes) -> Engine.Done.value(new CallResult.Option(new OptValue.Raw(bytes)));
                case IoResult.Failed<byte[]> failed -> Engine.Done.failed(failed.failure());
            };
        });
    }

    /**
     * settimeout(seconds): empty is None (blocking), 0 non-blocking, above 0 a timeout per call.
     * Rejects what Python rejects (negative, NaN, too large) with Python's messages.
     */
    public CallEvent settimeout(OptionalDouble seconds) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("seconds", seconds.isPresent() ? seconds.getAsDouble() : null);
        return call(Op.SETTIMEOUT, args, cancellation -> {
            if (seconds.isEmpty()) {
                return setMode(NativeSocket.BLOCKING);
            }
            double value = seconds.getAsDouble();
            if (Double.isNaN(value)) {
                return Engine.Done.failed(new Failure.BadArgument(PythonException.VALUE_ERROR,
                        "Invalid value NaN (not a number)"));
            }
            if (value < 0) {
                return Engine.Done.failed(new Failure.BadArgument(PythonException.VALUE_ERROR,
                        "Timeout value out of range"));
            }
            if (value * 1e9 >= Long.MAX_VALUE) {
                return Engine.Done.failed(new Failure.BadArgument(PythonException.OVERFLOW_ERROR,
                        "timestamp out of range for platform time_t"));
            }
            return setMode(value == 0 ? NativeSocket.NON_BLOCKING : Math.max(1, (long) Math.ceil(value * 1e9)));
        });
    }

    /** setblocking(flag): True is settimeout(None), False is settimeout(0). */
    public CallEvent setblocking(boolean flag) {
        return call(Op.SETBLOCKING, args("flag", flag),
                cancellation -> setMode(flag ? NativeSocket.BLOCKING : NativeSocket.NON_BLOCKING));
    }

    /** Python sets the mode even on a closed socket, then fails with EBADF. */
    private Engine.Done setMode(long timeoutNanos) {
        socket.setTimeoutNanos(timeoutNanos);
        return socket.isOpen() ? Engine.Done.value(new CallResult.NoResult())
                : Engine.Done.failed(Failure.os(Linux.EBADF));
    }

    /** getsockname(). */
    public CallEvent getsockname() {
        return call(Op.GETSOCKNAME, new LinkedHashMap<>(), cancellation -> address(socket.localEndpoint()));
    }

    /** getpeername(); ENOTCONN while not connected. */
    public CallEvent getpeername() {
        return call(Op.GETPEERNAME, new LinkedHashMap<>(), cancellation -> address(socket.remoteEndpoint()));
    }

    /** fileno(): -1 once closed. */
    public CallEvent fileno() {
        return call(Op.FILENO, new LinkedHashMap<>(), cancellation -> Engine.Done.value(new CallResult.Fd(socket.fd())));
    }

    private static Engine.Done address(IoResult<Endpoint> endpoint) {
        return switch (endpoint) {
            case IoResult.Ok<Endpoint>(Endpoint e) -> Engine.Done.value(new CallResult.Address(e));
            case IoResult.Failed<Endpoint> failed -> Engine.Done.failed(failed.failure());
        };
    }

    private CallEvent call(Op op, Map<String, Object> args, Function<Cancellation, Engine.Done> body) {
        CallEvent event = engine.call(name, op, args, this, body);
        if (socket.isOpen()) {
            lastSeen = lastSeen.updatedBy(new Endpoints(event.local(), event.remote()));
        }
        return event;
    }

    /** Closes the fd without a call or event (the session is ending). */
    void release() {
        socket.close();
    }

    /** The endpoints now: local empty while unbound (port 0), remote empty while not connected. */
    Endpoints endpoints() {
        Optional<Endpoint> local = socket.localEndpoint() instanceof IoResult.Ok<Endpoint>(Endpoint e) && e.port() != 0
                ? Optional.of(e) : Optional.empty();
        Optional<Endpoint> remote = socket.remoteEndpoint() instanceof IoResult.Ok<Endpoint>(Endpoint e)
                ? Optional.of(e) : Optional.empty();
        return new Endpoints(local, remote);
    }

    /** Python checks the host (getaddrinfo) before the port. */
    private IoResult<byte[]> resolve(String host, int port, String caller) {
        IoResult<byte[]> address = Resolver.resolve(family(), host);
        if (address instanceof IoResult.Ok<byte[]> && (port < 0 || port > 0xffff)) {
            return IoResult.failed(new Failure.BadArgument(PythonException.OVERFLOW_ERROR,
                    caller + "(): port must be 0-65535."));
        }
        return address;
    }

    private static Map<String, Object> args(String name, Object value) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(name, value);
        return args;
    }

    private static Map<String, Object> address(String host, int port) {
        Map<String, Object> args = args("host", host);
        args.put("port", port);
        return args;
    }

    private static Map<String, Object> data(byte[] data) {
        Map<String, Object> args = args("len", data.length);
        args.put("repr", PythonBytes.repr(data, PythonBytes.ARGUMENT_LIMIT));
        return args;
    }

    private static Map<String, Object> option(SockOpt option) {
        Map<String, Object> args = args("level", option.level().name());
        args.put("option", option.name());
        return args;
    }

    /** A local and a remote endpoint, either possibly absent. */
    record Endpoints(Optional<Endpoint> local, Optional<Endpoint> remote) {
        static final Endpoints NONE = new Endpoints(Optional.empty(), Optional.empty());

        /** These endpoints where {@code now} has none (a connection that ended keeps its last tuple). */
        Endpoints updatedBy(Endpoints now) {
            return new Endpoints(now.local().or(this::local), now.remote().or(this::remote));
        }
    }

    /** shutdown(2)'s {@code how}. */
    public enum How {
        SHUT_RD(0),
        SHUT_WR(1),
        SHUT_RDWR(2);

        private final int number;

        How(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }
    }
}

package io.sockscope.engine.posix;

import static io.sockscope.engine.posix.NativeStructs.SOCKADDR_STORAGE_SIZE;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Failure;
import io.sockscope.engine.Family;
import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntToLongFunction;

/**
 * One TCP socket fd with the three timeout modes of Python's socket objects, built on an fd that
 * is always O_NONBLOCK underneath:
 *
 * <ul>
 *   <li><b>blocking</b> (timeout None): a call that would block waits for readiness with no
 *       deadline; send queues every byte, as the kernel's blocking send does.</li>
 *   <li><b>timeout</b> (&gt; 0): a call waits at most that long per call, then fails with
 *       {@link Failure.TimedOut}; send sends once when writable (it may be short); sendall has
 *       one deadline for all its bytes.</li>
 *   <li><b>non-blocking</b> (0): one system call; EAGAIN and EINPROGRESS are reported as they
 *       are.</li>
 * </ul>
 *
 * <p>Waits go through the {@link Poller} and end early when the call's {@link Cancellation}
 * fires or the socket is closed by another thread. Every system call on the fd runs under a read
 * lock and {@link #close()} takes the write lock, so once close has begun no call can reach a
 * reused fd number: later calls fail with EBADF, as in Python after close().
 *
 * <p>This class makes no events; {@code io.sockscope.engine.Sock} adds them for user sockets and
 * the built-in peers use it directly.
 */
public final class NativeSocket {
    /** Python's timeout None. */
    public static final long BLOCKING = -1;
    /** Python's timeout 0.0. */
    public static final long NON_BLOCKING = 0;

    private final int fd;
    private final Family family;
    private final Poller poller;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final WaiterGroup waits = new WaiterGroup(Readiness.CLOSED);
    private boolean closed;
    private volatile long timeoutNanos = BLOCKING;

    private NativeSocket(int fd, Family family, Poller poller) {
        this.fd = fd;
        this.family = family;
        this.poller = poller;
    }

    /** socket(family, SOCK_STREAM, 0), in blocking mode. */
    public static IoResult<NativeSocket> open(Poller poller, Family family) {
        int fd = Libc.socket(family.number(), Linux.SOCK_STREAM | Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC, 0);
        return fd < 0 ? IoResult.errno(fd) : IoResult.ok(new NativeSocket(fd, family, poller));
    }

    /** A new connection taken from a listener, and the address of its peer. */
    public record Accepted(NativeSocket socket, Endpoint peer) {
    }

    /** What a recv-until-EOF read, and whether it saw EOF (false when it stopped at its limit). */
    public record Drained(byte[] data, boolean eof) {
    }

    public Family family() {
        return family;
    }

    /** The fd number, or -1 once closed (as Python's fileno()). */
    public int fd() {
        lock.readLock().lock();
        try {
            return closed ? -1 : fd;
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean isOpen() {
        return fd() >= 0;
    }

    /** {@link #BLOCKING}, {@link #NON_BLOCKING}, or a timeout in nanoseconds. */
    public long timeoutNanos() {
        return timeoutNanos;
    }

    /** Sets the mode for calls that start afterwards. */
    public void setTimeoutNanos(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Runs {@code call} with the fd while no close can intervene: its result, or -EBADF when the
     * socket is closed. For short, non-blocking system calls only.
     */
    public long withFd(IntToLongFunction call) {
        lock.readLock().lock();
        try {
            return closed ? -Linux.EBADF : call.applyAsLong(fd);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<Failure> bind(byte[] address, int port) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = Sockaddr.encode(arena, family, address, port);
            return failure(withFd(fd -> Libc.bind(fd, sockaddr, (int) sockaddr.byteSize())));
        }
    }

    public Optional<Failure> listen(int backlog) {
        return failure(withFd(fd -> Libc.listen(fd, backlog)));
    }

    public Optional<Failure> shutdown(int how) {
        return failure(withFd(fd -> Libc.shutdown(fd, how)));
    }

    /**
     * connect(2) in the socket's mode. Blocking: EINPROGRESS (or EALREADY, a connection already
     * under way) waits for the outcome, read from SO_ERROR, and then the kernel's socket is left
     * as a blocking connect() leaves it (see {@link #settle}). Timeout: only EINPROGRESS waits,
     * as CPython does, and the socket is left as CPython leaves it (a later connect() on it
     * returns 0 after a success and ECONNABORTED after a failure, as there). Non-blocking:
     * EINPROGRESS is the result. {@code atOutcome} runs once the outcome is known and before
     * the socket is settled (which may reset its local address): the moment to read the
     * endpoints the attempt used.
     */
    public Optional<Failure> connect(byte[] address, int port, Cancellation cancellation,
            Runnable atOutcome) {
        long mode = timeoutNanos;
        long deadline = deadline(mode);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = Sockaddr.encode(arena, family, address, port);
            long result = withFd(fd -> Libc.connect(fd, sockaddr, (int) sockaddr.byteSize()));
            if (result == 0) {
                atOutcome.run();
                return Optional.empty();
            }
            int errno = (int) -result;
            boolean inProgress = errno == Linux.EINPROGRESS || errno == Linux.EINTR;
            boolean wait = mode == BLOCKING ? inProgress || errno == Linux.EALREADY
                    : mode > 0 && inProgress;
            if (!wait) {
                atOutcome.run();
                return Optional.of(Failure.os(errno));
            }
            Readiness readiness = await(Linux.POLLOUT, deadline, cancellation);
            atOutcome.run();
            if (readiness != Readiness.READY) {
                return Optional.of(failure(readiness));
            }
            long error = intOption(Linux.SOL_SOCKET, Linux.SO_ERROR);
            if (error < 0) {
                return failure(error);
            }
            if (mode == BLOCKING) {
                settle(sockaddr);
            }
            if (error == 0 || error == Linux.EISCONN) {
                return Optional.empty();
            }
            return Optional.of(Failure.os((int) error));
        }
    }

    /**
     * After a connect the engine waited for itself (the descriptor is always non-blocking), the
     * kernel still has the socket "connecting": a second connect() would return 0 on a
     * connected socket instead of EISCONN, and ECONNABORTED after a refusal instead of trying
     * again. A blocking connect() ends that state itself; calling connect() once more with the
     * same address does what it does there (connected: the socket becomes connected; failed:
     * the socket is disconnected, ready for another connect()). Its result is that, not news.
     */
    private void settle(MemorySegment sockaddr) {
        withFd(fd -> Libc.connect(fd, sockaddr, (int) sockaddr.byteSize()));
    }

    /** accept4(2) in the socket's mode; the new socket is blocking, as Python makes it. */
    public IoResult<Accepted> accept(Cancellation cancellation) {
        long deadline = deadline(timeoutNanos);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment peer = arena.allocate(SOCKADDR_STORAGE_SIZE);
            MemorySegment length = arena.allocate(JAVA_INT);
            while (true) {
                length.set(JAVA_INT, 0, (int) SOCKADDR_STORAGE_SIZE);
                long accepted = withFd(fd -> Libc.accept4(fd, peer, length, Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC));
                if (accepted >= 0) {
                    Endpoint from = Sockaddr.decode(peer).orElse(new Endpoint("0.0.0.0", 0));
                    return IoResult.ok(new Accepted(new NativeSocket((int) accepted, family, poller), from));
                }
                Optional<Failure> stop = afterEagain(accepted, Linux.POLLIN, deadline, cancellation);
                if (stop.isPresent()) {
                    return IoResult.failed(stop.get());
                }
            }
        }
    }

    /** recv(2) of at most {@code bufferSize} bytes in the socket's mode; empty at EOF. */
    public IoResult<byte[]> recv(int bufferSize, Cancellation cancellation) {
        long deadline = deadline(timeoutNanos);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Math.max(1, bufferSize));
            while (true) {
                long received = withFd(fd -> Libc.recv(fd, buffer, bufferSize, 0));
                if (received >= 0) {
                    return IoResult.ok(buffer.asSlice(0, received).toArray(JAVA_BYTE));
                }
                Optional<Failure> stop = afterEagain(received, Linux.POLLIN, deadline, cancellation);
                if (stop.isPresent()) {
                    return IoResult.failed(stop.get());
                }
            }
        }
    }

    /**
     * recv(bufferSize) repeated until EOF or until {@code limit} bytes were read, each recv with
     * the socket's full timeout (as a Python {@code while chunk := s.recv(n)} loop). A failure
     * carries the bytes read before it.
     */
    public IoResult<Drained> recvUntilEof(int bufferSize, long limit, Cancellation cancellation) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < limit) {
            IoResult<byte[]> chunk = recv((int) Math.min(bufferSize, limit - data.size()), cancellation);
            switch (chunk) {
                case IoResult.Ok<byte[]>(byte[] bytes) -> {
                    if (bytes.length == 0) {
                        return IoResult.ok(new Drained(data.toByteArray(), true));
                    }
                    data.writeBytes(bytes);
                }
                case IoResult.Failed<byte[]> failed -> {
                    return IoResult.failed(failed.failure(), new Drained(data.toByteArray(), false));
                }
            }
        }
        return IoResult.ok(new Drained(data.toByteArray(), false));
    }

    /**
     * send(2) in the socket's mode: blocking queues every byte (waiting for room as needed);
     * timeout waits until writable, then sends once; non-blocking sends once. Returns the bytes
     * sent. A blocking send that fails after queueing some bytes returns that count, as the
     * kernel does; cancelled, it fails and carries the count.
     */
    public IoResult<Long> send(byte[] data, Cancellation cancellation) {
        long mode = timeoutNanos;
        return transmit(data, mode == BLOCKING, deadline(mode), cancellation, mode == BLOCKING);
    }

    /**
     * Python's sendall: send(2) until every byte is queued, with one deadline for the whole call
     * in timeout mode; a non-blocking socket fails with EAGAIN as soon as the buffer is full.
     * A failure carries the bytes queued before it.
     */
    public IoResult<Long> sendall(byte[] data, Cancellation cancellation) {
        return transmit(data, true, deadline(timeoutNanos), cancellation, false);
    }

    private IoResult<Long> transmit(byte[] data, boolean untilAll, long deadline, Cancellation cancellation,
                                    boolean partialOnError) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, buffer, JAVA_BYTE, 0, data.length);
            long sent = 0;
            do {
                long offset = sent;
                long result = withFd(fd -> Libc.send(fd, buffer.asSlice(offset), data.length - offset,
                        Linux.MSG_NOSIGNAL));
                if (result >= 0) {
                    sent += result;
                    continue;
                }
                if (result != -Linux.EINTR && result != -Linux.EAGAIN && partialOnError && sent > 0) {
                    return IoResult.ok(sent);
                }
                Optional<Failure> stop = afterEagain(result, Linux.POLLOUT, deadline, cancellation);
                if (stop.isPresent()) {
                    return sent > 0 ? IoResult.failed(stop.get(), sent) : IoResult.failed(stop.get());
                }
            } while (untilAll ? sent < data.length : sent == 0 && data.length > 0);
            return IoResult.ok(sent);
        }
    }

    /**
     * After a failed non-blocking system call: empty when the caller should try again (EINTR, or
     * EAGAIN and the wait for {@code events} found the socket ready), else the failure to report.
     */
    private Optional<Failure> afterEagain(long result, short events, long deadline, Cancellation cancellation) {
        if (result == -Linux.EINTR) {
            return Optional.empty();
        }
        if (result != -Linux.EAGAIN || deadline == Long.MIN_VALUE) {
            return failure(result);
        }
        Readiness readiness = await(events, deadline, cancellation);
        return readiness == Readiness.READY ? Optional.empty() : Optional.of(failure(readiness));
    }

    /**
     * Waits, with no deadline whatever the socket's mode, until one of {@code events} (POLLIN,
     * POLLOUT, POLLRDHUP...) is ready or an error or hang-up is pending.
     */
    public Readiness awaitReady(short events, Cancellation cancellation) {
        return await(events, Long.MAX_VALUE, cancellation);
    }

    private Readiness await(short events, long deadline, Cancellation cancellation) {
        return poller.await(fd, events, deadline, cancellation, waits);
    }

    /** An int socket option read with getsockopt(2); -errno on failure. */
    public long intOption(int level, int option) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(JAVA_INT);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, (int) JAVA_INT.byteSize());
            long result = withFd(fd -> Libc.getsockopt(fd, level, option, value, length));
            return result < 0 ? result : value.get(JAVA_INT, 0);
        }
    }

    /** getsockopt(2) into a buffer of {@code bufferLength} bytes: the bytes the kernel wrote. */
    public IoResult<byte[]> bytesOption(int level, int option, int bufferLength) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(Math.max(1, bufferLength));
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, bufferLength);
            long result = withFd(fd -> Libc.getsockopt(fd, level, option, value, length));
            return result < 0
                    ? IoResult.errno(result)
                    : IoResult.ok(value.asSlice(0, length.get(JAVA_INT, 0)).toArray(JAVA_BYTE));
        }
    }

    /** setsockopt(2) with {@code value} passed to the kernel exactly as given. */
    public Optional<Failure> setOption(int level, int option, byte[] value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, buffer, JAVA_BYTE, 0, value.length);
            return failure(withFd(fd -> Libc.setsockopt(fd, level, option, buffer, value.length)));
        }
    }

    /** getsockname(2). */
    public IoResult<Endpoint> localEndpoint() {
        return endpoint(true);
    }

    /** getpeername(2); ENOTCONN while not connected. */
    public IoResult<Endpoint> remoteEndpoint() {
        return endpoint(false);
    }

    private IoResult<Endpoint> endpoint(boolean local) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = arena.allocate(SOCKADDR_STORAGE_SIZE);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, (int) SOCKADDR_STORAGE_SIZE);
            long result = withFd(fd -> local
                    ? Libc.getsockname(fd, address, length)
                    : Libc.getpeername(fd, address, length));
            if (result < 0) {
                return IoResult.errno(result);
            }
            return Sockaddr.decode(address)
                    .<IoResult<Endpoint>>map(IoResult::ok)
                    .orElseGet(() -> IoResult.failed(Failure.os(Linux.EINVAL)));
        }
    }

    /**
     * close(2), once: later calls are no-ops, as Python's close(). Waits of other threads on this
     * socket end first ({@link Readiness#CLOSED}, their calls then fail with EBADF), and the
     * poller lets go of the fd, so the kernel acts (FIN or RST) before this returns. ECONNRESET
     * from close is ignored, as CPython ignores it.
     */
    public Optional<Failure> close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return Optional.empty();
            }
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
        waits.fire();
        poller.release(fd);
        int result = Libc.close(fd);
        return result == -Linux.ECONNRESET ? Optional.empty() : failure(result);
    }

    private long deadline(long mode) {
        if (mode == BLOCKING) {
            return Long.MAX_VALUE;
        }
        if (mode == NON_BLOCKING) {
            return Long.MIN_VALUE;
        }
        return System.nanoTime() + mode;
    }

    private static Optional<Failure> failure(long result) {
        return result < 0 ? Optional.of(Failure.os((int) -result)) : Optional.empty();
    }

    private static Failure failure(Readiness readiness) {
        return switch (readiness) {
            case TIMED_OUT -> new Failure.TimedOut();
            case CANCELLED -> new Failure.Cancelled();
            case CLOSED -> Failure.os(Linux.EBADF);
            case READY -> throw new IllegalArgumentException("a ready socket is not a failure");
        };
    }
}

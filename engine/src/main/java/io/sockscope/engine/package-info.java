/**
 * The socket engine: real TCP sockets of the Linux kernel, driven exactly as Python's socket
 * module drives them, with every call reported as an event.
 *
 * <h2>The stack</h2>
 * <pre>
 *   Engine            session: socket names, call ids, listeners, peers; close() ends it all
 *   Sock              one user socket: Python's methods, arguments, results, CallEvents
 *  ────────────────────────────────────────────────────────────────────────────────────────
 *   engine.peer       built-in servers (echo, discard, chargen, sink): posix layer, no CallEvents
 *   engine.kernel     TCP_INFO + SIOCINQ/SIOCOUTQ (KernelView), /proc/net/tcp (ProcNetTcp)
 *   engine.posix      NativeSocket  Python's timeout modes over an always-O_NONBLOCK fd
 *                     Poller        the one thread that waits (poll(2) + eventfd)
 *                     Resolver, Sockaddr, NativeStructs, Libc (every downcall handle), Linux
 *  ────────────────────────────────────────────────────────────────────────────────────────
 *   libc through java.lang.foreign (errno captured per call)  →  the Linux kernel
 * </pre>
 * Each layer uses only the ones below it and the value types of this package ({@link
 * io.sockscope.engine.Endpoint}, {@link io.sockscope.engine.Errno}, {@link
 * io.sockscope.engine.Failure}, {@link io.sockscope.engine.Family}).
 *
 * <h2>Calls and events</h2>
 * Every method of {@link io.sockscope.engine.Sock} and {@link io.sockscope.engine.Engine#socket}
 * is one call: it gets the next id (from 1, session-wide), is announced to listeners as
 * {@link io.sockscope.engine.EngineEvent.CallStarted}, runs, and is returned and announced as a
 * {@link io.sockscope.engine.CallEvent} (start and end in µs of CLOCK_REALTIME, the clock of pcap
 * timestamps; the socket's endpoints when it ended; for close, the unread bytes and SO_LINGER).
 * Failures are values ({@link io.sockscope.engine.Failure}), never exceptions:
 * <ul>
 *   <li>an errno: {@code Failure.OsError} with number, Linux name and strerror message;</li>
 *   <li>a timeout: {@code Failure.TimedOut}, no errno (Python: {@code TimeoutError: timed out});</li>
 *   <li>a cancellation: {@code Failure.Cancelled} (Python: {@code KeyboardInterrupt});</li>
 *   <li>what Python rejects before the kernel: {@code AddressError} (gaierror) and
 *       {@code BadArgument} (ValueError, OverflowError, OSError without errno).</li>
 * </ul>
 *
 * <h2>Timeout modes</h2>
 * As in Python: {@code settimeout(None)} (the default, also for accepted sockets) blocks;
 * {@code settimeout(x > 0)} waits at most x seconds per call (sendall: for the whole call);
 * {@code settimeout(0)} = {@code setblocking(False)} makes one system call and reports EAGAIN or
 * EINPROGRESS. Underneath every fd is O_NONBLOCK and waiting is emulated, so a blocking send
 * queues all its bytes, as the kernel's own blocking send would.
 *
 * <h2>Threads, cancellation, lifetime</h2>
 * <ul>
 *   <li>Any method may be called from any thread, virtual threads included. Waits never happen
 *       inside a native call of the caller: the caller parks on a future while the
 *       {@link io.sockscope.engine.posix.Poller}'s platform thread sits in poll(2), so a waiting
 *       virtual thread does not pin its carrier.</li>
 *   <li>A waiting call ends promptly with {@code Cancelled} when {@link
 *       io.sockscope.engine.Engine#cancel(long)} names its id (from {@code CallStarted}), on
 *       {@link io.sockscope.engine.Engine#cancelAll()}, or when its thread is interrupted. The
 *       socket is left as the kernel has it (a cancelled connect stays in SYN_SENT) and usable.</li>
 *   <li>close() from another thread ends a waiting call on that socket with EBADF; once close
 *       has begun no system call reaches the fd number, which the kernel may reuse.</li>
 *   <li>Listeners run on the calling thread (or a peer's thread): quick, thread-safe, no throws.</li>
 *   <li>{@link io.sockscope.engine.Engine#close()} stops every peer (joining its threads), closes
 *       every socket and joins the poller: no fd, thread or native memory outlives it. Native
 *       memory is only ever allocated in confined arenas closed by the same call.</li>
 *   <li>Two waits cannot be cancelled: a close() with SO_LINGER on (the kernel holds it up to the
 *       linger time) and a getaddrinfo that goes to DNS for a name not in /etc/hosts.</li>
 * </ul>
 */
package io.sockscope.engine;

package io.sockscope.engine.posix;

import static io.sockscope.engine.posix.NativeStructs.POLLFD;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place where the engine waits for sockets: a platform thread in poll(2) over every fd a
 * call is waiting on, plus an eventfd that wakes it when a waiter arrives or leaves.
 *
 * <p>Why a thread of its own: every socket is O_NONBLOCK, and Python's blocking and timeout modes
 * are emulated by waiting for readiness. A poll() made by the waiting call itself would pin a
 * virtual thread's carrier for as long as it waits (a native call cannot unmount) and could only
 * be cancelled through a second fd. Here the caller parks on a future instead: virtual threads
 * unmount, timeouts are the future's, and cancellation, close and interrupts just complete it.
 *
 * <p>Lifetime: {@link #start()} starts the thread, {@link #close()} ends every wait with
 * {@link Readiness#CLOSED}, joins the thread and closes the eventfd. {@link #release(int)} must be
 * called before an fd that may have been waited on is closed: poll(2) holds a reference to each
 * file it polls, so closing an fd it is polling would delay the kernel's close (and its FIN or
 * RST) until poll returned.
 */
public final class Poller implements AutoCloseable {
    private static final long WAKE_VALUE = 1;

    private final int wakeFd;
    private final ConcurrentLinkedQueue<Waiter> arrivals = new ConcurrentLinkedQueue<>();
    private final ReentrantLock pollLock = new ReentrantLock();
    private final Condition pollReturned = pollLock.newCondition();
    private final Set<Integer> polledFds = new HashSet<>();
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;

    private Poller(int wakeFd) {
        this.wakeFd = wakeFd;
        this.thread = Thread.ofPlatform().daemon().name("sockscope-poller").unstarted(this::run);
    }

    /** Starts a poller; fails only when no eventfd can be made (EMFILE, ENFILE, ENOMEM). */
    public static Poller start() {
        int fd = Libc.eventfd(0, Linux.EFD_NONBLOCK | Linux.EFD_CLOEXEC);
        if (fd < 0) {
            throw new IllegalStateException("eventfd failed: " + Libc.strerror(-fd));
        }
        Poller poller = new Poller(fd);
        poller.thread.start();
        return poller;
    }

    /**
     * Waits until {@code fd} has one of {@code events}, the deadline passes, {@code cancellation}
     * fires, the thread is interrupted, or {@code socketWaits} fires (the socket was closed).
     *
     * @param deadlineNanos {@link System#nanoTime()} to give up at, or {@link Long#MAX_VALUE}
     */
    Readiness await(int fd, short events, long deadlineNanos, Cancellation cancellation, WaiterGroup socketWaits) {
        Waiter waiter = new Waiter(fd, events);
        if (!socketWaits.join(waiter)) {
            return Readiness.CLOSED;
        }
        try {
            if (!cancellation.waits().join(waiter)) {
                return Readiness.CANCELLED;
            }
            try {
                return park(waiter, deadlineNanos);
            } finally {
                cancellation.waits().leave(waiter);
            }
        } finally {
            socketWaits.leave(waiter);
        }
    }

    private Readiness park(Waiter waiter, long deadlineNanos) {
        arrivals.add(waiter);
        if (closing) {
            waiter.complete(Readiness.CLOSED);
        }
        wake();
        Readiness readiness;
        try {
            readiness = deadlineNanos == Long.MAX_VALUE
                    ? waiter.done.get()
                    : waiter.done.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException timeout) {
            waiter.complete(Readiness.TIMED_OUT);
            readiness = waiter.done.join();
        } catch (InterruptedException interrupt) {
            waiter.complete(Readiness.CANCELLED);
            readiness = waiter.done.join();
            if (readiness != Readiness.CANCELLED) {
                Thread.currentThread().interrupt();
            }
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("a wait is never completed exceptionally", impossible);
        }
        if (readiness != Readiness.READY) {
            wake();
        }
        return readiness;
    }

    /** Returns once no poll(2) in progress covers {@code fd}; its waiters must have ended. */
    void release(int fd) {
        pollLock.lock();
        try {
            while (polledFds.contains(fd) && thread.isAlive()) {
                wake();
                pollReturned.awaitUninterruptibly();
            }
        } finally {
            pollLock.unlock();
        }
    }

    private void wake() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(JAVA_LONG);
            value.set(JAVA_LONG, 0, WAKE_VALUE);
            Libc.write(wakeFd, value, JAVA_LONG.byteSize());
        }
    }

    private void run() {
        List<Waiter> active = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment drain = arena.allocate(JAVA_LONG);
            int capacity = 16;
            MemorySegment fds = arena.allocate(POLLFD, capacity);
            while (!closing) {
                for (Waiter arrived; (arrived = arrivals.poll()) != null; ) {
                    active.add(arrived);
                }
                active.removeIf(waiter -> waiter.done.isDone());
                if (active.size() + 1 > capacity) {
                    capacity = Math.max(capacity * 2, active.size() + 1);
                    fds = arena.allocate(POLLFD, capacity);
                }
                int count = fill(fds, active);
                int polled = Libc.poll(fds, count, -1);
                pollLock.lock();
                try {
                    polledFds.clear();
                    pollReturned.signalAll();
                } finally {
                    pollLock.unlock();
                }
                if (polled < 0 && polled != -Linux.EINTR) {
                    throw new IllegalStateException("poll failed: " + Libc.strerror(-polled));
                }
                if (revents(fds, 0) != 0) {
                    Libc.read(wakeFd, drain, JAVA_LONG.byteSize());
                }
                for (int i = 0; i < active.size(); i++) {
                    if (revents(fds, i + 1) != 0) {
                        active.get(i).complete(Readiness.READY);
                    }
                }
            }
        } finally {
            closing = true;
            active.forEach(waiter -> waiter.complete(Readiness.CLOSED));
            for (Waiter left; (left = arrivals.poll()) != null; ) {
                left.complete(Readiness.CLOSED);
            }
            pollLock.lock();
            try {
                polledFds.clear();
                pollReturned.signalAll();
            } finally {
                pollLock.unlock();
            }
        }
    }

    private int fill(MemorySegment fds, List<Waiter> active) {
        pollLock.lock();
        try {
            setEntry(fds, 0, wakeFd, Linux.POLLIN);
            for (int i = 0; i < active.size(); i++) {
                Waiter waiter = active.get(i);
                setEntry(fds, i + 1, waiter.fd, waiter.events);
                polledFds.add(waiter.fd);
            }
            return active.size() + 1;
        } finally {
            pollLock.unlock();
        }
    }

    private static void setEntry(MemorySegment fds, int index, int fd, short events) {
        long base = index * POLLFD.byteSize();
        fds.set(JAVA_INT, base, fd);
        fds.set(JAVA_SHORT, base + 4, events);
        fds.set(JAVA_SHORT, base + 6, (short) 0);
    }

    private static short revents(MemorySegment fds, int index) {
        return fds.get(JAVA_SHORT, index * POLLFD.byteSize() + 6);
    }

    /** Ends every wait with {@link Readiness#CLOSED}, joins the thread, closes the eventfd. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        wake();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        Libc.close(wakeFd);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One call waiting for one fd. */
    static final class Waiter {
        final int fd;
        final short events;
        final CompletableFuture<Readiness> done = new CompletableFuture<>();

        Waiter(int fd, short events) {
            this.fd = fd;
            this.events = events;
        }

        void complete(Readiness readiness) {
            done.complete(readiness);
        }
    }
}

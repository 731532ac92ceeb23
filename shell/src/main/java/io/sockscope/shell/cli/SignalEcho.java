package io.sockscope.shell.cli;

import java.util.function.LongSupplier;

/**
 * Tells a second Ctrl-C from one Ctrl-C delivered twice. GNU {@code timeout} sends its signal to
 * the command and then to its whole process group, and other wrappers that pass signals on can do
 * the same, so the capture process may see two SIGINTs microseconds apart where a person pressed
 * nothing twice; when the first was already taken (as often happens while traffic keeps the
 * process busy) the kernel does not merge them. Stop requests that come within {@link
 * #SAME_REQUEST_NANOS} of the first are that first one again; only a later one is a second
 * request. A person who presses Ctrl-C twice that quickly gets the clean stop, which is usually
 * over by then, and can press it again.
 */
final class SignalEcho {

    /** Requests this close to the first are the first one delivered again. */
    static final long SAME_REQUEST_NANOS = 500_000_000L;

    /** What a stop request is, given those before it. */
    enum Arrival {
        /** The first stop request. */
        FIRST,
        /** The first one again, delivered twice. */
        ECHO,
        /** A stop request made after the first: the user insists. */
        AGAIN
    }

    private final LongSupplier nanoClock;
    private boolean seen;
    private long firstNanos;

    /** Requests timed by {@code nanoClock} (monotonic nanoseconds, as System::nanoTime). */
    SignalEcho(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Says what the stop request arriving now is; called from any thread. */
    synchronized Arrival arrived() {
        long now = nanoClock.getAsLong();
        if (!seen) {
            seen = true;
            firstNanos = now;
            return Arrival.FIRST;
        }
        return now - firstNanos < SAME_REQUEST_NANOS ? Arrival.ECHO : Arrival.AGAIN;
    }

    /** Whether any stop request arrived. */
    synchronized boolean any() {
        return seen;
    }
}

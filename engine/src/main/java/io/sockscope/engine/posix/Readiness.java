package io.sockscope.engine.posix;

/** How a wait for a socket to become readable or writable ended. */
public enum Readiness {
    /** The socket is ready (or has an error or hang-up to report: the next call will tell). */
    READY,
    /** The deadline passed first. */
    TIMED_OUT,
    /** The call's {@link Cancellation} fired, or the waiting thread was interrupted. */
    CANCELLED,
    /** The socket (or the poller) was closed while waiting. */
    CLOSED
}

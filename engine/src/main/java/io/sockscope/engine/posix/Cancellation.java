package io.sockscope.engine.posix;

/**
 * The way to end one call's waits from another thread (the shell's Ctrl-C, a peer's stop).
 *
 * <p>Cancelling is sticky and takes effect at the call's next wait, or at once if it is waiting:
 * the wait returns {@link Readiness#CANCELLED} and the call ends without touching the socket
 * again, so the socket stays usable. A call that never has to wait is not affected. A thread
 * interrupt during a wait has the same effect as {@link #cancel()} (and is consumed by it).
 * One instance may serve many concurrent calls (a peer passes one to all its loops).
 */
public final class Cancellation {
    private final WaiterGroup waits = new WaiterGroup(Readiness.CANCELLED);

    /** Ends the current and all later waits of the calls using this; false if already cancelled. */
    public boolean cancel() {
        return waits.fire();
    }

    public boolean isCancelled() {
        return waits.fired();
    }

    WaiterGroup waits() {
        return waits;
    }
}

package io.sockscope.engine.posix;

import java.util.ArrayList;
import java.util.List;

/**
 * Waiters that end together, for one reason, once: the waits of a call (ended by cancellation)
 * or of a socket (ended by its close). Firing is sticky: a waiter that joins afterwards is
 * refused, so a cancel or close that happens just before a wait is never lost.
 */
final class WaiterGroup {
    private final Readiness reason;
    private final List<Poller.Waiter> waiters = new ArrayList<>();
    private boolean fired;

    WaiterGroup(Readiness reason) {
        this.reason = reason;
    }

    /** Adds {@code waiter}; false when the group has already fired. */
    synchronized boolean join(Poller.Waiter waiter) {
        if (fired) {
            return false;
        }
        waiters.add(waiter);
        return true;
    }

    synchronized void leave(Poller.Waiter waiter) {
        waiters.remove(waiter);
    }

    /** Ends every current waiter with the group's reason; false if it had fired before. */
    boolean fire() {
        List<Poller.Waiter> ending;
        synchronized (this) {
            if (fired) {
                return false;
            }
            fired = true;
            ending = List.copyOf(waiters);
            waiters.clear();
        }
        ending.forEach(waiter -> waiter.complete(reason));
        return true;
    }

    synchronized boolean fired() {
        return fired;
    }
}

package io.sockscope.inspector.live;

import io.sockscope.inspector.capture.CaptureAvailability;
import io.sockscope.inspector.capture.CaptureOptions;
import io.sockscope.inspector.capture.CaptureSource;
import io.sockscope.inspector.capture.CaptureStats;
import io.sockscope.inspector.capture.CaptureSummary;
import io.sockscope.inspector.capture.FilterCheck;
import io.sockscope.inspector.capture.OpenResult;
import io.sockscope.inspector.capture.PcapLiveCapture;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The capture handles of one session, one per interface its sockets use, opened as they are
 * needed; the filter they share (the session's ports and the marker's); and the barrier that
 * makes sure a call's segments have been delivered before its line is printed.
 *
 * <h2>The barrier</h2>
 * On an interface that sees the markers ({@code lo}, or {@code any}), {@link #barrier} sends a
 * round of {@link Marker} datagrams, one from each CPU, and waits until every such handle's
 * capture thread has met all of them: the frames a call caused were queued before the call
 * returned, and each CPU's queue reaches capture in order, so they are all delivered by then.
 * The wait is a condition signalled by the capture thread, capped at {@link #MARKER_CAP_NANOS}
 * in case capture stalls. On any other interface nothing can be sent that is ordered with the traffic,
 * so the barrier waits until that interface's capture thread has taken in every frame the
 * kernel counted for it and has then been quiet for {@link #QUIET_NANOS} (polling with a
 * deadline), at most {@link #QUIET_CAP_NANOS}.
 */
final class SessionCapture {

    static final long MARKER_CAP_NANOS = 250_000_000L;
    /** The barrier spins this long before it sleeps: a round usually takes less. */
    static final long SPIN_NANOS = 150_000L;
    static final long QUIET_NANOS = 2_000_000L;
    static final long QUIET_CAP_NANOS = 50_000_000L;
    private static final long POLL_NANOS = 200_000L;
    private static final int WHOLE_FRAMES_BUFFER_BYTES = 64 << 20;
    private static final String ANY = "any";

    private final FrameIntake intake;
    private final Marker marker;
    private final boolean wholeFrames;
    private final Map<String, Handle> handles = new LinkedHashMap<>();
    private final SortedSet<Integer> ports = new TreeSet<>();
    private final ReentrantLock barrierLock = new ReentrantLock();
    private final Condition markerMet = barrierLock.newCondition();
    private final List<String> notes = new ArrayList<>();
    private long barrierTimeouts;

    /** One open interface. */
    private final class Handle {
        final String iface;
        final boolean marks;
        /** Per marker sender, the number of the last marker met. */
        final AtomicLongArray markerSeen = new AtomicLongArray(marker.senders());
        CaptureSource source;
        volatile long lastFrameNanos = System.nanoTime();
        /** Frames this handle has taken in, counted once each is in the intake. */
        volatile long handled;
        /**
         * Frames the kernel counted for this capture that never reached the listener (libpcap
         * skipping one): found when a wait for them reached its cap, and not waited for again.
         */
        long unmatched;
        long markers;

        Handle(String iface) {
            this.iface = iface;
            this.marks = iface.equals(ANY) || isLoopback(iface);
        }

        /** True when this handle has met marker {@code number} from every sender. */
        boolean met(long number) {
            for (int i = 0; i < markerSeen.length(); i++) {
                if (markerSeen.get(i) < number) {
                    return false;
                }
            }
            return true;
        }

        /** This interface's counts from libpcap's {@code total}, the markers left out. */
        Ending.InterfaceCount count(CaptureStats total) {
            return new Ending.InterfaceCount(iface, Math.max(0, total.received() - markers),
                    total.dropped());
        }

        void onFrame(io.sockscope.inspector.capture.LiveFrame frame) {
            lastFrameNanos = System.nanoTime();
            Marker.Seen mark = intake.accept(frame);
            handled = handled + 1;
            if (mark == null) {
                return;
            }
            markers++;
            barrierLock.lock();
            try {
                markerSeen.accumulateAndGet(mark.sender(), mark.number(), Math::max);
                markerMet.signalAll();
            } finally {
                barrierLock.unlock();
            }
        }
    }

    SessionCapture(FrameIntake intake, Marker marker, boolean wholeFrames) {
        this.intake = intake;
        this.marker = marker;
        this.wholeFrames = wholeFrames;
    }

    /** Opens capture on {@code iface}; empty when it runs, else why not (one line). */
    synchronized Optional<String> open(String iface) {
        if (handles.containsKey(iface)) {
            return Optional.empty();
        }
        Handle handle = new Handle(iface);
        CaptureOptions options = CaptureOptions.on(iface).withFilter(filter());
        options = wholeFrames ? options.withBufferBytes(WHOLE_FRAMES_BUFFER_BYTES)
                : options.withSnaplen(CaptureOptions.HEADERS_SNAPLEN);
        OpenResult opened = PcapLiveCapture.open(options, handle::onFrame);
        return switch (opened) {
            case OpenResult.Opened o -> {
                handle.source = o.source();
                handles.put(iface, handle);
                yield Optional.empty();
            }
            case CaptureAvailability.Unavailable u -> Optional.of(u.detail() + "; to fix: " + u.fix());
            case FilterCheck.Invalid invalid -> Optional.of(invalid.line());
        };
    }

    /** Opens {@code iface} if it is not open yet; a failure becomes a note. */
    void ensure(String iface) {
        open(iface).ifPresent(reason -> note("cannot capture on " + iface + ": " + reason));
    }

    /** The link type of {@code iface}'s frames, once it is open. */
    synchronized Optional<Integer> linkType(String iface) {
        Handle handle = handles.get(iface);
        return handle == null ? Optional.empty()
                : Optional.of(handle.source.points().getFirst().linkType());
    }

    synchronized Set<String> interfaces() {
        return Set.copyOf(handles.keySet());
    }

    /** Makes the filter match {@code wanted} TCP ports (and the marker); a no-op when unchanged. */
    synchronized void ports(Set<Integer> wanted) {
        if (ports.equals(wanted)) {
            return;
        }
        ports.clear();
        ports.addAll(wanted);
        String filter = filter();
        for (Handle handle : handles.values()) {
            if (handle.source.replaceFilter(filter) instanceof FilterCheck.Invalid invalid) {
                note("capture on " + handle.iface + " kept its old filter: " + invalid.line());
            }
        }
    }

    private String filter() {
        StringBuilder filter = new StringBuilder("udp port ").append(marker.port());
        for (int port : ports) {
            filter.append(" or tcp port ").append(port);
        }
        return filter.toString();
    }

    /**
     * Returns once capture has delivered every frame the kernel tapped before this was called,
     * on {@code ifaces} (every open interface when empty); see the class comment.
     */
    void barrier(Collection<String> ifaces) {
        List<Handle> marking = new ArrayList<>();
        List<Handle> quiet = new ArrayList<>();
        synchronized (this) {
            for (Handle handle : handles.values()) {
                if (ifaces.isEmpty() || ifaces.contains(handle.iface)) {
                    (handle.marks ? marking : quiet).add(handle);
                }
            }
        }
        if (!marking.isEmpty()) {
            awaitMarker(marking);
        }
        for (Handle handle : quiet) {
            awaitQuiet(handle);
        }
    }

    private void awaitMarker(List<Handle> marking) {
        long number;
        barrierLock.lock();
        try {
            number = marker.send();
        } finally {
            barrierLock.unlock();
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!met(marking, number) && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        if (met(marking, number)) {
            return;
        }
        barrierLock.lock();
        try {
            long deadline = System.nanoTime() + MARKER_CAP_NANOS;
            while (!met(marking, number)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    barrierTimeouts++;
                    return;
                }
                markerMet.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            barrierLock.unlock();
        }
    }

    private static boolean met(List<Handle> marking, long number) {
        for (Handle handle : marking) {
            if (!handle.met(number)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Until {@code handle} has taken in every frame the kernel had put in its buffer when this
     * was called (its pcap counters say how many: a capture thread slow to get a CPU does not
     * pass for a quiet interface), and then has delivered nothing for {@link #QUIET_NANOS}; at
     * most the cap.
     */
    private static void awaitQuiet(Handle handle) {
        long start = System.nanoTime();
        long tapped;
        synchronized (handle) {
            tapped = tapped(handle) - handle.unmatched;
        }
        while (true) {
            long now = System.nanoTime();
            boolean caughtUp = handle.handled >= tapped;
            if (caughtUp && now - Math.max(start, handle.lastFrameNanos) >= QUIET_NANOS) {
                return;
            }
            if (now - start >= QUIET_CAP_NANOS) {
                if (!caughtUp) {
                    synchronized (handle) {
                        handle.unmatched += tapped - handle.handled;
                    }
                }
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Frames the kernel has put in {@code handle}'s buffer so far (received, less those it dropped). */
    private static long tapped(Handle handle) {
        CaptureStats total = CaptureStats.total(handle.source.stats());
        return total.received() - total.droppedByKernel();
    }

    private synchronized void note(String line) {
        notes.add(line);
    }

    /** The counts per interface so far, the markers left out (they are not the session's traffic). */
    synchronized List<Ending.InterfaceCount> counts() {
        List<Ending.InterfaceCount> counts = new ArrayList<>();
        for (Handle handle : handles.values()) {
            counts.add(handle.count(CaptureStats.total(handle.source.stats())));
        }
        return counts;
    }

    /** Stops every handle and the pcap file; the counts per interface and what went wrong. */
    synchronized Stopped stop() {
        List<Ending.InterfaceCount> counts = new ArrayList<>();
        for (Handle handle : handles.values()) {
            CaptureSummary summary = handle.source.stop();
            counts.add(handle.count(summary.total()));
            summary.failures().forEach(f -> notes.add(f.line()));
        }
        handles.clear();
        notes.addAll(intake.close());
        if (barrierTimeouts > 0) {
            notes.add("capture fell behind: " + barrierTimeouts + " calls were shown before all"
                    + " their segments had arrived (those came later, marked as the kernel's)");
        }
        return new Stopped(counts, List.copyOf(notes));
    }

    /** What {@link #stop} found. */
    record Stopped(List<Ending.InterfaceCount> counts, List<String> notes) {
    }

    private static boolean isLoopback(String iface) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(iface);
            return nic != null && nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}

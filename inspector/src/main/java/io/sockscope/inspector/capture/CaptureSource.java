package io.sockscope.inspector.capture;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * A running capture that delivers raw frames to a {@link FrameListener}: the seam between the
 * inspector and the capture library. Only {@link PcapLiveCapture} talks to libpcap; everything
 * above sees frames, filters, counters and a stop.
 *
 * <p>Lifetime: a source is running from the moment it is handed out until {@link #stop()}
 * returns. Every method may be called from any thread except the capture threads themselves,
 * where only {@link #requestStop()} is allowed.
 */
public interface CaptureSource extends AutoCloseable {

    /** The interfaces being captured, in the order they were asked for. */
    List<CapturePoint> points();

    /** The filter in force, as last given (blank: everything). */
    String filter();

    /**
     * Replaces the filter on every interface while capture runs. The new filter is compiled for
     * each interface first; if any rejects it, nothing changes and the result is
     * {@link FilterCheck.Invalid}. When this returns {@link FilterCheck.Valid}, the kernel
     * applies the new filter to every frame that arrives from then on. Frames the old filter
     * accepted and that were still queued are delivered. After {@link #stop()}, or when an
     * interface's capture has ended, the result is {@link FilterCheck.Invalid} saying so.
     */
    FilterCheck replaceFilter(String expression);

    /** The counters of each interface now (delivered, received, dropped). */
    List<CaptureStats> stats();

    /**
     * Asks every capture thread to stop and returns at once. Safe from the listener. Follow it
     * with {@link #stop()} from another thread to release everything and read the final counters.
     */
    void requestStop();

    /**
     * Waits until the capture ends by itself (an interface failed, the listener threw) or a stop
     * was requested, or until {@code timeout} passes.
     *
     * @return true when the capture has ended or is stopping, false on timeout
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException;

    /**
     * Stops capturing and releases every handle: breaks each capture loop, waits for its thread,
     * reads its final counters, then closes it. Idempotent: later calls return the same summary.
     */
    CaptureSummary stop();

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }

    /** The link type every interface shares, or empty when they differ (a pcap file holds one). */
    default OptionalInt commonLinkType() {
        List<Integer> types = points().stream().map(CapturePoint::linkType).distinct().toList();
        return types.size() == 1 ? OptionalInt.of(types.getFirst()) : OptionalInt.empty();
    }
}

package io.sockscope.inspector.capture;

/**
 * The outcome of {@link PcapLiveCapture#open}: a running capture, capture being unavailable
 * (exit 3 where it was required), or a filter libpcap would not compile (exit 2).
 */
public sealed interface OpenResult permits OpenResult.Opened, CaptureAvailability.Unavailable, FilterCheck.Invalid {

    /**
     * Every interface is open, filtered, and delivering frames to the listener.
     *
     * @param source the running capture; stop it (or close it) when done
     */
    record Opened(CaptureSource source) implements OpenResult {
    }
}

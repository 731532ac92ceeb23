package io.sockscope.inspector.capture;

import java.util.List;

/**
 * How a live capture ended: the final counters of each interface (read just before its handle
 * was closed) and every interface whose capture ended on its own, with libpcap's or the
 * listener's message. An honest {@code capture} record (SPEC §5) is made from this.
 *
 * @param interfaces final stats, one per interface, in the order they were opened
 * @param failures   interfaces whose capture ended before stop was asked for, and why
 */
public record CaptureSummary(List<CaptureStats> interfaces, List<Failure> failures) {

    public CaptureSummary {
        interfaces = List.copyOf(interfaces);
        failures = List.copyOf(failures);
    }

    /** The counters summed over all interfaces. */
    public CaptureStats total() {
        return CaptureStats.total(interfaces);
    }

    /**
     * The capture of one interface ended early: the interface went away, libpcap reported a read
     * error, the listener threw, or the capture thread would not stop.
     *
     * @param interfaceName the interface
     * @param message       what happened, in one line
     */
    public record Failure(String interfaceName, String message) {

        /** One line for the user, naming the interface. */
        public String line() {
            return "capture on " + interfaceName + " stopped: " + message;
        }
    }
}

package io.sockscope.inspector.pcap;

/**
 * What a capture says about one frame besides its bytes, so that the metadata travels with the
 * bytes instead of through a side channel.
 *
 * <p>This is the copied-out, immutable form; the file reader exposes the same values through its
 * reusable {@link RawFrame} cursor without allocating one of these per frame.
 *
 * @param atNanos        capture time in nanoseconds since the Unix epoch
 * @param capturedLength bytes present in the capture (at most the snapshot length)
 * @param wireLength     bytes the frame had on the wire; a value below {@code capturedLength} (a
 *                       damaged header) is raised to it
 * @param linkType       the LINKTYPE_ value of the frame's interface, see {@link LinkType}
 */
public record CaptureInfo(long atNanos, int capturedLength, int wireLength, int linkType) {

    public CaptureInfo {
        if (capturedLength < 0) {
            throw new IllegalArgumentException("capturedLength < 0: " + capturedLength);
        }
        wireLength = Math.max(wireLength, capturedLength);
    }

    /** The capture time in microseconds since the epoch, the unit of SPEC §5 JSON. */
    public long atMicros() {
        return Math.floorDiv(atNanos, 1000L);
    }
}

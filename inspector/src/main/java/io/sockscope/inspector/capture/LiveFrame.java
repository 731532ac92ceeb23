package io.sockscope.inspector.capture;

/**
 * One frame as live capture delivered it, with its metadata travelling in the same value: no
 * thread-local or per-handle side channel is needed to know when and where it was seen.
 *
 * <p>The byte array is the listener's to keep: it is freshly allocated for this frame and never
 * reused. Its length equals {@code capturedLength}.
 *
 * @param interfaceName  the interface it was captured on
 * @param linkType       the pcap-file link type of {@code bytes} ({@link io.sockscope.inspector.pcap.LinkType})
 * @param atNanos        kernel timestamp, nanoseconds since the Unix epoch (CLOCK_REALTIME, the
 *                       clock the engine's call times use)
 * @param capturedLength bytes captured (at most the snaplen)
 * @param wireLength     bytes the frame had on the wire
 * @param bytes          the captured bytes, starting with the link-layer header
 */
public record LiveFrame(String interfaceName, int linkType, long atNanos, int capturedLength, int wireLength,
                        byte[] bytes) {

    /** The timestamp in microseconds since the epoch, the unit of SPEC §5 ({@code ts_us}). */
    public long atMicros() {
        return Math.floorDiv(atNanos, 1_000L);
    }

    /** True when the snaplen cut the frame short. */
    public boolean truncated() {
        return capturedLength < wireLength;
    }
}

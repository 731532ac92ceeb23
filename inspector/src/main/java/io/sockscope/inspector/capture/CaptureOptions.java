package io.sockscope.inspector.capture;

import java.util.HashSet;
import java.util.List;

/**
 * How to open a live capture: which interfaces, which filter, how much of each frame to keep and
 * how much kernel buffer to give each interface.
 *
 * <p>The defaults keep whole frames (snaplen 262144, what {@code -w} needs). The inspector itself
 * only reads headers: {@link #HEADERS_SNAPLEN} keeps Ethernet + IPv6 + TCP with all options, and
 * is what keeps a bulk transfer on loopback free of drops (docs/BENCHMARKS.md, "Live capture").
 * In immediate mode libpcap's buffer is cut into slots sized for the largest frame (64 KiB on
 * {@code lo}), so with whole frames on loopback give it 64 MiB or more.
 *
 * @param interfaces  interface names ({@code lo}, {@code eth0}, {@code any}); at least one, no repeats
 * @param filter      BPF expression; blank captures everything
 * @param snaplen     most bytes kept per frame, 1..262144
 * @param bufferBytes kernel capture buffer per interface
 * @param promiscuous whether to put the interfaces in promiscuous mode
 */
public record CaptureOptions(List<String> interfaces, String filter, int snaplen, int bufferBytes,
                             boolean promiscuous) {

    /** libpcap's largest snaplen, and the default: frames are kept whole. */
    public static final int DEFAULT_SNAPLEN = 262_144;
    /** Enough for Ethernet (14) + IPv6 (40) + TCP with 40 bytes of options (60), with room for VLAN tags. */
    public static final int HEADERS_SNAPLEN = 128;
    /** Kernel buffer per interface; libpcap's own default is 2 MiB. */
    public static final int DEFAULT_BUFFER_BYTES = 8 << 20;
    private static final int MIN_BUFFER_BYTES = 64 << 10;

    public CaptureOptions {
        interfaces = List.copyOf(interfaces);
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("capture needs at least one interface");
        }
        if (new HashSet<>(interfaces).size() != interfaces.size()) {
            throw new IllegalArgumentException("interfaces repeat: " + interfaces);
        }
        if (filter == null) {
            throw new IllegalArgumentException("filter must not be null; use \"\" to capture everything");
        }
        if (snaplen < 1 || snaplen > DEFAULT_SNAPLEN) {
            throw new IllegalArgumentException("snaplen must be 1.." + DEFAULT_SNAPLEN + ": " + snaplen);
        }
        if (bufferBytes < MIN_BUFFER_BYTES) {
            throw new IllegalArgumentException("bufferBytes must be at least " + MIN_BUFFER_BYTES + ": " + bufferBytes);
        }
    }

    /** Whole frames, no filter, default buffer, not promiscuous, on {@code interfaces}. */
    public static CaptureOptions on(String... interfaces) {
        return new CaptureOptions(List.of(interfaces), "", DEFAULT_SNAPLEN, DEFAULT_BUFFER_BYTES, false);
    }

    public CaptureOptions withFilter(String expression) {
        return new CaptureOptions(interfaces, expression, snaplen, bufferBytes, promiscuous);
    }

    public CaptureOptions withSnaplen(int bytes) {
        return new CaptureOptions(interfaces, filter, bytes, bufferBytes, promiscuous);
    }

    public CaptureOptions withBufferBytes(int bytes) {
        return new CaptureOptions(interfaces, filter, snaplen, bytes, promiscuous);
    }

    public CaptureOptions withPromiscuous(boolean on) {
        return new CaptureOptions(interfaces, filter, snaplen, bufferBytes, on);
    }
}

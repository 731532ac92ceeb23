package io.sockscope.inspector.capture;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one interface's capture has seen so far, so that drops are never silent.
 *
 * <p>{@code received}, {@code droppedByKernel} and {@code droppedByInterface} are libpcap's
 * {@code pcap_stats} counters since the interface was opened (unsigned 32-bit in libpcap, so they
 * wrap after 2^32). On Linux, {@code received} counts frames that passed the filter, including
 * those later dropped for want of buffer space. {@code delivered} is counted here: frames handed
 * to the listener.
 *
 * @param interfaceName      the interface, or several joined with {@code +} for a {@link #total}
 * @param delivered          frames handed to the listener
 * @param received           frames the kernel accepted for this capture (pcap_stats ps_recv)
 * @param droppedByKernel    frames lost because the capture buffer was full (ps_drop)
 * @param droppedByInterface frames the interface or its driver dropped (ps_ifdrop)
 */
public record CaptureStats(String interfaceName, long delivered, long received, long droppedByKernel,
                           long droppedByInterface) {

    /** Every frame lost to this capture, whoever dropped it. */
    public long dropped() {
        return droppedByKernel + droppedByInterface;
    }

    /** The sum over several interfaces. */
    public static CaptureStats total(List<CaptureStats> stats) {
        return new CaptureStats(
                stats.stream().map(CaptureStats::interfaceName).collect(Collectors.joining("+")),
                stats.stream().mapToLong(CaptureStats::delivered).sum(),
                stats.stream().mapToLong(CaptureStats::received).sum(),
                stats.stream().mapToLong(CaptureStats::droppedByKernel).sum(),
                stats.stream().mapToLong(CaptureStats::droppedByInterface).sum());
    }
}

package io.sockscope.engine.posix;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The memory layouts of the C structs the engine exchanges with the kernel, each with the man
 * page (or header) that defines it. Field names are the C names, so
 * {@code LAYOUT.byteOffset(groupElement("tcpi_rtt"))} reads like the C code it mirrors.
 */
public final class NativeStructs {
    /** Network byte order fields (ports, IPv4 addresses, flow labels). */
    public static final ValueLayout.OfShort NET_SHORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfInt NET_INT = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);

    /** {@code struct sockaddr_in}, ip(7). */
    public static final StructLayout SOCKADDR_IN = structLayout(
            JAVA_SHORT.withName("sin_family"),
            NET_SHORT.withName("sin_port"),
            sequenceLayout(4, JAVA_BYTE).withName("sin_addr"),
            sequenceLayout(8, JAVA_BYTE).withName("sin_zero"));

    /** {@code struct sockaddr_in6}, ipv6(7). */
    public static final StructLayout SOCKADDR_IN6 = structLayout(
            JAVA_SHORT.withName("sin6_family"),
            NET_SHORT.withName("sin6_port"),
            NET_INT.withName("sin6_flowinfo"),
            sequenceLayout(16, JAVA_BYTE).withName("sin6_addr"),
            JAVA_INT.withName("sin6_scope_id"));

    /** {@code struct sockaddr_storage}, socket(7): big enough for any address. */
    public static final long SOCKADDR_STORAGE_SIZE = 128;

    /** {@code struct linger}, socket(7) SO_LINGER. */
    public static final StructLayout LINGER = structLayout(
            JAVA_INT.withName("l_onoff"),
            JAVA_INT.withName("l_linger"));

    /** {@code struct pollfd}, poll(2). */
    public static final StructLayout POLLFD = structLayout(
            JAVA_INT.withName("fd"),
            JAVA_SHORT.withName("events"),
            JAVA_SHORT.withName("revents"));

    /** {@code struct addrinfo}, getaddrinfo(3), LP64. */
    public static final StructLayout ADDRINFO = structLayout(
            JAVA_INT.withName("ai_flags"),
            JAVA_INT.withName("ai_family"),
            JAVA_INT.withName("ai_socktype"),
            JAVA_INT.withName("ai_protocol"),
            JAVA_INT.withName("ai_addrlen"),
            paddingLayout(4),
            ADDRESS.withName("ai_addr"),
            ADDRESS.withName("ai_canonname"),
            ADDRESS.withName("ai_next"));

    /**
     * {@code struct tcp_info}, tcp(7) TCP_INFO, as {@code <linux/tcp.h>} defines it up to
     * {@code tcpi_snd_wnd}. The kernel copies min(optlen, its own size) bytes and reports how
     * many, so a reader checks the returned length before trusting the later fields.
     * {@code tcpi_wscale} packs {@code tcpi_snd_wscale : 4, tcpi_rcv_wscale : 4} (low nibble first).
     */
    public static final StructLayout TCP_INFO = structLayout(
            JAVA_BYTE.withName("tcpi_state"),
            JAVA_BYTE.withName("tcpi_ca_state"),
            JAVA_BYTE.withName("tcpi_retransmits"),
            JAVA_BYTE.withName("tcpi_probes"),
            JAVA_BYTE.withName("tcpi_backoff"),
            JAVA_BYTE.withName("tcpi_options"),
            JAVA_BYTE.withName("tcpi_wscale"),
            JAVA_BYTE.withName("tcpi_app_limited"),
            u32("tcpi_rto"), u32("tcpi_ato"), u32("tcpi_snd_mss"), u32("tcpi_rcv_mss"),
            u32("tcpi_unacked"), u32("tcpi_sacked"), u32("tcpi_lost"), u32("tcpi_retrans"),
            u32("tcpi_fackets"),
            u32("tcpi_last_data_sent"), u32("tcpi_last_ack_sent"), u32("tcpi_last_data_recv"),
            u32("tcpi_last_ack_recv"),
            u32("tcpi_pmtu"), u32("tcpi_rcv_ssthresh"), u32("tcpi_rtt"), u32("tcpi_rttvar"),
            u32("tcpi_snd_ssthresh"), u32("tcpi_snd_cwnd"), u32("tcpi_advmss"), u32("tcpi_reordering"),
            u32("tcpi_rcv_rtt"), u32("tcpi_rcv_space"),
            u32("tcpi_total_retrans"),
            u64("tcpi_pacing_rate"), u64("tcpi_max_pacing_rate"), u64("tcpi_bytes_acked"),
            u64("tcpi_bytes_received"),
            u32("tcpi_segs_out"), u32("tcpi_segs_in"),
            u32("tcpi_notsent_bytes"), u32("tcpi_min_rtt"), u32("tcpi_data_segs_in"),
            u32("tcpi_data_segs_out"),
            u64("tcpi_delivery_rate"),
            u64("tcpi_busy_time"), u64("tcpi_rwnd_limited"), u64("tcpi_sndbuf_limited"),
            u32("tcpi_delivered"), u32("tcpi_delivered_ce"),
            u64("tcpi_bytes_sent"), u64("tcpi_bytes_retrans"),
            u32("tcpi_dsack_dups"), u32("tcpi_reord_seen"),
            u32("tcpi_rcv_ooopack"),
            u32("tcpi_snd_wnd"));

    private NativeStructs() {
    }

    private static MemoryLayout u32(String name) {
        return JAVA_INT.withName(name);
    }

    private static MemoryLayout u64(String name) {
        return JAVA_LONG.withName(name);
    }

    /** Byte offset of {@code field} in {@code struct}. */
    public static long offset(StructLayout struct, String field) {
        return struct.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }
}

package io.sockscope.engine.kernel;

import static io.sockscope.engine.posix.NativeStructs.TCP_INFO;
import static io.sockscope.engine.posix.NativeStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/**
 * A snapshot of TCP_INFO (tcp(7)): what the kernel's TCP knows about one connection. Times are
 * in microseconds unless the name says otherwise; counts of segments where the name says
 * segments; unsigned 32-bit values are held in longs. For a listening socket the kernel reuses
 * {@code unacked} for the accept-queue length and {@code sacked} for the backlog.
 *
 * @param stateNumber        tcpi_state, the kernel's state number ({@link TcpState})
 * @param caState            tcpi_ca_state: 0 open, 1 disorder, 2 CWR, 3 recovery, 4 loss
 * @param retransmits        tcpi_retransmits: consecutive unanswered retransmissions now
 * @param probes             tcpi_probes: unanswered zero-window or keep-alive probes
 * @param options            tcpi_options bits: 1 timestamps, 2 SACK, 4 window scaling, 8 ECN
 * @param sendWindowScale    tcpi_snd_wscale
 * @param receiveWindowScale tcpi_rcv_wscale
 * @param rtoMicros          tcpi_rto, the retransmission timeout
 * @param atoMicros          tcpi_ato, the delayed-ACK timeout
 * @param sendMss            tcpi_snd_mss
 * @param receiveMss         tcpi_rcv_mss
 * @param unacked            tcpi_unacked: segments sent and not yet acknowledged
 * @param sacked             tcpi_sacked
 * @param lost               tcpi_lost: segments presumed lost
 * @param retransSegments    tcpi_retrans: segments retransmitted and not yet acknowledged
 * @param lastDataSentMillis tcpi_last_data_sent: ms since data was last sent
 * @param lastDataRecvMillis tcpi_last_data_recv: ms since data was last received
 * @param lastAckRecvMillis  tcpi_last_ack_recv: ms since an ACK was last received
 * @param rttMicros          tcpi_rtt, smoothed round-trip time
 * @param rttVarMicros       tcpi_rttvar, its mean deviation
 * @param minRttMicros       tcpi_min_rtt
 * @param sendSsthresh       tcpi_snd_ssthresh (segments)
 * @param sendCwnd           tcpi_snd_cwnd, the congestion window (segments)
 * @param advertisedMss      tcpi_advmss
 * @param receiveSpace       tcpi_rcv_space, the receive buffer space auto-tuning aims at
 * @param totalRetrans       tcpi_total_retrans: retransmissions over the connection's life
 * @param bytesSent          tcpi_bytes_sent (including retransmissions)
 * @param bytesAcked         tcpi_bytes_acked
 * @param bytesReceived      tcpi_bytes_received
 * @param segmentsOut        tcpi_segs_out
 * @param segmentsIn         tcpi_segs_in
 * @param notSentBytes       tcpi_notsent_bytes: queued and not yet sent
 * @param peerWindow         tcpi_snd_wnd: the peer's advertised window after scaling
 */
public record TcpInfo(
        int stateNumber, int caState, int retransmits, int probes, int options,
        int sendWindowScale, int receiveWindowScale,
        long rtoMicros, long atoMicros, long sendMss, long receiveMss,
        long unacked, long sacked, long lost, long retransSegments,
        long lastDataSentMillis, long lastDataRecvMillis, long lastAckRecvMillis,
        long rttMicros, long rttVarMicros, long minRttMicros,
        long sendSsthresh, long sendCwnd, long advertisedMss, long receiveSpace, long totalRetrans,
        long bytesSent, long bytesAcked, long bytesReceived, long segmentsOut, long segmentsIn,
        long notSentBytes, long peerWindow) {

    /** Bytes of tcp_info this record reads (through tcpi_snd_wnd, Linux 5.4 and later). */
    public static final long SIZE = TCP_INFO.byteSize();

    public static final int OPTION_TIMESTAMPS = 1;
    public static final int OPTION_SACK = 2;
    public static final int OPTION_WINDOW_SCALE = 4;

    /** Decodes the {@code length} bytes of tcp_info the kernel wrote into {@code info}. */
    public static TcpInfo decode(MemorySegment info, long length) {
        if (length < SIZE) {
            throw new IllegalArgumentException("tcp_info of " + length + " bytes; this reader needs " + SIZE
                    + " (Linux 5.4 or later)");
        }
        int wscale = u8(info, "tcpi_wscale");
        return new TcpInfo(
                u8(info, "tcpi_state"), u8(info, "tcpi_ca_state"), u8(info, "tcpi_retransmits"),
                u8(info, "tcpi_probes"), u8(info, "tcpi_options"), wscale & 0x0f, wscale >>> 4,
                u32(info, "tcpi_rto"), u32(info, "tcpi_ato"), u32(info, "tcpi_snd_mss"), u32(info, "tcpi_rcv_mss"),
                u32(info, "tcpi_unacked"), u32(info, "tcpi_sacked"), u32(info, "tcpi_lost"),
                u32(info, "tcpi_retrans"),
                u32(info, "tcpi_last_data_sent"), u32(info, "tcpi_last_data_recv"), u32(info, "tcpi_last_ack_recv"),
                u32(info, "tcpi_rtt"), u32(info, "tcpi_rttvar"), u32(info, "tcpi_min_rtt"),
                u32(info, "tcpi_snd_ssthresh"), u32(info, "tcpi_snd_cwnd"), u32(info, "tcpi_advmss"),
                u32(info, "tcpi_rcv_space"), u32(info, "tcpi_total_retrans"),
                u64(info, "tcpi_bytes_sent"), u64(info, "tcpi_bytes_acked"), u64(info, "tcpi_bytes_received"),
                u32(info, "tcpi_segs_out"), u32(info, "tcpi_segs_in"),
                u32(info, "tcpi_notsent_bytes"), u32(info, "tcpi_snd_wnd"));
    }

    private static int u8(MemorySegment info, String field) {
        return info.get(JAVA_BYTE, offset(TCP_INFO, field)) & 0xff;
    }

    private static long u32(MemorySegment info, String field) {
        return info.get(JAVA_INT, offset(TCP_INFO, field)) & 0xffff_ffffL;
    }

    private static long u64(MemorySegment info, String field) {
        return info.get(JAVA_LONG, offset(TCP_INFO, field));
    }
}

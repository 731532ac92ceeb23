package io.sockscope.engine.kernel;

/**
 * The kernel's view of an open socket at one moment, as {@code ss -ti} would show it.
 *
 * @param state             the TCP state
 * @param sendQueueBytes    bytes sent by the program and not yet acknowledged by the peer
 *                          (SIOCOUTQ, ss's Send-Q); for a listener, its backlog
 * @param receiveQueueBytes bytes received and not yet read by the program (SIOCINQ, ss's
 *                          Recv-Q); for a listener, connections waiting for accept()
 * @param tcpInfo           the full TCP_INFO snapshot (RTT, congestion window, retransmissions)
 */
public record KernelView(TcpState state, long sendQueueBytes, long receiveQueueBytes, TcpInfo tcpInfo) {

    /** Smoothed round-trip time, µs (tcpi_rtt). */
    public long rttMicros() {
        return tcpInfo.rttMicros();
    }

    /** Round-trip time variance, µs (tcpi_rttvar). */
    public long rttVarMicros() {
        return tcpInfo.rttVarMicros();
    }
}

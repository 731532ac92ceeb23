package io.sockscope.inspector.flow;

import java.util.Map;
import java.util.Optional;

/**
 * One side of a connection, summarised: what it sent and the state the wire leaves it in.
 *
 * @param endpoint         address and port
 * @param state            its TCP state as inferred from the wire
 * @param frames           frames it sent
 * @param payloadBytes     sum of {@code tcp.len} over its frames (retransmissions included)
 * @param handshake        its SYN or SYN+ACK options, when one was captured
 * @param synFrame         frame of its (last) SYN or SYN+ACK, 0 if none
 * @param finFrame         frame of its first FIN, 0 if none
 * @param rstFrame         frame of its first RST, 0 if none
 * @param analysisCounts   how many of its frames carry each analysis flag (absent: none)
 */
public record FlowSide(
        Endpoint endpoint,
        TcpState state,
        long frames,
        long payloadBytes,
        Optional<HandshakeOptions> handshake,
        long synFrame,
        long finFrame,
        long rstFrame,
        Map<AnalysisFlag, Long> analysisCounts) {

    /** Frames flagged {@code retransmission} (fast and spurious ones included, as in tshark). */
    public long retransmissions() {
        return count(AnalysisFlag.RETRANSMISSION);
    }

    public long count(AnalysisFlag flag) {
        return analysisCounts.getOrDefault(flag, 0L);
    }
}

package io.sockscope.inspector.flow;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A connection ({@code tcp.stream}) summarised for an explanation header or a JSON flow record:
 * who opened and who closed it, bytes and retransmissions each way, times, and each side's state
 * and handshake options. A snapshot: built by {@link TcpAnalyzer#flows()} and never updated.
 *
 * @param stream               {@code tcp.stream}
 * @param client               the side that sent the first SYN (see {@code rolesFromHandshake})
 * @param server               the other side
 * @param rolesFromHandshake   true when a SYN or SYN+ACK fixed the roles; false for a connection
 *                             captured mid-way, where the side with the lower port (or else the
 *                             receiver of the first frame) is taken as the server
 * @param openedBy             the side whose SYN was captured, if any
 * @param firstClose           the first FIN or RST, if any
 * @param firstFrame           frame number of its first frame
 * @param lastFrame            frame number of its last frame
 * @param firstNanos           time of its first frame, ns since the epoch
 * @param lastNanos            time of its last frame
 * @param initialRttNanos      tshark's iRTT (first ACK without SYN minus the latest SYN), if known
 * @param reusedPorts          the stream began with a SYN on a 4-tuple seen before
 */
public record Flow(
        int stream,
        FlowSide client,
        FlowSide server,
        boolean rolesFromHandshake,
        Optional<Side> openedBy,
        Optional<Closing> firstClose,
        long firstFrame,
        long lastFrame,
        long firstNanos,
        long lastNanos,
        OptionalLong initialRttNanos,
        boolean reusedPorts) {

    public FlowSide side(Side side) {
        return side == Side.CLIENT ? client : server;
    }

    public long durationNanos() {
        return lastNanos - firstNanos;
    }

    /** Retransmitted frames in both directions. */
    public long retransmissions() {
        return client.retransmissions() + server.retransmissions();
    }
}

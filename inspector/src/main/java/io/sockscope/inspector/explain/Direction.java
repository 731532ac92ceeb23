package io.sockscope.inspector.explain;

import io.sockscope.inspector.flow.Endpoint;

/**
 * What one side of a connection has shown so far, as every rule needs it: its sequence space,
 * the window it offers, its handshake and its close. Numbers are tshark's relative ones and
 * compare by their 32-bit difference. The rules read these fields as they were
 * <em>before</em> the segment being explained; {@link ConnectionStory} updates them after every
 * rule has run. Mutable, owned by one {@link ConnectionStory}.
 */
final class Direction {

    final Endpoint endpoint;
    /** How texts name this side: {@code :33572}, or {@code 10.0.0.2:9000} when ports clash. */
    String name;
    Direction peer;

    long segments;
    long firstNanos;
    long lastNanos;

    long synFrame;
    long synNanos;
    /** MSS this side announced in its SYN: the largest segment it wants to receive; -1 unknown. */
    int mssOffered = -1;

    /** One past the highest sequence number sent so far (SYN and FIN count one). */
    long maxEnd = 1;
    /** Payload bytes sent the first time (retransmitted bytes not counted). */
    long newBytes;
    /** The last segment that carried new bytes (or a FIN): frame, time, end. */
    long lastDataFrame;
    long lastDataNanos;
    long lastDataEnd;
    int lastDataLength;

    boolean ackSeen;
    /** The frame in which this side last acknowledged all of the peer's data so far. */
    long coveringAckFrame;
    /** Highest acknowledgment sent so far (the peer's bytes this side has received). */
    long highestAck;
    /** Window this side offered in its last segment (scaled when the scale is known). */
    long window = -1;
    boolean windowZero;

    long finFrame;
    long finNanos;
    /** One past the FIN's sequence number: what the peer acknowledges when it has the FIN. */
    long finEnd;
    long finAckFrame;
    long finAckNanos;
    long rstFrame;

    Direction(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** True when this side's FIN was seen and the peer acknowledged it. */
    boolean finAcked() {
        return finAckFrame != 0;
    }

    boolean closed() {
        return finFrame != 0 || rstFrame != 0;
    }

    /** {@code a - b} as a signed 32-bit serial-number difference. */
    static int diff(long a, long b) {
        return (int) (a - b);
    }
}

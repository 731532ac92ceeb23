package io.sockscope.inspector.flow;

import java.util.Arrays;

/**
 * One direction of a conversation: tshark's per-flow analysis state (TCP-ANALYSIS §2), the base
 * used for display, and the running summary of what this side sent. Raw unsigned 32-bit numbers
 * in longs; zero means "unknown" for nextseq, maxseqtobeacked and lastack, exactly as in tshark.
 */
final class FlowState {

    static final long SEQ_MASK = 0xFFFFFFFFL;
    /** tshark keeps at most this many unacknowledged segments per flow. */
    static final int MAX_UNACKED = 10_000;

    final Endpoint endpoint;

    boolean baseSet;
    long base;
    int winScale = -1;
    long window = SEQ_MASK;
    long nextSeq;
    long nextSeqTime;
    long maxSeqToBeAcked;
    long lastAck;
    long lastAckTime;
    long dupAckNum;
    long lastNonDupAck;
    int lastSegFlags;
    boolean isFirstAck;

    /** End sequence numbers of unacknowledged segments; only their count matters (§5 G1). */
    private int[] unackedEnds = new int[0];
    private int unackedCount;

    boolean displayBaseSet;
    long displayBase;

    TcpState state = TcpState.CLOSED;
    long frames;
    long payloadBytes;
    HandshakeOptions handshake;
    long synFrame;
    long finFrame;
    long rstFrame;
    long finEnd;
    final long[] flagCounts = new long[AnalysisFlag.values().length];

    FlowState(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    boolean unackedFull() {
        return unackedCount >= MAX_UNACKED;
    }

    void addUnacked(long end) {
        if (unackedCount == unackedEnds.length) {
            unackedEnds = Arrays.copyOf(unackedEnds, Math.max(8, unackedCount * 2));
        }
        unackedEnds[unackedCount++] = (int) end;
    }

    /** Drops the segments {@code ack} covers: those whose end is not after it. */
    void dropAcked(long ack) {
        if (unackedCount == 0) {
            return;
        }
        int kept = 0;
        for (int i = 0; i < unackedCount; i++) {
            int end = unackedEnds[i];
            if (Seq.gt(end & SEQ_MASK, ack)) {
                unackedEnds[kept++] = end;
            }
        }
        unackedCount = kept;
        if (kept == 0 && unackedEnds.length > 64) {
            unackedEnds = new int[0];
        }
    }
}

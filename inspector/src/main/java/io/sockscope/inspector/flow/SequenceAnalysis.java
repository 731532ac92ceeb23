package io.sockscope.inspector.flow;

import io.sockscope.inspector.decode.TcpFlags;

/**
 * tshark 4.0's {@code tcp_analyze_sequence_number}, step by step as TCP-ANALYSIS.md §5 states it
 * (A zero-window probe, B independent checks, C repeat-ACK family, D dup-ACK bookkeeping,
 * E ACKed unseen segment, F retransmission family, G state updates), on raw unsigned 32-bit
 * numbers with zero meaning "unknown". Kept apart from the conversation tracking so the rules
 * read in one place.
 */
final class SequenceAnalysis {

    private static final long MASK = FlowState.SEQ_MASK;
    private static final long DUP_SENTINEL = 0xFFFFFFFFL;
    private static final long FAST_RETRANSMISSION_WINDOW_NANOS = 20_000_000L;
    private static final long DEFAULT_OUT_OF_ORDER_NANOS = 3_000_000L;
    private static final int SYN_FIN_RST = TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST;

    private static final int RETRANSMISSION = AnalysisFlag.RETRANSMISSION.bit();
    private static final int FAST = AnalysisFlag.FAST_RETRANSMISSION.bit();
    private static final int SPURIOUS = AnalysisFlag.SPURIOUS_RETRANSMISSION.bit();
    private static final int OUT_OF_ORDER = AnalysisFlag.OUT_OF_ORDER.bit();
    private static final int LOST = AnalysisFlag.LOST_SEGMENT.bit();
    private static final int ACK_LOST = AnalysisFlag.ACK_LOST_SEGMENT.bit();
    private static final int DUP_ACK = AnalysisFlag.DUPLICATE_ACK.bit();
    private static final int ZERO_WINDOW = AnalysisFlag.ZERO_WINDOW.bit();
    private static final int PROBE = AnalysisFlag.ZERO_WINDOW_PROBE.bit();
    private static final int PROBE_ACK = AnalysisFlag.ZERO_WINDOW_PROBE_ACK.bit();
    private static final int WINDOW_FULL = AnalysisFlag.WINDOW_FULL.bit();
    private static final int WINDOW_UPDATE = AnalysisFlag.WINDOW_UPDATE.bit();
    private static final int KEEP_ALIVE = AnalysisFlag.KEEP_ALIVE.bit();
    private static final int KEEP_ALIVE_ACK = AnalysisFlag.KEEP_ALIVE_ACK.bit();

    private SequenceAnalysis() {
    }

    /** TCP-ANALYSIS §5 steps A–G; returns the frame's flags as tshark prints them (§6). */
    static int analyse(Conversation conv, FlowState fwd, FlowState rev, long frame,
            long now, long seq, long ack, int flags, int window, int len, int initialBits) {
        int bits = initialBits;
        boolean noSfr = (flags & SYN_FIN_RST) == 0;
        boolean synOrFin = (flags & (TcpFlags.SYN | TcpFlags.FIN)) != 0;
        boolean hasAck = (flags & TcpFlags.ACK) != 0;

        if (len == 1 && seq == fwd.nextSeq && rev.window == 0) {
            bits |= PROBE;
        } else {
            if (window == 0 && noSfr) {
                bits |= ZERO_WINDOW;
            }
            if (fwd.nextSeq != 0 && Seq.gt(seq, fwd.nextSeq) && (flags & TcpFlags.RST) == 0) {
                bits |= LOST;
            }
            if (len <= 1 && seq == ((fwd.nextSeq - 1) & MASK) && noSfr) {
                bits |= KEEP_ALIVE;
            }
            if (len == 0 && window != 0 && window != fwd.window && seq == fwd.nextSeq
                    && ack == fwd.lastAck && noSfr) {
                bits |= WINDOW_UPDATE;
            }
            if (len > 0 && rev.winScale != -1 && noSfr) {
                int shift = rev.isFirstAck || rev.winScale == -2 ? 0 : rev.winScale;
                long edge = (rev.lastAck + ((rev.window << shift) & MASK)) & MASK;
                if (((seq + len) & MASK) == edge) {
                    bits |= WINDOW_FULL;
                }
            }
            boolean same = len == 0 && window == fwd.window && seq == fwd.nextSeq
                    && ack == fwd.lastAck && noSfr;
            if (same && window != 0 && (rev.lastSegFlags & KEEP_ALIVE) != 0) {
                bits |= KEEP_ALIVE_ACK;
            } else if (same && window == 0 && (rev.lastSegFlags & PROBE) != 0) {
                bits |= PROBE_ACK;
            } else if (same && window != 0) {
                fwd.dupAckNum = fwd.dupAckNum == DUP_SENTINEL ? 1 : (fwd.dupAckNum + 1) & MASK;
                bits |= DUP_ACK;
            }
        }

        if (ack != fwd.lastAck) {
            fwd.lastNonDupAck = frame;
            fwd.dupAckNum = 0;
        }

        if (hasAck && rev.maxSeqToBeAcked != 0 && Seq.gt(ack, rev.maxSeqToBeAcked)) {
            if (Seq.lt(rev.maxSeqToBeAcked, rev.nextSeq)) {
                rev.maxSeqToBeAcked = rev.nextSeq;
                bits |= ACK_LOST;
            } else {
                if (rev.dupAckNum == 0) {
                    bits |= ACK_LOST;
                }
                rev.dupAckNum = DUP_SENTINEL;
            }
        }

        if ((len > 0 || synOrFin) && (bits & KEEP_ALIVE) == 0) {
            boolean notAdvanced = fwd.nextSeq != 0 && Seq.lt(seq, fwd.nextSeq);
            if (len > 1 && seq == ((fwd.nextSeq - 1) & MASK)) {
                notAdvanced = false;
            }
            long end = (seq + len) & MASK;
            if (len > 0 && rev.lastAck != 0 && Seq.le(end, rev.lastAck)) {
                bits |= SPURIOUS | RETRANSMISSION;
            } else if (notAdvanced && Long.compareUnsigned(rev.dupAckNum, 2) >= 0
                    && rev.lastAck == seq
                    && Seq.within(now, rev.lastAckTime, FAST_RETRANSMISSION_WINDOW_NANOS)) {
                bits |= FAST | RETRANSMISSION;
            } else if (notAdvanced
                    && Seq.within(now, fwd.nextSeqTime,
                            conv.tsFirstRtt != 0 ? conv.tsFirstRtt : DEFAULT_OUT_OF_ORDER_NANOS)
                    && fwd.nextSeq != ((end + (synOrFin ? 1 : 0)) & MASK)) {
                bits |= OUT_OF_ORDER;
            } else if (notAdvanced) {
                bits |= RETRANSMISSION;
            }
        }

        boolean probe = (bits & PROBE) != 0;
        long end = (seq + len) & MASK;
        if ((len > 0 || synOrFin) && !fwd.unackedFull()) {
            if (synOrFin) {
                end = (end + 1) & MASK;
            }
            fwd.addUnacked(end);
        }
        if ((Seq.gt(end, fwd.nextSeq) || fwd.nextSeq == 0) && !probe) {
            fwd.nextSeq = end;
            fwd.nextSeqTime = now;
        }
        if ((seq == fwd.maxSeqToBeAcked || fwd.maxSeqToBeAcked == 0) && !probe) {
            fwd.maxSeqToBeAcked = fwd.nextSeq;
        }
        fwd.window = window;
        fwd.lastAck = ack;
        fwd.lastAckTime = now;
        fwd.lastSegFlags = bits;
        rev.dropAcked(ack);
        return bits;
    }
}

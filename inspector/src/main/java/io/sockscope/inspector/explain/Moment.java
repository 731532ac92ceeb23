package io.sockscope.inspector.explain;

import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Segment;

/**
 * The segment being explained and what every rule asks of it, worked out once: its flags as
 * booleans, the new bytes it carries, whether it is a probe. One instance per explainer,
 * refilled for every segment; valid until the next.
 */
final class Moment {

    Segment segment;
    long frame;
    long now;
    boolean syn;
    boolean fin;
    boolean rst;
    boolean ack;
    /** No payload and none of SYN, FIN, RST: an acknowledgment or window update only. */
    boolean pureAck;
    /** Payload bytes beyond anything the sender sent before (0 for a retransmission). */
    long advance;
    /** A zero-window probe: sent while the receiver offers window 0 (tshark may call it keep_alive). */
    boolean probe;
    /** A keep-alive probe on an idle connection whose receiver offers a window. */
    boolean keepAlive;

    void fill(Segment s, Direction from, Direction to) {
        segment = s;
        frame = s.frame();
        now = s.atNanos();
        syn = s.has(TcpFlags.SYN);
        fin = s.has(TcpFlags.FIN);
        rst = s.has(TcpFlags.RST);
        ack = s.has(TcpFlags.ACK);
        int length = s.length();
        pureAck = length == 0 && !syn && !fin && !rst;
        boolean probing = s.has(AnalysisFlag.ZERO_WINDOW_PROBE)
                || s.has(AnalysisFlag.KEEP_ALIVE) && to.windowZero;
        probe = probing && !syn && !fin && !rst;
        keepAlive = s.has(AnalysisFlag.KEEP_ALIVE) && !probe;
        if (length > 0 && !probe && !keepAlive) {
            advance = Math.max(0, Direction.diff(s.seq() + length, from.maxEnd));
        } else {
            advance = 0;
        }
    }
}

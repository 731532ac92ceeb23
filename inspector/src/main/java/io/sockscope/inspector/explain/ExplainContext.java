package io.sockscope.inspector.explain;

import io.sockscope.engine.CallEvent;
import io.sockscope.inspector.flow.Segment;
import java.util.List;

/**
 * What the explainer may know beyond the wire: which socket calls put a segment on it. Offline
 * ({@link #OFFLINE}) nothing is known and every text says what the programs <em>most likely</em>
 * called, marked {@code (inferred from the wire)}. The live session implements this from the
 * engine's {@link CallEvent}s, and the same rules then tell exactly what happened: a RST whose
 * call is a {@code close()} that found 12 unread bytes becomes "close() with 12 unread bytes: the
 * kernel sent RST instead of FIN"; a data run splits where one {@code sendall()} ends and the
 * next begins; a SYN names its {@code connect()} by call id.
 *
 * <p>The explainer asks when it decides, which may be some segments after the one asked about;
 * an implementation must answer for any segment it was given since the connection began. It is
 * asked from the explainer's thread only.
 */
public interface ExplainContext {

    /** Knows no calls: explanations of a capture file or of traffic of other programs. */
    ExplainContext OFFLINE = new ExplainContext() {
        @Override
        public boolean knowsCalls() {
            return false;
        }

        @Override
        public List<CallEvent> callsFor(Segment segment) {
            return List.of();
        }
    };

    /**
     * True when {@link #callsFor} may answer; false lets the explainer skip asking. Even when
     * true, segments of sockets the session does not own (a peer's, another program's) have no
     * calls and are explained as inferred.
     */
    boolean knowsCalls();

    /**
     * The calls of the segment's sender that caused it, in call order: the {@code connect()} of
     * a SYN, the {@code send()}/{@code sendall()} calls whose bytes it carries, the
     * {@code close()} or {@code shutdown()} of a FIN, the {@code close()} of a RST (whose
     * {@link CallEvent#closing()} tells unread bytes and SO_LINGER). Empty when none is known or
     * the kernel sent it on its own (ACKs, window updates, retransmissions, probes).
     */
    List<CallEvent> callsFor(Segment segment);
}

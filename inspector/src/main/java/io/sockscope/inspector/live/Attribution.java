package io.sockscope.inspector.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Op;
import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Segment;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ties one segment to the call that caused it, by its 4-tuple and the calls' time windows on the
 * sockets at either end (kernel timestamps and call times share CLOCK_REALTIME), and says who
 * sent it when no call did.
 *
 * <p>The sender's side is asked first, so a segment between two of the session's own sockets is
 * the sending call's and is shown once:
 * <ul>
 *   <li>a SYN is its connect()'s; a SYN+ACK the accept() waiting on the listener;</li>
 *   <li>new data is the send() or sendall() whose bytes it carries (by stream offset, so the
 *       tail of a sendall that left after the call returned is still the sendall's); a segment
 *       with the bytes of several calls is told to the explainer with all of them;</li>
 *   <li>a FIN is the close() or shutdown() that asked for it; a RST the close() it came out of;</li>
 *   <li>anything else the sender's kernel sent (an ACK, a window update) is the connect(),
 *       accept() or recv() that was waiting on that socket then, if any: "what the kernel did
 *       while it waited" (an ACK sent while a send() or close() ran answers the peer, not
 *       the call).</li>
 * </ul>
 * Then the receiver's side: a call waiting there when it arrived (connect() for the SYN+ACK,
 * accept() for the SYN, recv() for the peer's data and FIN, a send() or close() for the ACK of
 * its bytes). Otherwise the segment is the sender's kernel's (one of the session's sockets) or
 * the peer's (a built-in peer, another program).
 */
final class Attribution {

    private static final Set<Op> CONNECTS = EnumSet.of(Op.CONNECT, Op.CONNECT_EX);
    private static final Set<Op> CLOSES = EnumSet.of(Op.CLOSE, Op.SHUTDOWN);
    private static final Set<Op> CLOSE = EnumSet.of(Op.CLOSE);
    private static final Set<Op> ACCEPT = EnumSet.of(Op.ACCEPT);
    private static final Set<Op> RECV = EnumSet.of(Op.RECV);
    /** Calls whose socket's kernel answers on their behalf while they wait. */
    private static final Set<Op> ANSWERING = EnumSet.of(Op.CONNECT, Op.CONNECT_EX, Op.ACCEPT,
            Op.RECV);
    private static final Set<Op> WAITING = EnumSet.of(Op.CONNECT, Op.CONNECT_EX, Op.ACCEPT,
            Op.RECV, Op.SEND, Op.SENDALL, Op.CLOSE, Op.SHUTDOWN);
    /** Calls a peer's RST answers (a refused connect) or breaks while they wait. */
    private static final Set<Op> RESET_VICTIMS = EnumSet.of(Op.CONNECT, Op.CONNECT_EX, Op.RECV,
            Op.SEND, Op.SENDALL);

    /**
     * What one segment came to.
     *
     * @param call     the call shown with it, if any
     * @param origin   who sent it, and the session socket it belongs to
     * @param causes   the sender's calls the explainer is told of (see {@link
     *                 io.sockscope.inspector.explain.ExplainContext#callsFor})
     * @param sender   the session socket that sent it, if one did
     * @param receiver the session socket that received it, if one did
     * @param foreign  neither end is the session's: not part of its story
     * @param waits    its sender's close() is still running: attribute it once that ended
     */
    record Attributed(Optional<CallInfo> call, SegmentOrigin origin, List<CallEvent> causes,
            Optional<SocketBook> sender, Optional<SocketBook> receiver, boolean foreign,
            boolean waits) {
    }

    private final Books books;

    Attribution(Books books) {
        this.books = books;
    }

    Attributed attribute(Segment s) {
        Optional<SocketBook> exactSender = books.exact(s.source(), s.destination());
        Optional<SocketBook> listening = exactSender.isPresent() ? Optional.empty()
                : books.listenerAt(s.source());
        Optional<SocketBook> sender = exactSender.or(() -> listening)
                .or(() -> books.connecting(s));
        Optional<SocketBook> receiver = books.exact(s.destination(), s.source())
                .or(() -> books.listenerAt(s.destination()));
        Optional<String> senderPeer = sender.isPresent() ? Optional.empty()
                : books.peerAt(s.source());
        Optional<String> receiverPeer = receiver.isPresent() ? Optional.empty()
                : books.peerAt(s.destination());
        if (sender.isEmpty() && receiver.isEmpty() && senderPeer.isEmpty()
                && receiverPeer.isEmpty()) {
            return new Attributed(Optional.empty(), new SegmentOrigin(SegmentOrigin.Source.PEER,
                    Optional.empty(), Optional.empty(), false), List.of(), sender, receiver, true,
                    false);
        }
        long at = s.atMicros();
        if (sender.isPresent() && (s.has(TcpFlags.RST) || s.has(TcpFlags.FIN))
                && sender.get().covering(at, CLOSE).filter(CallInfo::running).isPresent()) {
            return new Attributed(Optional.empty(), null, List.of(), sender, receiver, false, true);
        }
        List<CallEvent> causes = sender.map(book -> causes(book, s, at)).orElse(List.of());
        Optional<CallInfo> call = sender.flatMap(book -> senderCall(book, s, at));
        if (call.isEmpty() && s.has(TcpFlags.SYN) && s.has(TcpFlags.ACK)) {
            call = books.listenerAt(s.source()).flatMap(l -> l.covering(at, ACCEPT));
        }
        if (call.isEmpty()) {
            call = receiver.flatMap(book -> receiverCall(book, s, at));
        }
        SegmentOrigin origin;
        if (call.isPresent()) {
            origin = new SegmentOrigin(SegmentOrigin.Source.CALL,
                    Optional.ofNullable(call.get().book).map(SocketBook::name),
                    senderPeer.or(() -> receiverPeer), false);
        } else if (sender.isPresent()) {
            origin = new SegmentOrigin(SegmentOrigin.Source.KERNEL,
                    Optional.of(sender.get().name()), receiverPeer, listening.isPresent());
        } else {
            origin = new SegmentOrigin(SegmentOrigin.Source.PEER, receiver.map(SocketBook::name),
                    senderPeer, false);
        }
        return new Attributed(call, origin, causes, sender, receiver, false, false);
    }

    /** The calls of the sender the explainer asks about: connect, sends, close, shutdown. */
    private static List<CallEvent> causes(SocketBook sender, Segment s, long at) {
        if (s.has(TcpFlags.SYN) && !s.has(TcpFlags.ACK)) {
            return connect(sender, at).map(c -> List.of(c.asEvent())).orElse(List.of());
        }
        if (s.has(TcpFlags.RST)) {
            return sender.covering(at, CLOSE).map(c -> List.of(c.asEvent())).orElse(List.of());
        }
        if (s.has(TcpFlags.FIN)) {
            return fin(sender, at).map(c -> List.of(c.asEvent())).orElse(List.of());
        }
        if (isNewData(s)) {
            return carriers(sender, s).stream().map(CallInfo::asEvent).toList();
        }
        return List.of();
    }

    private static Optional<CallInfo> senderCall(SocketBook sender, Segment s, long at) {
        if (s.has(TcpFlags.SYN) && !s.has(TcpFlags.ACK)) {
            return connect(sender, at);
        }
        if (s.has(TcpFlags.SYN)) {
            return sender.covering(at, ACCEPT);
        }
        if (s.has(TcpFlags.RST)) {
            return sender.covering(at, CLOSE);
        }
        if (s.has(TcpFlags.FIN)) {
            return fin(sender, at);
        }
        if (isNewData(s)) {
            List<CallInfo> carriers = carriers(sender, s);
            return carriers.stream().filter(c -> c.covers(at)).findFirst()
                    .or(() -> carriers.isEmpty() ? Optional.empty()
                            : Optional.of(carriers.getLast()));
        }
        return sender.covering(at, ANSWERING);
    }

    private static Optional<CallInfo> receiverCall(SocketBook receiver, Segment s, long at) {
        if (s.has(TcpFlags.SYN)) {
            return receiver.covering(at, s.has(TcpFlags.ACK) ? CONNECTS : ACCEPT);
        }
        if (s.has(TcpFlags.RST)) {
            return receiver.covering(at, RESET_VICTIMS);
        }
        if (s.length() > 0 || s.has(TcpFlags.FIN)) {
            return receiver.covering(at, RECV);
        }
        return receiver.covering(at, WAITING);
    }

    private static Optional<CallInfo> connect(SocketBook sender, long at) {
        return sender.covering(at, CONNECTS).or(() -> sender.latestBefore(at, CONNECTS));
    }

    private static Optional<CallInfo> fin(SocketBook sender, long at) {
        return sender.covering(at, CLOSES).or(() -> sender.latestBefore(at, CLOSES)
                .filter(c -> c.op == Op.CLOSE || !"SHUT_RD".equals(c.args.get("how"))));
    }

    private static boolean isNewData(Segment s) {
        return s.length() > 0 && !s.has(AnalysisFlag.RETRANSMISSION)
                && !s.has(AnalysisFlag.KEEP_ALIVE) && !s.has(AnalysisFlag.ZERO_WINDOW_PROBE);
    }

    /** The sends whose bytes {@code s} carries, oldest first. */
    private static List<CallInfo> carriers(SocketBook sender, Segment s) {
        long from = Offsets.of(s.seq(), sender.sentSeen);
        return sender.sendsCarrying(from, from + s.length()).stream()
                .sorted(Comparator.comparingLong(c -> c.id)).toList();
    }
}

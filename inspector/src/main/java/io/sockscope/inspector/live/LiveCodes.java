package io.sockscope.inspector.live;

import static io.sockscope.inspector.live.LiveWording.bytes;
import static io.sockscope.inspector.live.LiveWording.call;
import static io.sockscope.inspector.live.LiveWording.frames;
import static io.sockscope.inspector.live.LiveWording.grouped;
import static io.sockscope.inspector.live.LiveWording.side;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.kernel.KernelState;
import io.sockscope.engine.kernel.KernelView;
import io.sockscope.engine.kernel.TcpState;
import io.sockscope.inspector.explain.ExplanationCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The explanations only a live session can give, because they rest on what a call returned:
 * {@code short_send}, {@code short_recv}, {@code coalesced} (one recv() with the bytes of several
 * writes), {@code eof}, {@code handshake_before_accept}, {@code close_wait} (a socket of the
 * session left in CLOSE_WAIT by a call's FIN) and, with no segment at all, {@code addr_in_use}
 * ({@link AddressInUse}). Told when the call's group is made, after its segments.
 */
final class LiveCodes {

    private final Books books;
    private final Pipeline pipeline;

    LiveCodes(Books books, Pipeline pipeline) {
        this.books = books;
        this.pipeline = pipeline;
    }

    /** The live explanations of {@code c}, which has ended and whose segments were processed. */
    List<LiveExplanation> of(CallInfo c) {
        CallEvent event = c.event;
        List<LiveExplanation> told = new ArrayList<>();
        if (event == null || c.book == null) {
            return told;
        }
        switch (event.op()) {
            case SEND -> shortSend(c, event).ifPresent(told::add);
            case RECV -> received(c, event, told);
            case ACCEPT -> beforeAccept(c, event).ifPresent(told::add);
            case BIND -> AddressInUse.of(event, c.book, books).ifPresent(told::add);
            default -> {
            }
        }
        closeWaits(c, event, told);
        return told;
    }

    private Optional<LiveExplanation> shortSend(CallInfo c, CallEvent event) {
        if (!event.ok() || !(event.result() instanceof CallResult.Sent sent)
                || sent.sent() >= sent.requested()) {
            return Optional.empty();
        }
        Optional<KernelView> view = c.book.sock.kernelView();
        boolean loopback = c.book.remote != null && LiveWording.loopback(c.book.remote);
        String queue = view.map(v -> " " + LiveWording.sendQueueAfter(v.sendQueueBytes(),
                v.tcpInfo().notSentBytes(), v.tcpInfo().peerWindow(), loopback)).orElse("");
        boolean nonBlocking = c.book.sock.timeout().isPresent();
        String text = call(event) + " was given " + bytes(sent.requested()) + " and took "
                + grouped(sent.sent()) + ": the kernel takes only what fits in the socket's send"
                + " buffer (SO_SNDBUF) at that moment, and those bytes filled it"
                + queue + (nonBlocking ? ", and the socket does not wait for room (a timeout or"
                + " non-blocking mode)" : "") + ". The other " + bytes(sent.requested()
                - sent.sent()) + " were not sent: send() may take less than it is given and"
                + " returns how much it took. Fix: send the rest in a loop until everything is"
                + " sent, or call sendall(), which does exactly that.";
        return Optional.of(LiveExplanation.told(ExplanationCode.SHORT_SEND, c.id,
                streamOf(c.book), dataFrames(c), text));
    }

    private void received(CallInfo c, CallEvent event, List<LiveExplanation> told) {
        if (!(event.result() instanceof CallResult.Received r)) {
            return;
        }
        SocketBook book = c.book;
        OptionalInt stream = streamOf(book);
        String from = book.remote == null ? "the peer" : side(book.remote);
        if (r.eof()) {
            List<Long> fin = book.peerFinFrame == 0 ? List.of() : List.of(book.peerFinFrame);
            boolean untilEof = Boolean.TRUE.equals(event.args().get("until_eof"));
            String read = untilEof ? call(event) + " read until the end of the stream: "
                    + bytes(r.length()) + " in all, then b''" : call(event) + " returned b''";
            String text = read + ": " + from + " closed its side of the connection"
                    + (fin.isEmpty() ? "" : " (FIN, " + frames(fin) + ")") + " and every byte"
                    + " it sent before has been read, so nothing more will arrive. This is how"
                    + " the peer says it is done: stop reading, and close() this socket once it"
                    + " has sent what it wants to (until then it stays in CLOSE_WAIT).";
            told.add(LiveExplanation.told(ExplanationCode.EOF, c.id, stream, fin, text));
            return;
        }
        if (r.length() == 0 || !event.ok()) {
            return;
        }
        List<SocketBook.Incoming> carried = book.incomingIn(c.from, c.to);
        List<Long> frames = carried.stream().map(SocketBook.Incoming::frame).toList();
        coalesced(c, event, r, carried, frames).ifPresent(told::add);
        int bufsize = event.args().get("bufsize") instanceof Number n ? n.intValue() : 0;
        if (r.length() < bufsize) {
            moreOnTheWay(c, carried).ifPresent(why -> told.add(LiveExplanation.told(
                    ExplanationCode.SHORT_RECV, c.id, stream, frames, call(event).replace("()",
                    "(" + grouped(bufsize) + ")") + " returned " + bytes(r.length()) + ", fewer"
                    + " than it asked for, while more were on the way: " + why + ". recv()"
                    + " returns what has arrived so far and never waits to fill its buffer, and"
                    + " TCP keeps no message boundaries. Fix: call recv() in a loop until the"
                    + " whole message is there (a length prefix or a delimiter says when), or"
                    + " until it returns b''.")));
        }
    }

    private Optional<LiveExplanation> coalesced(CallInfo c, CallEvent event,
            CallResult.Received r, List<SocketBook.Incoming> carried, List<Long> frames) {
        Optional<SocketBook> writer = writer(c.book);
        String writes;
        if (writer.isPresent()) {
            List<CallInfo> sends = writer.get().sendsCarrying(c.from, c.to);
            if (sends.size() < 2) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            for (CallInfo send : sends.subList(0, Math.min(4, sends.size()))) {
                names.add(call(send.asEvent()) + " (" + bytes(Math.min(send.to, c.to)
                        - Math.max(send.from, c.from)) + ")");
            }
            writes = grouped(sends.size()) + " calls of " + writer.get().name() + ": "
                    + String.join(", ", names) + (sends.size() > 4 ? " and more" : "");
        } else {
            long boundaries = carried.stream().filter(in -> in.push() && in.to() > c.from
                    && in.to() < c.to).count();
            if (boundaries == 0) {
                return Optional.empty();
            }
            writes = grouped(boundaries + 1) + " writes of "
                    + (c.book.remote == null ? "the peer" : side(c.book.remote))
                    + " (the sender's kernel marks the end of each write with PSH)";
        }
        String text = call(event) + " returned " + bytes(r.length()) + " that " + writes
                + " had sent: TCP is a stream of bytes and keeps no message boundaries, so one"
                + " recv() returns whatever has arrived, several messages at once or part of"
                + " one. Fix: mark where each message ends (a length prefix or a delimiter) and"
                + " split what recv() returns yourself.";
        return Optional.of(LiveExplanation.told(ExplanationCode.COALESCED, c.id,
                streamOf(c.book), frames, text));
    }

    /** Why more bytes were known to be coming when a recv returned short, if they were. */
    private Optional<String> moreOnTheWay(CallInfo c, List<SocketBook.Incoming> carried) {
        SocketBook book = c.book;
        long seen = book.receivedSeen();
        if (seen > c.to) {
            return Optional.of(bytes(seen - c.to) + " more had already arrived by the time it"
                    + " returned");
        }
        Optional<SocketBook> writer = writer(book);
        if (writer.isPresent()) {
            long written = writer.get().sentOffset;
            for (CallInfo send : writer.get().calls) {
                if (send.running() && send.to > written) {
                    written = send.to;
                }
            }
            if (written > c.to) {
                return Optional.of(writer.get().name() + " had written " + bytes(written - c.to)
                        + " more that were still under way");
            }
        }
        long queued = book.sock.kernelView().map(KernelView::receiveQueueBytes).orElse(0L);
        if (queued > 0) {
            return Optional.of(bytes(queued) + " more were in the receive queue right after");
        }
        if (!carried.isEmpty() && !carried.getLast().push()) {
            return Optional.of("the last segment it read (" + frames(List.of(carried.getLast()
                    .frame())) + ") had no PSH, so the sender's write was not finished");
        }
        return Optional.empty();
    }

    private Optional<LiveExplanation> beforeAccept(CallInfo c, CallEvent event) {
        if (!(event.result() instanceof CallResult.Accepted accepted)) {
            return Optional.empty();
        }
        Optional<Pipeline.Handshake> opening = pipeline.handshake(accepted.peer(),
                accepted.local());
        if (opening.isEmpty() || opening.get().ackMicros() >= c.startMicros) {
            return Optional.empty();
        }
        Pipeline.Handshake h = opening.get();
        String backlog = c.book.backlog >= 0 ? " (listen(" + c.book.backlog + "))" : "";
        String text = "The kernel at " + side(accepted.local()) + " completed this connection's"
                + " handshake with " + side(accepted.peer()) + " (SYN " + h.synFrame()
                + ", SYN+ACK " + h.synAckFrame() + ", ACK " + h.ackFrame() + ") "
                + LiveWording.duration(c.startMicros - h.ackMicros()) + " before " + call(event)
                + " was called, and queued it in " + c.book.name() + "'s listen backlog"
                + backlog + ": accept() only took it off the queue. A listening socket completes"
                + " handshakes on its own, up to its backlog; the client's connect() returns as"
                + " soon as the handshake is done, whether or not accept() is ever called.";
        return Optional.of(LiveExplanation.told(ExplanationCode.HANDSHAKE_BEFORE_ACCEPT, c.id,
                pipeline.stream(accepted.peer(), accepted.local()).map(OptionalInt::of)
                        .orElse(OptionalInt.empty()),
                List.of(h.synFrame(), h.synAckFrame(), h.ackFrame()), text));
    }

    /** Sockets of the session that a FIN from this call left in CLOSE_WAIT. */
    private void closeWaits(CallInfo c, CallEvent event, List<LiveExplanation> told) {
        for (SocketBook other : books.sockets()) {
            if (other == c.book || other.closed || other.closeWaitTold || other.peerFinFrame == 0
                    || pipeline.callOf(other.peerFinFrame) != c.id) {
                continue;
            }
            Optional<KernelView> view = other.sock.kernelView();
            if (view.isEmpty() || view.get().state() != TcpState.CLOSE_WAIT) {
                continue;
            }
            other.closeWaitTold = true;
            String name = other.name();
            String closer = c.book.sock.kernelState() instanceof KernelState.Lingering l
                    ? c.book.name() + " waits in " + l.entry().state() + " for " + name + "'s FIN"
                    : c.book.name() + " waits for " + name + "'s FIN";
            String text = call(event) + " sent FIN (" + frames(List.of(other.peerFinFrame))
                    + "): " + name + "'s kernel took it and " + name + " is now in CLOSE_WAIT,"
                    + " while " + closer + ". " + name + "'s recv() returns b'' from now on; until its"
                    + " program calls " + name + ".close(), the connection stays half open and"
                    + " keeps its file descriptor — CLOSE_WAIT never times out. The classic leak"
                    + " is an accepted socket nobody closes after recv() returned b''. Fix:"
                    + " close() the socket when recv() returns b'' (a with-block does it).";
            told.add(LiveExplanation.told(ExplanationCode.CLOSE_WAIT, c.id, streamOf(other),
                    List.of(other.peerFinFrame), text));
        }
    }

    /** The session's socket at the other end of {@code book}'s connection, if it is one. */
    private Optional<SocketBook> writer(SocketBook book) {
        if (book.local == null || book.remote == null) {
            return Optional.empty();
        }
        return books.exact(book.remote, book.local);
    }

    private OptionalInt streamOf(SocketBook book) {
        if (book.local == null || book.remote == null) {
            return OptionalInt.empty();
        }
        return pipeline.stream(book.local, book.remote).or(() -> pipeline.stream(book.remote,
                book.local)).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static List<Long> dataFrames(CallInfo c) {
        return c.segments.frames();
    }
}

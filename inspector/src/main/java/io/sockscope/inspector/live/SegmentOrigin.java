package io.sockscope.inspector.live;

import java.util.Optional;

/**
 * Who put a segment on the wire and which of the session's sockets it belongs to.
 *
 * @param source        a call of the session, the kernel on its own, or the other end
 * @param socket        the session socket: the calling one, the one whose kernel sent it, or
 *                      the one that received the peer's segment; empty when neither end is one
 *                      of the session's sockets (a built-in peer's other clients)
 * @param peer          the built-in peer that sent or received it ({@code echo}), if one did
 * @param listenBacklog the kernel sent it for a connection still in a listener's backlog
 *                      (accept() not yet called): {@code socket} is the listener
 */
public record SegmentOrigin(Source source, Optional<String> socket, Optional<String> peer,
        boolean listenBacklog) {

    /** Who put a segment on the wire. */
    public enum Source {
        /** A call of the session caused it (its {@link LiveRecord.Seen#call()} says which). */
        CALL,
        /** The session's kernel sent it on its own: an ACK, a retransmission, a probe. */
        KERNEL,
        /** The other end sent it: a built-in peer, or another program or host. */
        PEER
    }

    /** How the text transcript marks a segment no call caused: {@code kernel s}, {@code peer echo}. */
    public String mark() {
        return switch (source) {
            case CALL -> socket.orElse("call");
            case KERNEL -> "kernel" + socket.map(s -> " " + s).orElse("")
                    + (listenBacklog ? ", listen backlog" : "");
            case PEER -> "peer" + peer.map(p -> " " + p).orElse("");
        };
    }
}

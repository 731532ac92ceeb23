package io.sockscope.engine.peer;

import io.sockscope.engine.Failure;

/** The outcome of starting a peer. */
public sealed interface PeerStart {

    /** The peer listens; see {@link Peer#endpoint()}. */
    record Started(Peer peer) implements PeerStart {
    }

    /** It could not listen (EADDRINUSE, a bad host, a name already taken...). */
    record NotStarted(Failure failure) implements PeerStart {
    }
}

package io.sockscope.engine.peer;

import io.sockscope.engine.Endpoint;

/** One connection a peer accepted: the peer's own end and the client's. */
public record PeerConnection(Endpoint local, Endpoint remote) {
}

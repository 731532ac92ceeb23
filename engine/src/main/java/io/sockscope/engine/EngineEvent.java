package io.sockscope.engine;

import io.sockscope.engine.peer.PeerKind;
import java.util.Map;

/**
 * Everything the engine tells its listeners, as one sealed family to switch over without a
 * default: a call starting, a call finished ({@link CallEvent}), and the built-in peers' life
 * (which never makes CallEvents: peers are not the user's sockets).
 *
 * <p>Listeners are called on the thread that made the call (or the peer's thread), in order for
 * each call: {@link CallStarted} before the call touches the socket, its {@link CallEvent} after.
 * Calls on different threads interleave.
 */
public sealed interface EngineEvent permits EngineEvent.CallStarted, CallEvent, EngineEvent.PeerStarted,
        EngineEvent.PeerConnected, EngineEvent.PeerDisconnected, EngineEvent.PeerStopped {

    /**
     * A call began; the same id will finish as a {@link CallEvent}. While it runs it can be
     * cancelled with {@link Engine#cancel(long)}.
     */
    record CallStarted(long id, String socket, Op op, Map<String, Object> args, long startMicros)
            implements EngineEvent {
        public CallStarted {
            args = CallEvent.frozen(args);
        }
    }

    /** A peer listens at {@code endpoint}. */
    record PeerStarted(String peer, PeerKind kind, Endpoint endpoint) implements EngineEvent {
    }

    /** A peer accepted a connection: its own end {@code local}, the client {@code remote}. */
    record PeerConnected(String peer, Endpoint local, Endpoint remote) implements EngineEvent {
    }

    /** A peer closed one of its connections. */
    record PeerDisconnected(String peer, Endpoint local, Endpoint remote) implements EngineEvent {
    }

    /** A peer stopped: its listener and all its connections are closed. */
    record PeerStopped(String peer) implements EngineEvent {
    }
}

package io.sockscope.engine;

/**
 * Receives every {@link EngineEvent}. Called synchronously on the thread that makes the call (or
 * on a peer's thread), so it must be quick, thread-safe and must not throw: a face that draws
 * should hand the event to its own thread.
 */
@FunctionalInterface
public interface EngineListener {
    void onEvent(EngineEvent event);
}

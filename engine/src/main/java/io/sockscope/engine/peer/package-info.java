/**
 * Built-in servers a session runs in-process (echo, discard, chargen, sink): a listener and a
 * virtual thread per client on the posix layer, reported as peer events, never as CallEvents.
 */
package io.sockscope.engine.peer;

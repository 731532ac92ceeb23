package io.sockscope.tui.view;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One socket of the session as the kernel sees it now: an open one, or a closed one whose
 * connection the kernel still holds (FIN_WAIT2, TIME_WAIT) and for how long.
 *
 * @param name     the socket's name in the session
 * @param local    its local endpoint ({@code 127.0.0.1:51234}), when bound
 * @param remote   its remote endpoint, when connected
 * @param state    the kernel's name of the TCP state ({@code ESTABLISHED}, {@code TIME_WAIT})
 * @param sendQueueBytes    bytes not yet acknowledged (a listener: its backlog)
 * @param receiveQueueBytes bytes not yet read (a listener: connections waiting for accept())
 * @param rttMicros smoothed RTT, for an open connection
 * @param open     false once close() was called
 * @param heldFor  for a closed socket, how long the kernel keeps its connection still
 */
public record SocketLine(String name, Optional<String> local, Optional<String> remote,
    String state, long sendQueueBytes, long receiveQueueBytes, OptionalLong rttMicros,
    boolean open, Optional<Duration> heldFor) {}

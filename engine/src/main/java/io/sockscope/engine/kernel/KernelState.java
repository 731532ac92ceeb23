package io.sockscope.engine.kernel;

/**
 * What the kernel holds for a socket of the session, open or closed: an open fd's full view, a
 * closed socket's connection still in the kernel's table (FIN_WAIT, LAST_ACK, TIME_WAIT: "the port
 * is held for another 43 s"), or nothing any more.
 */
public sealed interface KernelState {

    /** The socket is open: its view now. */
    record Open(KernelView view) implements KernelState {
    }

    /** The socket was closed and the kernel still has its connection. */
    record Lingering(ProcTcpEntry entry) implements KernelState {
    }

    /** The socket was closed and the kernel keeps nothing of it (or it never was connected). */
    record Gone() implements KernelState {
    }
}

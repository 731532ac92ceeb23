package io.sockscope.engine;

import io.sockscope.engine.posix.Linux;

/**
 * The socket options the engine sets and reads, with their level and Linux numbers (socket(7),
 * tcp(7)). Python passes them as (level, option) pairs; each constant knows its level.
 */
public enum SockOpt {
    SO_REUSEADDR(Level.SOL_SOCKET, 2),
    SO_REUSEPORT(Level.SOL_SOCKET, 15),
    SO_LINGER(Level.SOL_SOCKET, 13),
    SO_RCVBUF(Level.SOL_SOCKET, 8),
    SO_SNDBUF(Level.SOL_SOCKET, 7),
    SO_KEEPALIVE(Level.SOL_SOCKET, 9),
    /** Read-only: the pending error (how a non-blocking connect's outcome is learnt). */
    SO_ERROR(Level.SOL_SOCKET, 4),
    TCP_NODELAY(Level.IPPROTO_TCP, 1),
    TCP_KEEPIDLE(Level.IPPROTO_TCP, 4),
    TCP_KEEPINTVL(Level.IPPROTO_TCP, 5),
    TCP_KEEPCNT(Level.IPPROTO_TCP, 6),
    TCP_QUICKACK(Level.IPPROTO_TCP, 12);

    /** Option levels: where in the stack an option lives. */
    public enum Level {
        SOL_SOCKET(Linux.SOL_SOCKET),
        IPPROTO_TCP(Linux.IPPROTO_TCP);

        private final int number;

        Level(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }
    }

    private final Level level;
    private final int number;

    SockOpt(Level level, int number) {
        this.level = level;
        this.number = number;
    }

    public Level level() {
        return level;
    }

    /** The option number passed to setsockopt(2)/getsockopt(2). */
    public int number() {
        return number;
    }
}

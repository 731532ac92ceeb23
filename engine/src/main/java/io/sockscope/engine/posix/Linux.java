package io.sockscope.engine.posix;

/**
 * The numbers of the Linux ABI the engine passes to libc, named once (x86-64 and arm64 share
 * them all). Sources: socket(7), ip(7), tcp(7), poll(2), eventfd(2), ioctl_list(2) and
 * {@code <asm-generic/errno.h>}.
 */
public final class Linux {
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;

    public static final int SOL_SOCKET = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int SO_ERROR = 4;
    public static final int SO_LINGER = 13;
    public static final int SO_REUSEADDR = 2;
    public static final int TCP_INFO = 11;

    public static final int MSG_NOSIGNAL = 0x4000;

    public static final short POLLIN = 0x001;
    public static final short POLLOUT = 0x004;
    public static final short POLLERR = 0x008;
    public static final short POLLHUP = 0x010;
    public static final short POLLNVAL = 0x020;
    public static final short POLLRDHUP = 0x2000;

    /** SIOCINQ (= FIONREAD): bytes in the receive queue not yet read. */
    public static final long SIOCINQ = 0x541B;
    /** SIOCOUTQ (= TIOCOUTQ): bytes in the send queue not yet acknowledged. */
    public static final long SIOCOUTQ = 0x5411;

    public static final int EFD_NONBLOCK = 0x800;
    public static final int EFD_CLOEXEC = 0x80000;

    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EINTR = 4;
    public static final int EINVAL = 22;
    public static final int EISCONN = 106;
    public static final int ECONNRESET = 104;
    public static final int EALREADY = 114;
    public static final int EINPROGRESS = 115;

    private Linux() {
    }
}

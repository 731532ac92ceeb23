package io.sockscope.engine.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library functions the engine calls, and nothing else: every downcall handle lives here.
 *
 * <p>Each wrapper returns what the C function returns when it succeeds and {@code -errno} when it
 * fails (the kernel's own convention for raw system calls), so a caller never reads a global
 * errno and no call allocates on the Java heap. errno is captured by the linker
 * ({@code Linker.Option.captureCallState("errno")}) into a few bytes of native memory owned by
 * the call. Functions that cannot fail through errno (strerror, inet_ntop, getaddrinfo) return
 * their C result unchanged.
 *
 * <p>Thread safety: every wrapper may be called from any thread, virtual or not. A downcall pins
 * a virtual thread's carrier for its duration; every call here returns at once because sockets
 * are non-blocking, except {@link #poll}, which only the {@link Poller}'s platform thread calls,
 * and {@link #close} of a socket with a positive SO_LINGER, which the kernel may hold.
 */
@SuppressWarnings("restricted")
public final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = errnoCall("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle BIND = errnoCall("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle LISTEN = errnoCall("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle ACCEPT4 =
            errnoCall("accept4", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    private static final MethodHandle CONNECT = errnoCall("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SEND =
            errnoCall("send", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle RECV =
            errnoCall("recv", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle SHUTDOWN = errnoCall("shutdown", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle CLOSE = errnoCall("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle SETSOCKOPT =
            errnoCall("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKOPT =
            errnoCall("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle GETSOCKNAME =
            errnoCall("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle GETPEERNAME =
            errnoCall("getpeername", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle POLL = errnoCall("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    /** ioctl(2) is variadic: {@code int ioctl(int fd, unsigned long request, ...)}. */
    private static final MethodHandle IOCTL = LINKER.downcallHandle(
            LIBC.findOrThrow("ioctl"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
            ERRNO_OPTION, Linker.Option.firstVariadicArg(2));
    private static final MethodHandle EVENTFD = errnoCall("eventfd", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle READ = errnoCall("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle WRITE = errnoCall("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle STRERROR = plainCall("strerror", ADDRESS, JAVA_INT);
    private static final MethodHandle INET_PTON = plainCall("inet_pton", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle INET_NTOP =
            plainCall("inet_ntop", ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    private static final MethodHandle GETADDRINFO =
            plainCall("getaddrinfo", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    private static final MethodHandle FREEADDRINFO =
            LINKER.downcallHandle(LIBC.findOrThrow("freeaddrinfo"), FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle GAI_STRERROR = plainCall("gai_strerror", ADDRESS, JAVA_INT);

    private Libc() {
    }

    private static MethodHandle errnoCall(String name, MemoryLayout result, MemoryLayout... args) {
        return LINKER.downcallHandle(LIBC.findOrThrow(name), FunctionDescriptor.of(result, args), ERRNO_OPTION);
    }

    private static MethodHandle plainCall(String name, MemoryLayout result, MemoryLayout... args) {
        return LINKER.downcallHandle(LIBC.findOrThrow(name), FunctionDescriptor.of(result, args));
    }

    private static long orErrno(long result, MemorySegment capture) {
        return result == -1 ? -(int) ERRNO.get(capture, 0L) : result;
    }

    private static RuntimeException downcallFailed(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }

    /** socket(2). */
    public static int socket(int domain, int type, int protocol) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) SOCKET.invokeExact(capture, domain, type, protocol), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** bind(2). */
    public static int bind(int fd, MemorySegment address, int addressLength) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) BIND.invokeExact(capture, fd, address, addressLength), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** listen(2). */
    public static int listen(int fd, int backlog) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) LISTEN.invokeExact(capture, fd, backlog), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** accept4(2); {@code addressLength} points at a socklen_t holding the buffer size. */
    public static int accept4(int fd, MemorySegment address, MemorySegment addressLength, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) ACCEPT4.invokeExact(capture, fd, address, addressLength, flags), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** connect(2). */
    public static int connect(int fd, MemorySegment address, int addressLength) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) CONNECT.invokeExact(capture, fd, address, addressLength), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** send(2). */
    public static long send(int fd, MemorySegment buffer, long length, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return orErrno((long) SEND.invokeExact(capture, fd, buffer, length, flags), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** recv(2). */
    public static long recv(int fd, MemorySegment buffer, long length, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return orErrno((long) RECV.invokeExact(capture, fd, buffer, length, flags), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** shutdown(2). */
    public static int shutdown(int fd, int how) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) SHUTDOWN.invokeExact(capture, fd, how), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** close(2). */
    public static int close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) CLOSE.invokeExact(capture, fd), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** setsockopt(2). */
    public static int setsockopt(int fd, int level, int option, MemorySegment value, int valueLength) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno(
                    (int) SETSOCKOPT.invokeExact(capture, fd, level, option, value, valueLength), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** getsockopt(2); {@code valueLength} points at a socklen_t holding the buffer size. */
    public static int getsockopt(int fd, int level, int option, MemorySegment value, MemorySegment valueLength) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno(
                    (int) GETSOCKOPT.invokeExact(capture, fd, level, option, value, valueLength), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** getsockname(2). */
    public static int getsockname(int fd, MemorySegment address, MemorySegment addressLength) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) GETSOCKNAME.invokeExact(capture, fd, address, addressLength), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** getpeername(2). */
    public static int getpeername(int fd, MemorySegment address, MemorySegment addressLength) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) GETPEERNAME.invokeExact(capture, fd, address, addressLength), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** poll(2) over {@code count} {@code struct pollfd}; blocks, so call it from a platform thread. */
    public static int poll(MemorySegment fds, long count, int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) POLL.invokeExact(capture, fds, count, timeoutMillis), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** ioctl(2) with a pointer argument (SIOCINQ, SIOCOUTQ). */
    public static int ioctl(int fd, long request, MemorySegment argument) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) IOCTL.invokeExact(capture, fd, request, argument), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** eventfd(2). */
    public static int eventfd(int initialValue, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return (int) orErrno((int) EVENTFD.invokeExact(capture, initialValue, flags), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** read(2). */
    public static long read(int fd, MemorySegment buffer, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return orErrno((long) READ.invokeExact(capture, fd, buffer, length), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** write(2). */
    public static long write(int fd, MemorySegment buffer, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            return orErrno((long) WRITE.invokeExact(capture, fd, buffer, length), capture);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** strerror(3), copied out at once (the C string may be reused by the next call). */
    public static String strerror(int errno) {
        try {
            MemorySegment message = (MemorySegment) STRERROR.invokeExact(errno);
            return message.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** inet_pton(3): 1 when {@code text} (a C string) is a valid address of {@code family}. */
    public static int inetPton(int family, MemorySegment text, MemorySegment address) {
        try {
            return (int) INET_PTON.invokeExact(family, text, address);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** inet_ntop(3): the textual form of {@code address}, written into {@code text}. */
    public static String inetNtop(int family, MemorySegment address, MemorySegment text) {
        try {
            MemorySegment result = (MemorySegment) INET_NTOP.invokeExact(family, address, text, (int) text.byteSize());
            return result.equals(MemorySegment.NULL) ? "" : text.getString(0);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** getaddrinfo(3): 0, or an EAI_* code (negative on glibc). */
    public static int getaddrinfo(MemorySegment node, MemorySegment service, MemorySegment hints,
                                  MemorySegment result) {
        try {
            return (int) GETADDRINFO.invokeExact(node, service, hints, result);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** freeaddrinfo(3). */
    public static void freeaddrinfo(MemorySegment list) {
        try {
            FREEADDRINFO.invokeExact(list);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }

    /** gai_strerror(3). */
    public static String gaiStrerror(int code) {
        try {
            MemorySegment message = (MemorySegment) GAI_STRERROR.invokeExact(code);
            return message.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw downcallFailed(t);
        }
    }
}

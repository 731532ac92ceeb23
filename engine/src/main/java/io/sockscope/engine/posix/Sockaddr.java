package io.sockscope.engine.posix;

import static io.sockscope.engine.posix.NativeStructs.NET_SHORT;
import static io.sockscope.engine.posix.NativeStructs.SOCKADDR_IN;
import static io.sockscope.engine.posix.NativeStructs.SOCKADDR_IN6;
import static io.sockscope.engine.posix.NativeStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Family;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Conversions between socket addresses in native memory ({@code sockaddr_in},
 * {@code sockaddr_in6}) and {@link Endpoint} values. Ports are written and read big-endian
 * through the layout, so no htons is needed.
 */
public final class Sockaddr {
    private static final long IN_PORT = offset(SOCKADDR_IN, "sin_port");
    private static final long IN_ADDR = offset(SOCKADDR_IN, "sin_addr");
    private static final long IN6_PORT = offset(SOCKADDR_IN6, "sin6_port");
    private static final long IN6_ADDR = offset(SOCKADDR_IN6, "sin6_addr");
    /** INET6_ADDRSTRLEN, inet_ntop(3). */
    private static final int ADDRESS_TEXT_SIZE = 46;

    private Sockaddr() {
    }

    /** A {@code sockaddr_in} or {@code sockaddr_in6} for {@code address} (4 or 16 bytes) and port. */
    public static MemorySegment encode(Arena arena, Family family, byte[] address, int port) {
        if (family == Family.INET) {
            MemorySegment sockaddr = arena.allocate(SOCKADDR_IN);
            sockaddr.set(JAVA_SHORT, 0, (short) Linux.AF_INET);
            sockaddr.set(NET_SHORT, IN_PORT, (short) port);
            MemorySegment.copy(address, 0, sockaddr, JAVA_BYTE, IN_ADDR, 4);
            return sockaddr;
        }
        MemorySegment sockaddr = arena.allocate(SOCKADDR_IN6);
        sockaddr.set(JAVA_SHORT, 0, (short) Linux.AF_INET6);
        sockaddr.set(NET_SHORT, IN6_PORT, (short) port);
        MemorySegment.copy(address, 0, sockaddr, JAVA_BYTE, IN6_ADDR, 16);
        return sockaddr;
    }

    /** The endpoint in a {@code sockaddr_storage} the kernel filled; empty for other families. */
    public static Optional<Endpoint> decode(MemorySegment sockaddr) {
        int family = sockaddr.get(JAVA_SHORT, 0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(ADDRESS_TEXT_SIZE);
            if (family == Linux.AF_INET) {
                String host = Libc.inetNtop(Linux.AF_INET, sockaddr.asSlice(IN_ADDR, 4), text);
                return Optional.of(new Endpoint(host, sockaddr.get(NET_SHORT, IN_PORT) & 0xffff));
            }
            if (family == Linux.AF_INET6) {
                String host = Libc.inetNtop(Linux.AF_INET6, sockaddr.asSlice(IN6_ADDR, 16), text);
                return Optional.of(new Endpoint(host, sockaddr.get(NET_SHORT, IN6_PORT) & 0xffff));
            }
            return Optional.empty();
        }
    }

    /** inet_ntop(3) of 4 (INET) or 16 (INET6) address bytes: {@code 127.0.0.1}, {@code ::1}. */
    public static String text(Family family, byte[] address) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocate(16);
            MemorySegment.copy(address, 0, bytes, JAVA_BYTE, 0, address.length);
            return Libc.inetNtop(family.number(), bytes, arena.allocate(ADDRESS_TEXT_SIZE));
        }
    }

    /** The 4 or 16 address bytes of a numeric {@code host} of {@code family}, if it is one. */
    public static Optional<byte[]> parseNumeric(Family family, String host) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment address = arena.allocate(16);
            int ok = Libc.inetPton(family.number(), arena.allocateFrom(host), address);
            return ok == 1
                    ? Optional.of(address.asSlice(0, family == Family.INET ? 4 : 16).toArray(JAVA_BYTE))
                    : Optional.empty();
        }
    }
}

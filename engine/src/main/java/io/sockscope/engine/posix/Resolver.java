package io.sockscope.engine.posix;

import static io.sockscope.engine.posix.NativeStructs.ADDRINFO;
import static io.sockscope.engine.posix.NativeStructs.SOCKADDR_IN;
import static io.sockscope.engine.posix.NativeStructs.SOCKADDR_IN6;
import static io.sockscope.engine.posix.NativeStructs.offset;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.sockscope.engine.Failure;
import io.sockscope.engine.Failure.PythonException;
import io.sockscope.engine.Family;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Turns the host of an address tuple into address bytes exactly as CPython's
 * {@code setipaddr()} does: {@code ""} is the wildcard, {@code "<broadcast>"} is
 * 255.255.255.255, numeric addresses go through inet_pton(3), anything else through
 * getaddrinfo(3) restricted to the socket's family (so {@code "127.0.0.1"} on an AF_INET6 socket
 * fails with EAI_ADDRFAMILY, as in Python).
 *
 * <p>getaddrinfo may block on DNS for names that are not in /etc/hosts; that wait cannot be
 * cancelled.
 */
@SuppressWarnings("restricted")
public final class Resolver {
    private static final String[] EAI_NAMES = {
        "", "EAI_BADFLAGS", "EAI_NONAME", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_FAMILY",
        "EAI_SOCKTYPE", "EAI_SERVICE", "EAI_ADDRFAMILY", "EAI_MEMORY", "EAI_SYSTEM", "EAI_OVERFLOW",
    };

    private Resolver() {
    }

    /** The 4 (INET) or 16 (INET6) address bytes for {@code host}. */
    public static IoResult<byte[]> resolve(Family family, String host) {
        int size = family == Family.INET ? 4 : 16;
        if (host.isEmpty()) {
            return IoResult.ok(new byte[size]);
        }
        if (host.equals("255.255.255.255") || host.equals("<broadcast>")) {
            return family == Family.INET
                    ? IoResult.ok(new byte[] {-1, -1, -1, -1})
                    : IoResult.failed(new Failure.BadArgument(PythonException.OS_ERROR, "address family mismatched"));
        }
        if (family == Family.INET || host.indexOf('%') < 0) {
            var numeric = Sockaddr.parseNumeric(family, host);
            if (numeric.isPresent()) {
                return IoResult.ok(numeric.get());
            }
        }
        return lookUp(family, host);
    }

    private static IoResult<byte[]> lookUp(Family family, String host) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment hints = arena.allocate(ADDRINFO);
            hints.set(JAVA_INT, offset(ADDRINFO, "ai_family"), family.number());
            MemorySegment list = arena.allocate(ADDRESS);
            int code = Libc.getaddrinfo(arena.allocateFrom(host), MemorySegment.NULL, hints, list);
            if (code != 0) {
                String name = -code > 0 && -code < EAI_NAMES.length ? EAI_NAMES[-code] : "EAI_" + code;
                return IoResult.failed(new Failure.AddressError(code, name, Libc.gaiStrerror(code)));
            }
            MemorySegment first = list.get(ADDRESS, 0).reinterpret(ADDRINFO.byteSize());
            try {
                MemorySegment sockaddr = first.get(ADDRESS, offset(ADDRINFO, "ai_addr"))
                        .reinterpret(SOCKADDR_IN6.byteSize());
                int found = sockaddr.get(JAVA_SHORT, 0);
                if (found == Linux.AF_INET) {
                    return IoResult.ok(sockaddr.asSlice(offset(SOCKADDR_IN, "sin_addr"), 4).toArray(JAVA_BYTE));
                }
                if (found == Linux.AF_INET6) {
                    return IoResult.ok(sockaddr.asSlice(offset(SOCKADDR_IN6, "sin6_addr"), 16).toArray(JAVA_BYTE));
                }
                return IoResult.failed(new Failure.BadArgument(PythonException.OS_ERROR, "unknown address family"));
            } finally {
                Libc.freeaddrinfo(list.get(ADDRESS, 0));
            }
        }
    }
}

package io.sockscope.engine;

import io.sockscope.engine.posix.Libc;
import java.util.Optional;

/**
 * A Linux errno as a failed system call reported it: the number, its symbolic name and the C
 * library's message for it, so a face can print it as C ({@code ECONNREFUSED}) or Python
 * ({@code [Errno 111] Connection refused}) does.
 *
 * @param number  the errno value (111)
 * @param name    the symbolic name from {@code <asm-generic/errno.h>} ({@code ECONNREFUSED});
 *                {@code E<number>} for a number without one
 * @param message strerror(3) for the number ({@code Connection refused})
 */
public record Errno(int number, String name, String message) {
    /** Index = errno number; null where Linux defines no name of its own (41, 58 are aliases). */
    private static final String[] NAMES = {
            null, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO",
            "ENXIO", "E2BIG", "ENOEXEC", "EBADF", "ECHILD", "EAGAIN",
            "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST",
            "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE",
            "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE",
            "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK",
            "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY", "ELOOP", null,
            "ENOMSG", "EIDRM", "ECHRNG", "EL2NSYNC", "EL3HLT", "EL3RST",
            "ELNRNG", "EUNATCH", "ENOCSI", "EL2HLT", "EBADE", "EBADR",
            "EXFULL", "ENOANO", "EBADRQC", "EBADSLT", null, "EBFONT",
            "ENOSTR", "ENODATA", "ETIME", "ENOSR", "ENONET", "ENOPKG",
            "EREMOTE", "ENOLINK", "EADV", "ESRMNT", "ECOMM", "EPROTO",
            "EMULTIHOP", "EDOTDOT", "EBADMSG", "EOVERFLOW", "ENOTUNIQ", "EBADFD",
            "EREMCHG", "ELIBACC", "ELIBBAD", "ELIBSCN", "ELIBMAX", "ELIBEXEC",
            "EILSEQ", "ERESTART", "ESTRPIPE", "EUSERS", "ENOTSOCK", "EDESTADDRREQ",
            "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP",
            "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH",
            "ENETRESET", "ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN", "ENOTCONN",
            "ESHUTDOWN", "ETOOMANYREFS", "ETIMEDOUT", "ECONNREFUSED", "EHOSTDOWN", "EHOSTUNREACH",
            "EALREADY", "EINPROGRESS", "ESTALE", "EUCLEAN", "ENOTNAM", "ENAVAIL",
            "EISNAM", "EREMOTEIO", "EDQUOT", "ENOMEDIUM", "EMEDIUMTYPE", "ECANCELED",
            "ENOKEY", "EKEYEXPIRED", "EKEYREVOKED", "EKEYREJECTED", "EOWNERDEAD", "ENOTRECOVERABLE",
            "ERFKILL", "EHWPOISON"
    };

    private static final Errno[] KNOWN = new Errno[NAMES.length];

    static {
        for (int number = 1; number < NAMES.length; number++) {
            if (NAMES[number] != null) {
                KNOWN[number] = new Errno(number, NAMES[number], Libc.strerror(number));
            }
        }
    }

    /** The errno for {@code number}, with its name and strerror(3) message. */
    public static Errno of(int number) {
        if (number > 0 && number < KNOWN.length && KNOWN[number] != null) {
            return KNOWN[number];
        }
        return new Errno(number, "E" + number, Libc.strerror(number));
    }

    /** The errno called {@code name} ({@code ECONNREFUSED}), if Linux has one by that name. */
    public static Optional<Errno> named(String name) {
        for (Errno errno : KNOWN) {
            if (errno != null && errno.name.equals(name)) {
                return Optional.of(errno);
            }
        }
        return Optional.empty();
    }
}

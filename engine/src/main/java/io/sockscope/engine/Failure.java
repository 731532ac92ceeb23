package io.sockscope.engine;

/**
 * Why a call failed, as a value: every failure Python's socket module can raise for the calls
 * the engine makes, so a renderer can print exactly what Python would.
 *
 * <ul>
 *   <li>{@link OsError}: a system call failed with an errno (Python: an {@code OSError}
 *       subclass chosen by the errno, {@code ConnectionRefusedError: [Errno 111] Connection
 *       refused}; EAGAIN on a non-blocking socket is {@code BlockingIOError}).</li>
 *   <li>{@link TimedOut}: the socket's timeout (settimeout(x), x &gt; 0) ran out. No errno:
 *       Python raises {@code TimeoutError: timed out} with {@code errno} None.</li>
 *   <li>{@link Cancelled}: another thread cancelled the call while it waited (the shell's
 *       Ctrl-C). Python shows {@code KeyboardInterrupt}. The socket stays open and usable.</li>
 *   <li>{@link AddressError}: the host could not be turned into an address
 *       ({@code socket.gaierror: [Errno -2] Name or service not known}).</li>
 *   <li>{@link BadArgument}: an argument Python rejects before any system call
 *       ({@code OverflowError: bind(): port must be 0-65535.}).</li>
 *   <li>{@link NameInUse}: the engine's own rule that open sockets have distinct names.</li>
 * </ul>
 */
public sealed interface Failure {

    /** A system call failed with {@code errno}. */
    record OsError(Errno errno) implements Failure {
    }

    /** The socket's timeout expired before the call could complete. */
    record TimedOut() implements Failure {
        /** Python's message for it. */
        public static final String MESSAGE = "timed out";
    }

    /** The call was cancelled while it waited; nothing else was done to the socket. */
    record Cancelled() implements Failure {
    }

    /**
     * getaddrinfo(3) could not resolve a host.
     *
     * @param code    the EAI_* code as glibc defines it (negative: -2 for EAI_NONAME)
     * @param name    the EAI_* name
     * @param message gai_strerror(3) for the code
     */
    record AddressError(int code, String name, String message) implements Failure {
    }

    /**
     * An argument Python rejects before calling the kernel.
     *
     * @param exception the Python exception class it raises
     * @param message   its message, word for word
     */
    record BadArgument(PythonException exception, String message) implements Failure {
    }

    /** A socket could not take {@code name}: an open socket already has it. */
    record NameInUse(String name) implements Failure {
    }

    /** The Python exception classes a {@link BadArgument} stands for. */
    enum PythonException {
        VALUE_ERROR("ValueError"),
        OVERFLOW_ERROR("OverflowError"),
        OS_ERROR("OSError");

        private final String pythonName;

        PythonException(String pythonName) {
            this.pythonName = pythonName;
        }

        /** The class name as Python prints it. */
        public String pythonName() {
            return pythonName;
        }
    }

    /** Shorthand for an {@link OsError} of errno {@code number}. */
    static Failure os(int number) {
        return new OsError(Errno.of(number));
    }
}

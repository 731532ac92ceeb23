package io.sockscope.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a call returned, typed per op (SPEC §5). On failure the result is {@link NoResult} unless
 * the call had made progress before failing: a sendall or blocking send that timed out or was
 * cancelled carries the bytes queued so far ({@link SentAll}, {@link Sent}), a recv until EOF the
 * data read so far ({@link Received} with {@code eof} false).
 */
public sealed interface CallResult {

    /** Python returns None: bind, listen, connect, shutdown, close, setsockopt, settimeout, setblocking. */
    record NoResult() implements CallResult {
    }

    /** socket() and fileno(): the fd number (-1 from fileno() of a closed socket). */
    record Fd(int fd) implements CallResult {
    }

    /** accept(): the new socket's name, its peer, and its own local address. */
    record Accepted(String socket, Endpoint peer, Endpoint local) implements CallResult {
    }

    /** send(): bytes the kernel took, out of those asked. */
    record Sent(long sent, long requested) implements CallResult {
    }

    /** sendall(): bytes queued (all of them when it succeeded). */
    record SentAll(long sent) implements CallResult {
    }

    /**
     * recv(): the bytes read. {@code eof} is true when recv(n &gt; 0) returned b'' because the
     * peer had sent FIN, or when recv until EOF reached it.
     */
    record Received(byte[] data, boolean eof) implements CallResult {
        public Received {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** Number of bytes read. */
        public int length() {
            return data.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Received r && eof == r.eof && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(data) + Boolean.hashCode(eof);
        }

        @Override
        public String toString() {
            return "Received[" + PythonBytes.repr(data, PythonBytes.ARGUMENT_LIMIT) + ", eof=" + eof + "]";
        }
    }

    /** getsockname() and getpeername(). */
    record Address(Endpoint endpoint) implements CallResult {
    }

    /**
     * connect_ex(): 0 on success, else the errno Python's connect_ex returns (EINPROGRESS on a
     * non-blocking socket; EAGAIN (11) when a timeout expired, as CPython reports it).
     */
    record ErrorCode(int code) implements CallResult {
        /** The errno the code names; empty for 0. */
        public Optional<Errno> errno() {
            return code == 0 ? Optional.empty() : Optional.of(Errno.of(code));
        }
    }

    /** getsockopt(): an {@link OptValue.IntValue}, or {@link OptValue.Raw} when a buffer length was given. */
    record Option(OptValue value) implements CallResult {
    }
}

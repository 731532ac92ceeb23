package io.sockscope.engine.posix;

import io.sockscope.engine.Failure;
import java.util.Optional;

/**
 * What a socket operation of the posix layer came to: a value, or a {@link Failure} with what
 * had been done before it (bytes a sendall queued, data a recv-until-EOF read).
 *
 * @param <T> the value of a successful operation
 */
public sealed interface IoResult<T> {

    /** The operation completed with {@code value}. */
    record Ok<T>(T value) implements IoResult<T> {
    }

    /** The operation failed; {@code partial} is the progress made before, where there was some. */
    record Failed<T>(Failure failure, Optional<T> partial) implements IoResult<T> {
    }

    static <T> IoResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> IoResult<T> failed(Failure failure) {
        return new Failed<>(failure, Optional.empty());
    }

    static <T> IoResult<T> failed(Failure failure, T partial) {
        return new Failed<>(failure, Optional.of(partial));
    }

    /** A failure from a {@link Libc} result ({@code -errno}). */
    static <T> IoResult<T> errno(long negatedErrno) {
        return failed(Failure.os((int) -negatedErrno));
    }
}

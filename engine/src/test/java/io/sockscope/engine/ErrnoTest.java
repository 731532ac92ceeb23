package io.sockscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Linux errno names and glibc's messages for them. */
class ErrnoTest {

    @Test
    void networkingErrnosHaveTheirLinuxNamesAndMessages() {
        assertThat(Errno.of(111)).isEqualTo(new Errno(111, "ECONNREFUSED", "Connection refused"));
        assertThat(Errno.of(98)).isEqualTo(new Errno(98, "EADDRINUSE", "Address already in use"));
        assertThat(Errno.of(104)).isEqualTo(new Errno(104, "ECONNRESET", "Connection reset by peer"));
        assertThat(Errno.of(11)).isEqualTo(new Errno(11, "EAGAIN", "Resource temporarily unavailable"));
        assertThat(Errno.of(115)).isEqualTo(new Errno(115, "EINPROGRESS", "Operation now in progress"));
        assertThat(Errno.of(32)).isEqualTo(new Errno(32, "EPIPE", "Broken pipe"));
        assertThat(Errno.of(110)).isEqualTo(new Errno(110, "ETIMEDOUT", "Connection timed out"));
    }

    @Test
    void lookUpByName() {
        assertThat(Errno.named("ENOTCONN")).hasValue(Errno.of(107));
        assertThat(Errno.named("EWHATEVER")).isEmpty();
    }

    @Test
    void numbersWithoutANameStillHaveAMessage() {
        assertThat(Errno.of(4000).name()).isEqualTo("E4000");
        assertThat(Errno.of(4000).message()).isEqualTo("Unknown error 4000");
    }
}

package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.shell.cli.SignalEcho.Arrival;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One Ctrl-C delivered twice (as GNU timeout does: to the process, then to its group) stays one
 * stop request; a Ctrl-C pressed after the first is a second one.
 */
class SignalEchoTest {

    private final AtomicLong now = new AtomicLong(-5_000_000_000L);
    private final SignalEcho echo = new SignalEcho(now::get);

    @Test
    void aSignalDeliveredTwiceAtOnceIsOneRequest() {
        assertThat(echo.any()).isFalse();
        assertThat(echo.arrived()).isEqualTo(Arrival.FIRST);
        now.addAndGet(40_000);
        assertThat(echo.arrived()).isEqualTo(Arrival.ECHO);
        assertThat(echo.any()).isTrue();
    }

    @Test
    void copiesKeepBeingCopiesUntilTheWindowCloses() {
        echo.arrived();
        now.addAndGet(SignalEcho.SAME_REQUEST_NANOS - 1);
        assertThat(echo.arrived()).isEqualTo(Arrival.ECHO);
        now.addAndGet(1);
        assertThat(echo.arrived()).isEqualTo(Arrival.AGAIN);
    }

    @Test
    void aCtrlCPressedLaterIsASecondRequest() {
        echo.arrived();
        now.addAndGet(1_200_000_000L);
        assertThat(echo.arrived()).isEqualTo(Arrival.AGAIN);
        assertThat(echo.arrived()).isEqualTo(Arrival.AGAIN);
    }

    @Test
    void theWindowIsMeasuredFromTheFirstNotTheLatestCopy() {
        echo.arrived();
        for (int i = 0; i < 4; i++) {
            now.addAndGet(SignalEcho.SAME_REQUEST_NANOS / 5);
            assertThat(echo.arrived()).isEqualTo(Arrival.ECHO);
        }
        now.addAndGet(SignalEcho.SAME_REQUEST_NANOS / 5);
        assertThat(echo.arrived()).isEqualTo(Arrival.AGAIN);
    }
}

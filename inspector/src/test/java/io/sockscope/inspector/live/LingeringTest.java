package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.OptValue;
import io.sockscope.engine.SockOpt;
import org.junit.jupiter.api.Test;

/**
 * A closed socket's connection leaving the kernel is told while the session is idle: here the
 * client's, which its peer's reset ends at once (a TIME_WAIT would take a minute).
 */
class LingeringTest {

    @Test
    void aClosedSocketsConnectionLeavingTheKernelIsTold() throws InterruptedException {
        try (LiveRun run = new LiveRun()) {
            Pair pair = Pair.open(run);
            run.settle(pair.client().close());
            run.settle(pair.server().setsockopt(SockOpt.SO_LINGER, new OptValue.Linger(true, 0)));
            run.settle(pair.server().close());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (notYetReleased("client", run) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(run.between).anySatisfy(r -> assertThat(r)
                    .isInstanceOfSatisfying(LiveRecord.Released.class, gone -> {
                        assertThat(gone.socket()).isEqualTo("client");
                        assertThat(gone.local()).isEqualTo(pair.client().lastLocal().orElseThrow());
                    }));
        }
    }

    private static boolean notYetReleased(String socket, LiveRun run) {
        return run.between.stream().noneMatch(r -> r instanceof LiveRecord.Released gone
                && gone.socket().equals(socket));
    }
}

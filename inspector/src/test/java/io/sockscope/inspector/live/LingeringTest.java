package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.Endpoint;
import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.kernel.TcpState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end of a closed socket's TIME_WAIT is told: here the client's, which closed first, ended
 * early with {@code ss -K} (the kernel lets it destroy a TIME_WAIT entry) instead of after a
 * minute. A connection that never was in TIME_WAIT (a reset one) ends without a word.
 */
class LingeringTest {

    @Test
    void theEndOfAClosedSocketsTimeWaitIsTold() throws IOException, InterruptedException {
        try (LiveRun run = new LiveRun()) {
            Pair pair = Pair.open(run);
            run.settle(pair.client().close());
            run.settle(pair.server().close());
            Endpoint local = pair.client().lastLocal().orElseThrow();
            Endpoint remote = pair.client().lastRemote().orElseThrow();
            assertThat(ProcNetTcp.find(local, remote)).hasValueSatisfying(e ->
                    assertThat(e.state()).isEqualTo(TcpState.TIME_WAIT));
            List<LiveRecord> told = new ArrayList<>(run.live.catchUp());
            assertThat(told).noneMatch(LiveRecord.Released.class::isInstance);
            Process kill = new ProcessBuilder("ss", "-K", "-tn", "state", "time-wait",
                    "sport = :" + local.port()).redirectErrorStream(true).start();
            assertThat(kill.waitFor()).as(new String(kill.getInputStream().readAllBytes()))
                    .isZero();
            assertThat(ProcNetTcp.find(local, remote)).isEmpty();
            told.addAll(run.live.catchUp());
            assertThat(told).filteredOn(LiveRecord.Released.class::isInstance).singleElement()
                    .isEqualTo(new LiveRecord.Released("client", local, remote));
        }
    }
}

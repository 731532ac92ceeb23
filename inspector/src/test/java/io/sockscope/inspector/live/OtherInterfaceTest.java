package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.OptValue;
import io.sockscope.engine.Sock;
import io.sockscope.engine.SockOpt;
import org.junit.jupiter.api.Test;

/**
 * Traffic that leaves loopback, to a server in a network namespace behind a veth pair: capture
 * opens the interface of the route before connect()'s SYN leaves, and the barrier there (a quiet
 * interface, as no marker can be ordered with the traffic) still gives each call its segments.
 */
class OtherInterfaceTest {

    @Test
    void aConnectElsewhereIsCapturedOnTheInterfaceOfItsRoute() throws Exception {
        try (LiveRun run = new LiveRun(); Namespace ns = Namespace.create();
                Namespace.Server server = ns.echo()) {
            Sock s = run.socket("s");
            CallEvent connect = run.settle(s.connect(ns.peerAddress, server.port()));
            assertThat(connect.ok()).as("connect: %s", connect.failure()).isTrue();
            assertThat(run.live.interfaces()).contains("lo", ns.hostSide);
            assertThat(run.flags(connect)).containsExactly("S", "S.", ".");
            assertThat(run.segments(connect).getFirst().segment().source().host())
                    .isEqualTo(ns.hostAddress);
            run.settle(s.setsockopt(SockOpt.TCP_NODELAY, new OptValue.IntValue(1)));
            for (int i = 0; i < 20; i++) {
                CallEvent send = run.settle(s.send(new byte[] {(byte) ('a' + i)}));
                assertThat(run.flags(send)).as("segments of send %d", i).contains("P.");
            }
            CallEvent recv = run.settle(s.recv(64));
            assertThat(((CallResult.Received) recv.result()).length()).isPositive();
            run.settle(s.close());
            Ending ending = run.stop();
            assertThat(Namespace.names(ending.counts())).containsExactly("lo", ns.hostSide);
            assertThat(ending.counts().get(1).received()).isGreaterThanOrEqualTo(
                    run.everySegment().size());
        }
    }
}

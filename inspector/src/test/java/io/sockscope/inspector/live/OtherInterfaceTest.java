package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Sock;
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
                Namespace.Server server = ns.echoOnce()) {
            Sock s = run.socket("s");
            CallEvent connect = run.settle(s.connect(ns.peerAddress, server.port()));
            assertThat(connect.ok()).as("connect: %s", connect.failure()).isTrue();
            assertThat(run.live.interfaces()).contains("lo", ns.hostSide);
            assertThat(run.flags(connect)).containsExactly("S", "S.", ".");
            assertThat(run.segments(connect).getFirst().segment().source().host())
                    .isEqualTo(ns.hostAddress);
            CallEvent send = run.settle(s.sendall("over veth".getBytes()));
            assertThat(run.flags(send).getFirst()).isEqualTo("P.");
            CallEvent recv = run.settle(s.recv(64));
            assertThat(((CallResult.Received) recv.result()).data()).isEqualTo(
                    "over veth".getBytes());
            run.settle(s.close());
            Ending ending = run.stop();
            assertThat(Namespace.names(ending.counts())).containsExactly("lo", ns.hostSide);
            assertThat(ending.counts().get(1).received()).isGreaterThanOrEqualTo(
                    run.everySegment().size());
        }
    }
}

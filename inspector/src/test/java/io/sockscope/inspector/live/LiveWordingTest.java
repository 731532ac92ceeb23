package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.Endpoint;
import org.junit.jupiter.api.Test;

/** The words for what a short send() left in the send queue, full or already drained. */
class LiveWordingTest {

    @Test
    void aQueueStillHoldingTheBytesIsGivenAsItWas() {
        assertThat(LiveWording.sendQueueAfter(32_741, 12_000, 95_232, true)).isEqualTo(
                "(right after it: send-q 32,741 bytes, 12,000 of them not yet sent; the peer"
                + " offers a window of 95,232 bytes)");
    }

    @Test
    void aQueueAlreadyDrainedSaysTheBytesHadBeenHandedOn() {
        assertThat(LiveWording.sendQueueAfter(0, 0, 95_232, true)).isEqualTo(
                "(right after it the send queue was already empty again, send-q 0 bytes: by then"
                + " the kernel had handed those bytes to the peer, which acknowledged them —"
                + " loopback is that fast; the peer offers a window of 95,232 bytes)");
        assertThat(LiveWording.sendQueueAfter(0, 0, 1_000, false))
                .contains("which acknowledged them; the peer").doesNotContain("loopback");
    }

    @Test
    void loopbackIsTheWholeOfLoopbackAndNothingElse() {
        assertThat(LiveWording.loopback(new Endpoint("127.0.0.1", 9000))).isTrue();
        assertThat(LiveWording.loopback(new Endpoint("127.3.2.1", 9000))).isTrue();
        assertThat(LiveWording.loopback(new Endpoint("::1", 9000))).isTrue();
        assertThat(LiveWording.loopback(new Endpoint("10.0.0.1", 9000))).isFalse();
        assertThat(LiveWording.loopback(new Endpoint("fe80::1", 9000))).isFalse();
    }
}

package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.OptValue;
import io.sockscope.engine.Sock;
import io.sockscope.engine.SockOpt;
import io.sockscope.engine.kernel.KernelState;
import io.sockscope.engine.kernel.TcpState;
import io.sockscope.engine.peer.Peer;
import io.sockscope.engine.peer.PeerKind;
import io.sockscope.inspector.explain.ExplanationCode;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The explanations only a live session can give, each from a real situation on loopback: what
 * send() and recv() returned, a FIN that leaves a socket in CLOSE_WAIT, a bind() refused.
 */
class LiveCodesTest {

    private static final int MEBIBYTE = 1 << 20;

    @Test
    void aShortSendSaysWhatWasAskedAndWhatWasTaken() {
        try (LiveRun run = new LiveRun()) {
            Peer sink = run.serve(PeerKind.SINK);
            Sock s = run.socket("s");
            run.settle(s.setsockopt(SockOpt.SO_SNDBUF, new OptValue.IntValue(1)));
            run.settle(s.connect("127.0.0.1", sink.endpoint().port()));
            run.settle(s.settimeout(OptionalDouble.of(0)));
            CallEvent send = run.settle(s.send(new byte[MEBIBYTE]));
            long sent = ((CallResult.Sent) send.result()).sent();
            assertThat(sent).isLessThan(MEBIBYTE);
            LiveExplanation shortSend = run.explanation(send, ExplanationCode.SHORT_SEND);
            assertThat(shortSend.call()).hasValue(send.id());
            assertThat(shortSend.text()).startsWith("send() [" + send.id()
                    + "] was given 1,048,576 bytes and took " + String.format("%,d", sent)
                    + ": the kernel takes only what fits in the socket's send buffer (SO_SNDBUF)"
                    + " at that moment, and those bytes filled it (right after it")
                    .contains("sendall()", "does not wait", "the peer offers a window of")
                    .doesNotContain("send-q 0 bytes, 0 of them");
            if (shortSend.text().contains("send-q 0 bytes")) {
                assertThat(shortSend.text()).contains("the send queue was already empty again",
                        "had handed those bytes to the peer", "loopback is that fast");
            }
        }
    }

    @Test
    void aShortRecvWhileASendallRunsSaysMoreWasOnTheWay() throws Exception {
        try (LiveRun run = new LiveRun()) {
            Pair pair = Pair.open(run);
            CompletableFuture<CallEvent> sendall = CompletableFuture.supplyAsync(
                    () -> pair.client().sendall(new byte[4 * MEBIBYTE]),
                    r -> Thread.ofVirtual().start(r));
            CallEvent recv = run.settle(pair.server().recv(4 * MEBIBYTE));
            int got = ((CallResult.Received) recv.result()).length();
            assertThat(got).isLessThan(4 * MEBIBYTE);
            LiveExplanation shortRecv = run.explanation(recv, ExplanationCode.SHORT_RECV);
            assertThat(shortRecv.text()).startsWith("recv(4,194,304) [" + recv.id()
                    + "] returned " + String.format("%,d", got) + " bytes, fewer than it asked"
                    + " for, while more were on the way");
            long total = got;
            while (total < 4 * MEBIBYTE) {
                total += ((CallResult.Received) run.settle(pair.server().recv(MEBIBYTE)).result())
                        .length();
            }
            run.settle(sendall.get());
        }
    }

    @Test
    void oneRecvWithTheBytesOfTwoSendsIsCoalesced() {
        try (LiveRun run = new LiveRun()) {
            Pair pair = Pair.open(run);
            run.settle(pair.client().setsockopt(SockOpt.TCP_NODELAY, new OptValue.IntValue(1)));
            CallEvent first = run.settle(pair.client().send("hello ".getBytes()));
            CallEvent second = run.settle(pair.client().send("world".getBytes()));
            CallEvent recv = run.settle(pair.server().recv(1024));
            assertThat(((CallResult.Received) recv.result()).data()).isEqualTo(
                    "hello world".getBytes());
            assertThat(run.explanation(recv, ExplanationCode.COALESCED).text()).contains(
                    "returned 11 bytes that 2 calls of client: send() [" + first.id()
                    + "] (6 bytes), send() [" + second.id() + "] (5 bytes)");
        }
    }

    @Test
    void recvOfNothingAfterThePeersFinIsEofAndTheFinLeavesCloseWait() {
        try (LiveRun run = new LiveRun()) {
            Pair pair = Pair.open(run);
            CallEvent close = run.settle(pair.client().close());
            long fin = run.segments(close).getFirst().segment().frame();
            LiveExplanation closeWait = run.explanation(close, ExplanationCode.CLOSE_WAIT);
            assertThat(closeWait.frames()).containsExactly(fin);
            assertThat(closeWait.text()).contains("conn is now in CLOSE_WAIT",
                    "until its program calls conn.close()");
            assertThat(pair.server().kernelState()).isInstanceOfSatisfying(KernelState.Open.class,
                    open -> assertThat(open.view().state()).isEqualTo(TcpState.CLOSE_WAIT));
            CallEvent recv = run.settle(pair.server().recv(1024));
            LiveExplanation eof = run.explanation(recv, ExplanationCode.EOF);
            assertThat(eof.frames()).containsExactly(fin);
            assertThat(eof.text()).startsWith("recv() [" + recv.id() + "] returned b'': :"
                    + pair.client().lastLocal().orElseThrow().port() + " closed its side");
        }
    }

    @Test
    void bindOverTimeWaitSaysWhichConnectionHoldsThePortAndTheReuseAddressRule() {
        try (LiveRun run = new LiveRun()) {
            Pair pair = Pair.open(run);
            int port = pair.listener().lastLocal().orElseThrow().port();
            run.settle(pair.server().close());
            run.settle(pair.client().close());
            run.settle(pair.listener().close());
            Sock again = run.socket("again");
            run.settle(again.setsockopt(SockOpt.SO_REUSEADDR, new OptValue.IntValue(1)));
            CallEvent bind = run.settle(again.bind("127.0.0.1", port));
            assertThat(bind.errno()).hasValueSatisfying(e -> assertThat(e.name())
                    .isEqualTo("EADDRINUSE"));
            LiveExplanation inUse = run.explanation(bind, ExplanationCode.ADDR_IN_USE);
            assertThat(inUse.frames()).isEmpty();
            assertThat(inUse.stream()).isEmpty();
            assertThat(inUse.text()).startsWith("bind() [" + bind.id() + "] failed with"
                    + " EADDRINUSE").contains("TIME_WAIT", ", conn's,", "This socket set"
                    + " SO_REUSEADDR, but conn did not");
        }
    }
}

package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wire.A;
import static io.sockscope.inspector.explain.Wire.F;
import static io.sockscope.inspector.explain.Wire.P;
import static io.sockscope.inspector.explain.Wire.R;
import static io.sockscope.inspector.explain.Wire.S;
import static io.sockscope.inspector.explain.Wire.flags;
import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explainer's rules on synthetic segment sequences, one behaviour each, offline. */
class ExplainerTest {

    private final List<Explanation> told = new ArrayList<>();
    private final Explainer explainer = Explainer.offline(told::add);

    private void feed(Wire wire) {
        wire.sent().forEach(explainer::accept);
        wire.sent().clear();
    }

    private List<ExplanationCode> codes() {
        return told.stream().map(Explanation::code).toList();
    }

    private Explanation only(ExplanationCode code) {
        List<Explanation> found = told.stream().filter(e -> e.code() == code).toList();
        assertThat(found).as("explanations %s among %s", code, codes()).hasSize(1);
        return found.getFirst();
    }

    @Test
    void handshakeIsToldAtItsAckWithItsThreeFrames() {
        Wire wire = new Wire().handshake();
        feed(wire);
        Explanation handshake = only(ExplanationCode.HANDSHAKE);
        assertThat(handshake.frames()).containsExactly(1L, 2L, 3L);
        assertThat(handshake.keyFrame()).isEqualTo(2);
        assertThat(handshake.text()).startsWith("Most likely :51234's program called connect();")
                .contains(":9000", "ESTABLISHED", "once it calls accept()")
                .endsWith("(inferred from the wire)");
        assertThat(handshake.inferred()).isTrue();
        assertThat(handshake.call()).isEmpty();
    }

    @Test
    void aRstAnsweringTheSynIsARefusedConnectNotAReset() {
        Wire wire = new Wire();
        wire.c(S, 0, 0);
        wire.s(R, 0, 0, 0);
        feed(wire);
        explainer.finish();
        assertThat(codes()).containsExactly(ExplanationCode.CONNECT_REFUSED);
        assertThat(told.getFirst().frames()).containsExactly(1L, 2L);
        assertThat(told.getFirst().text()).contains("ECONNREFUSED", "listen()")
                .endsWith("(inferred from the wire)");
    }

    @Test
    void aSynSentAgainIsToldOnceWithEverySyn() {
        Wire wire = new Wire();
        wire.c(S, 0, 0);
        wire.pause(1_000_000);
        wire.cAt(0, S, 0, flags(AnalysisFlag.RETRANSMISSION));
        wire.pause(2_000_000);
        wire.cAt(0, S, 0, flags(AnalysisFlag.RETRANSMISSION));
        feed(wire);
        explainer.finish();
        Explanation retry = only(ExplanationCode.SYN_RETRY);
        assertThat(retry.frames()).containsExactly(1L, 2L, 3L);
        assertThat(retry.text()).contains("3 times", "no answer", "backlog");
        assertThat(codes()).doesNotContain(ExplanationCode.RETRANSMISSION);
    }

    @Test
    void resetAfterReceivedDataSaysTheWireCannotTellUnreadFromLinger() {
        Wire wire = new Wire().handshake();
        wire.c(P, 36, 0);
        wire.s(A, 0, 0);
        wire.pause(200_000);
        wire.s(R, 0, 0, 0);
        feed(wire);
        Explanation reset = only(ExplanationCode.RST_UNREAD_DATA);
        assertThat(reset.frames()).containsExactly(4L, 5L, 6L);
        assertThat(reset.keyFrame()).isEqualTo(6);
        assertThat(reset.text()).contains(":9000 received 36 bytes (acknowledged in 5)",
                "the wire cannot tell which", "SO_LINGER", "shutdown(SHUT_WR)")
                .endsWith("(inferred from the wire)");
        assertThat(codes()).doesNotContain(ExplanationCode.FIN, ExplanationCode.RST_ABORT);
    }

    @Test
    void resetWithNothingReceivedIsAnAbort() {
        Wire wire = new Wire().handshake();
        wire.s(P, 5, 0);
        wire.c(A, 0, 0);
        wire.s(R, 0, 0, 0);
        feed(wire);
        assertThat(only(ExplanationCode.RST_ABORT).text()).contains("SO_LINGER");
    }

    @Test
    void resetOfASideThatHadClosedAnswersDataForAClosedSocket() {
        Wire wire = new Wire().handshake();
        wire.s(F, 0, 0);
        wire.c(A, 0, 0);
        wire.c(P, 10, 0);
        wire.s(R, 0, 0, 0);
        feed(wire);
        Explanation closed = only(ExplanationCode.RST_CLOSED);
        assertThat(closed.frames()).containsExactly(4L, 6L, 7L);
        assertThat(closed.text()).contains("had closed (FIN, 4)", "10 bytes");
    }

    @Test
    void orderlyCloseGivesAFinPerSideAndTimeWaitForTheFirstCloser() {
        Wire wire = new Wire().handshake();
        wire.c(F, 0, 0);
        wire.s(F, 0, 0);
        wire.c(A, 0, 0);
        feed(wire);
        assertThat(codes()).containsExactly(ExplanationCode.HANDSHAKE, ExplanationCode.FIN,
                ExplanationCode.FIN, ExplanationCode.TIME_WAIT);
        Explanation timeWait = only(ExplanationCode.TIME_WAIT);
        assertThat(timeWait.frames()).containsExactly(4L, 5L, 6L);
        assertThat(timeWait.text()).startsWith(":51234 closed first (FIN, 4; most likely its"
                + " program called close() or shutdown(SHUT_WR))").contains("harmless")
                .endsWith("(inferred from the wire)");
        assertThat(timeWait.inferred()).isTrue();
    }

    @Test
    void aServerThatClosesFirstIsToldAboutAddressInUse() {
        Wire wire = new Wire().handshake();
        wire.s(F, 0, 0);
        wire.c(F, 0, 0);
        wire.s(A, 0, 0);
        feed(wire);
        assertThat(only(ExplanationCode.TIME_WAIT).text()).startsWith(":9000 closed first")
                .contains("Address already in use", "SO_REUSEADDR");
    }

    @Test
    void dataAfterTheOtherSidesFinIsAHalfClose() {
        Wire wire = new Wire().handshake();
        wire.c(F, 0, 0);
        wire.s(P, 1000, 0);
        wire.c(A, 0, 0);
        wire.s(P, 1000, 0);
        wire.c(A, 0, 0);
        wire.s(F, 0, 0);
        wire.c(A, 0, 0);
        feed(wire);
        Explanation half = only(ExplanationCode.HALF_CLOSE);
        assertThat(half.frames()).containsExactly(4L, 5L, 7L, 9L);
        assertThat(half.text()).contains("2,000 bytes", "shutdown(SHUT_WR)");
        assertThat(codes()).doesNotContain(ExplanationCode.CLOSE_WAIT);
    }

    @Test
    void aFinNeverAnsweredByAFinIsCloseWaitAtTheEnd() {
        Wire wire = new Wire().handshake();
        wire.c(F, 0, 0);
        wire.s(A, 0, 0);
        feed(wire);
        assertThat(codes()).doesNotContain(ExplanationCode.CLOSE_WAIT);
        explainer.endOfStream(0);
        Explanation closeWait = only(ExplanationCode.CLOSE_WAIT);
        assertThat(closeWait.frames()).containsExactly(4L, 5L);
        assertThat(closeWait.text()).startsWith(":9000 received :51234's FIN").contains("close()");
    }

    @Test
    void liveCloseWaitIsToldAfterAPauseWithoutWaitingForTheEnd() {
        Wire wire = new Wire().handshake();
        wire.c(F, 0, 0);
        wire.s(A, 0, 0);
        feed(wire);
        explainer.tick(wire.nowNanos() + CloseRule.CLOSE_WAIT_NANOS - 1);
        assertThat(codes()).doesNotContain(ExplanationCode.CLOSE_WAIT);
        explainer.tick(wire.nowNanos() + CloseRule.CLOSE_WAIT_NANOS);
        assertThat(only(ExplanationCode.CLOSE_WAIT).text()).contains("for 5.0 s");
        explainer.finish();
        assertThat(told.stream().filter(e -> e.code() == ExplanationCode.CLOSE_WAIT)).hasSize(1);
    }

    @Test
    void aBurstOfSegmentsIsOneDataExplanationAndItsWritesOneSplit() {
        Wire wire = new Wire().handshake();
        for (int i = 0; i < 9; i++) {
            wire.c(i % 3 == 2 ? P : A, 1448, 0);
        }
        wire.s(A, 0, 0);
        feed(wire);
        explainer.finish();
        Explanation data = only(ExplanationCode.DATA);
        assertThat(data.frames()).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(data.text()).contains("13,032 bytes (seq 1:13033) in 9 segments",
                "acknowledged the last of them in 13");
        Explanation split = only(ExplanationCode.SPLIT);
        assertThat(split.frames()).containsExactly(4L, 5L, 6L);
        assertThat(split.text()).contains("3 writes");
    }

    @Test
    void aRequestResponseExchangeIsOneDataExplanation() {
        Wire wire = new Wire().handshake();
        for (int i = 0; i < 1000; i++) {
            wire.c(P, 32, 0);
            wire.s(P, 32, 0);
        }
        wire.c(F, 0, 0);
        feed(wire);
        Explanation data = only(ExplanationCode.DATA);
        assertThat(data.frameCount()).isEqualTo(2000);
        assertThat(data.text()).contains(":51234 and :9000 took turns", "1,000 messages of 32 bytes",
                "answered each", "send() and then recv()");
    }

    @Test
    void aShortExchangeIsToldRunByRun() {
        Wire wire = new Wire().handshake();
        wire.c(P, 6, 0);
        wire.s(A, 0, 0);
        wire.s(P, 6, 0);
        wire.c(F, 0, 0);
        feed(wire);
        assertThat(told.stream().filter(e -> e.code() == ExplanationCode.DATA)
                .map(Explanation::frames)).containsExactly(List.of(4L), List.of(6L));
    }

    @Test
    void segmentsEachEndingAWriteAreNoSplitAndAPauseEndsARun() {
        Wire wire = new Wire().handshake();
        wire.c(P, 2, 0);
        wire.c(P, 2, 0);
        wire.pause(DataRule.PAUSE_NANOS / 1000 + 1);
        wire.c(P, 2, 0);
        feed(wire);
        explainer.finish();
        assertThat(told.stream().filter(e -> e.code() == ExplanationCode.DATA)
                .map(Explanation::frames)).containsExactly(List.of(4L, 5L), List.of(6L));
        assertThat(codes()).doesNotContain(ExplanationCode.SPLIT);
    }

    @Test
    void tickEndsARunOfDataAfterAPause() {
        Wire wire = new Wire().handshake();
        wire.c(P, 100, 0);
        feed(wire);
        explainer.tick(wire.nowNanos() + DataRule.PAUSE_NANOS / 2);
        assertThat(codes()).doesNotContain(ExplanationCode.DATA);
        explainer.tick(wire.nowNanos() + DataRule.PAUSE_NANOS + 1);
        assertThat(only(ExplanationCode.DATA).frames()).containsExactly(4L);
    }

    @Test
    void retransmissionsAreNotNewData() {
        Wire wire = new Wire().handshake();
        wire.c(P, 100, 0);
        wire.pause(300_000);
        wire.cAt(1, P, 100, flags(AnalysisFlag.RETRANSMISSION));
        wire.s(A, 0, 0);
        feed(wire);
        explainer.finish();
        assertThat(only(ExplanationCode.DATA).frames()).containsExactly(4L);
        Explanation resent = only(ExplanationCode.RETRANSMISSION);
        assertThat(resent.frames()).containsExactly(5L);
        assertThat(resent.text()).contains("retransmission timeout of about 300 ms");
    }

    @Test
    void oneRecoveryEpisodeIsOneExplanationPerKind() {
        Wire wire = new Wire(Wire.REMOTE_CLIENT, Wire.REMOTE_SERVER, 0).handshake();
        for (int i = 0; i < 6; i++) {
            wire.c(A, 1448, 0);
        }
        int dup = flags(AnalysisFlag.DUPLICATE_ACK);
        for (int i = 0; i < 3; i++) {
            wire.s(A, 0, dup);
        }
        wire.cAt(1, A, 1448, flags(AnalysisFlag.RETRANSMISSION,
                AnalysisFlag.FAST_RETRANSMISSION));
        wire.cAt(1 + 1448 * 2, A, 1448, flags(AnalysisFlag.RETRANSMISSION));
        wire.cAt(1 + 1448 * 4, A, 1448, flags(AnalysisFlag.OUT_OF_ORDER));
        wire.s(A, 0, 0);
        feed(wire);
        assertThat(codes()).doesNotContain(ExplanationCode.DUPLICATE_ACK);
        wire.pause(RecoveryRule.QUIET_NANOS / 1000 + 1);
        wire.c(P, 10, 0);
        feed(wire);
        assertThat(only(ExplanationCode.DUPLICATE_ACK).frames()).containsExactly(10L, 11L, 12L);
        assertThat(only(ExplanationCode.FAST_RETRANSMISSION).frames()).containsExactly(13L);
        assertThat(only(ExplanationCode.RETRANSMISSION).frames()).containsExactly(14L);
        assertThat(only(ExplanationCode.OUT_OF_ORDER).text()).contains("resend");
    }

    @Test
    void zeroWindowStoryToldWhenTheWindowReopensAndKeepAliveLabelledProbesAreProbes() {
        Wire wire = new Wire().handshake();
        wire.c(A, 4096, 0);
        wire.c(P, 4096, flags(AnalysisFlag.WINDOW_FULL));
        wire.s(A, 0, 0, flags(AnalysisFlag.ZERO_WINDOW));
        int keepAlive = flags(AnalysisFlag.KEEP_ALIVE);
        wire.pause(200_000);
        wire.cAt(8192, A, 0, keepAlive);
        wire.s(A, 0, 0, flags(AnalysisFlag.ZERO_WINDOW));
        wire.pause(400_000);
        wire.cAt(8192, A, 0, keepAlive);
        wire.s(A, 0, 0, flags(AnalysisFlag.ZERO_WINDOW));
        wire.pause(3_000_000);
        wire.s(A, 0, 8192, flags(AnalysisFlag.WINDOW_UPDATE));
        feed(wire);
        assertThat(codes()).containsSubsequence(ExplanationCode.WINDOW_FULL,
                ExplanationCode.ZERO_WINDOW, ExplanationCode.ZERO_WINDOW_PROBE,
                ExplanationCode.WINDOW_UPDATE);
        assertThat(codes()).doesNotContain(ExplanationCode.KEEPALIVE);
        assertThat(only(ExplanationCode.ZERO_WINDOW).frames()).containsExactly(6L, 8L, 10L);
        assertThat(only(ExplanationCode.ZERO_WINDOW_PROBE).frames()).containsExactly(7L, 9L);
        assertThat(only(ExplanationCode.ZERO_WINDOW_PROBE).text()).contains("keep_alive",
                "zero-window probes");
        assertThat(only(ExplanationCode.WINDOW_UPDATE).text()).contains("8,192 bytes", "recv()");
    }

    @Test
    void keepAlivesOnAnIdleConnectionAreOneSeries() {
        Wire wire = new Wire().handshake();
        wire.c(P, 6, 0);
        wire.s(A, 0, 0);
        for (int i = 0; i < 3; i++) {
            wire.pause(1_000_000);
            wire.cAt(6, A, 0, flags(AnalysisFlag.KEEP_ALIVE));
            wire.s(A, 0, flags(AnalysisFlag.KEEP_ALIVE_ACK));
        }
        wire.c(F, 0, 0);
        feed(wire);
        Explanation keepalive = only(ExplanationCode.KEEPALIVE);
        assertThat(keepalive.frames()).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(keepalive.text()).contains("3 keep-alive probes", "SO_KEEPALIVE",
                "answered each");
        assertThat(codes()).doesNotContain(ExplanationCode.ZERO_WINDOW_PROBE);
    }

    @Test
    void aSmallSegmentHeldUntilALateAckIsNagleAndTheLateAckIsDelayed() {
        Wire wire = new Wire().handshake();
        wire.c(P, 2, 0);
        wire.pause(42_000);
        wire.s(A, 0, 0);
        wire.c(P, 4, 0);
        feed(wire);
        Explanation delayed = only(ExplanationCode.DELAYED_ACK);
        assertThat(delayed.frames()).containsExactly(4L, 5L);
        Explanation nagle = only(ExplanationCode.NAGLE_DELAY);
        assertThat(nagle.frames()).containsExactly(4L, 5L, 6L);
        assertThat(nagle.text()).contains("Nagle", "TCP_NODELAY", "sendall()");
    }

    @Test
    void aLateAckOnASlowPathIsNeitherDelayedNorNagle() {
        Wire wire = new Wire();
        wire.c(S, 0, 0);
        wire.pause(40_000);
        wire.s(S | A, 0, 0);
        wire.pause(40_000);
        wire.c(A, 0, 0);
        wire.c(P, 2, 0);
        wire.pause(40_000);
        wire.s(A, 0, 0);
        wire.c(P, 2, 0);
        feed(wire);
        assertThat(codes()).doesNotContain(ExplanationCode.DELAYED_ACK)
                .contains(ExplanationCode.NAGLE_DELAY);
    }

    @Test
    void aQuickAckStopsNothing() {
        Wire wire = new Wire().handshake();
        wire.c(P, 2, 0);
        wire.s(A, 0, 0);
        wire.c(P, 2, 0);
        feed(wire);
        assertThat(codes()).doesNotContain(ExplanationCode.DELAYED_ACK,
                ExplanationCode.NAGLE_DELAY);
    }

    @Test
    void loopbackSegmentsLargerThanARealLinkCarriesAreToldOnce() {
        Wire wire = new Wire().handshake();
        wire.c(A, 32741, 0);
        wire.c(P, 65483, 0);
        feed(wire);
        Explanation offload = only(ExplanationCode.LOOPBACK_OFFLOAD);
        assertThat(offload.frames()).containsExactly(4L);
        assertThat(offload.text()).contains("32,741 bytes", "loopback", "1,460");
    }

    @Test
    void mssSizedSegmentsOnARealLinkAreNoOffload() {
        Wire wire = new Wire(Wire.REMOTE_CLIENT, Wire.REMOTE_SERVER, 0).handshake();
        wire.c(A, 1448, 0);
        wire.c(P, 1448, 0);
        feed(wire);
        assertThat(codes()).doesNotContain(ExplanationCode.LOOPBACK_OFFLOAD);
    }

    @Test
    void aMillionSegmentsGiveAHandfulOfExplanationsWithBoundedFrameLists() {
        Wire wire = new Wire().handshake();
        feed(wire);
        int windowFull = flags(AnalysisFlag.WINDOW_FULL);
        for (int i = 0; i < 500_000; i++) {
            explainer.accept(wire.c(i % 2 == 0 ? A : P, 1000, i % 2 == 0 ? 0 : windowFull));
            explainer.accept(wire.s(A, 0, 0));
            wire.sent().clear();
        }
        explainer.accept(wire.c(F, 0, 0));
        explainer.accept(wire.s(F, 0, 0));
        explainer.accept(wire.c(A, 0, 0));
        assertThat(told).hasSizeLessThan(12);
        for (Explanation e : told) {
            assertThat(e.frames()).hasSizeLessThanOrEqualTo(FrameSample.LIMIT);
        }
        Explanation data = only(ExplanationCode.DATA);
        assertThat(data.frameCount()).isEqualTo(500_000);
        assertThat(data.firstFrame()).isEqualTo(4);
        assertThat(data.lastFrame()).isEqualTo(1_000_002);
        assertThat(data.text()).contains("500,000,000 bytes");
        assertThat(only(ExplanationCode.WINDOW_FULL).frameCount()).isEqualTo(250_000);
    }

    @Test
    void endedConnectionsAreForgottenAndTheirLateSegmentsIgnored() {
        Wire first = new Wire().handshake();
        first.c(F, 0, 0);
        first.s(F, 0, 0);
        first.c(A, 0, 0);
        feed(first);
        assertThat(explainer.openConnections()).isEqualTo(1);
        Wire second = new Wire(Wire.CLIENT, Wire.SERVER, 1).after(first);
        second.pause(Explainer.FORGET_AFTER_NANOS / 1000 + 1);
        second.handshake();
        feed(second);
        assertThat(explainer.openConnections()).isEqualTo(1);
        int before = told.size();
        first.c(F, 0, flags(AnalysisFlag.RETRANSMISSION));
        feed(first);
        assertThat(told).hasSize(before);
    }

    @Test
    void segmentsThatCompleteNothingTellNothingYet() {
        Wire wire = new Wire();
        Segment syn = wire.c(S, 0, 0);
        explainer.accept(syn);
        assertThat(told).isEmpty();
    }
}

package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.ExplanationCode.CLOSE_WAIT;
import static io.sockscope.inspector.explain.ExplanationCode.CONNECT_REFUSED;
import static io.sockscope.inspector.explain.ExplanationCode.DATA;
import static io.sockscope.inspector.explain.ExplanationCode.DELAYED_ACK;
import static io.sockscope.inspector.explain.ExplanationCode.DUPLICATE_ACK;
import static io.sockscope.inspector.explain.ExplanationCode.FAST_RETRANSMISSION;
import static io.sockscope.inspector.explain.ExplanationCode.FIN;
import static io.sockscope.inspector.explain.ExplanationCode.HALF_CLOSE;
import static io.sockscope.inspector.explain.ExplanationCode.HANDSHAKE;
import static io.sockscope.inspector.explain.ExplanationCode.KEEPALIVE;
import static io.sockscope.inspector.explain.ExplanationCode.LOOPBACK_OFFLOAD;
import static io.sockscope.inspector.explain.ExplanationCode.LOST_SEGMENT;
import static io.sockscope.inspector.explain.ExplanationCode.NAGLE_DELAY;
import static io.sockscope.inspector.explain.ExplanationCode.OUT_OF_ORDER;
import static io.sockscope.inspector.explain.ExplanationCode.RETRANSMISSION;
import static io.sockscope.inspector.explain.ExplanationCode.REUSED_PORTS;
import static io.sockscope.inspector.explain.ExplanationCode.RST_ABORT;
import static io.sockscope.inspector.explain.ExplanationCode.RST_CLOSED;
import static io.sockscope.inspector.explain.ExplanationCode.RST_UNREAD_DATA;
import static io.sockscope.inspector.explain.ExplanationCode.SPLIT;
import static io.sockscope.inspector.explain.ExplanationCode.SPURIOUS_RETRANSMISSION;
import static io.sockscope.inspector.explain.ExplanationCode.SYN_RETRY;
import static io.sockscope.inspector.explain.ExplanationCode.TIME_WAIT;
import static io.sockscope.inspector.explain.ExplanationCode.WINDOW_FULL;
import static io.sockscope.inspector.explain.ExplanationCode.WINDOW_UPDATE;
import static io.sockscope.inspector.explain.ExplanationCode.ZERO_WINDOW;
import static io.sockscope.inspector.explain.ExplanationCode.ZERO_WINDOW_PROBE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Segment;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus scenario explained as {@code sockscope explain} does it: the codes each scenario
 * demonstrates appear, the codes that do not apply do not, and where the scenario's call log
 * says which call put which frames on the wire, the frames an explanation names agree.
 */
class CorpusExplanationTest {

    /** Codes that must not appear on a healthy connection over loopback with small messages. */
    private static final Set<ExplanationCode> TROUBLE = EnumSet.of(SYN_RETRY, CONNECT_REFUSED,
            WINDOW_FULL, ZERO_WINDOW, ZERO_WINDOW_PROBE, WINDOW_UPDATE, RETRANSMISSION,
            FAST_RETRANSMISSION, SPURIOUS_RETRANSMISSION, DUPLICATE_ACK, LOST_SEGMENT,
            OUT_OF_ORDER, KEEPALIVE, RST_UNREAD_DATA, RST_ABORT, RST_CLOSED, CLOSE_WAIT,
            HALF_CLOSE, NAGLE_DELAY, DELAYED_ACK, REUSED_PORTS, LOOPBACK_OFFLOAD);

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("handshake_echo", Set.of(HANDSHAKE, DATA, FIN, TIME_WAIT), TROUBLE),
                Arguments.of("ipv6_echo", Set.of(HANDSHAKE, DATA, FIN, TIME_WAIT), TROUBLE),
                Arguments.of("connect_refused", Set.of(CONNECT_REFUSED),
                        without(TROUBLE, CONNECT_REFUSED, HANDSHAKE)),
                Arguments.of("bind_no_listen", Set.of(CONNECT_REFUSED),
                        without(TROUBLE, CONNECT_REFUSED, HANDSHAKE)),
                Arguments.of("close_wait_leak", Set.of(HANDSHAKE, DATA, FIN, CLOSE_WAIT),
                        without(TROUBLE, CLOSE_WAIT, DELAYED_ACK, TIME_WAIT)),
                Arguments.of("half_close", Set.of(HANDSHAKE, FIN, HALF_CLOSE, TIME_WAIT),
                        without(TROUBLE, HALF_CLOSE)),
                Arguments.of("time_wait_rebind", Set.of(HANDSHAKE, FIN, TIME_WAIT), TROUBLE),
                Arguments.of("keepalive", Set.of(HANDSHAKE, KEEPALIVE, FIN, TIME_WAIT),
                        without(TROUBLE, KEEPALIVE)),
                Arguments.of("nagle_delayed_ack", Set.of(NAGLE_DELAY, DELAYED_ACK),
                        without(TROUBLE, NAGLE_DELAY, DELAYED_ACK)),
                Arguments.of("zero_window",
                        Set.of(WINDOW_FULL, ZERO_WINDOW, ZERO_WINDOW_PROBE, WINDOW_UPDATE),
                        Set.of(KEEPALIVE, RST_ABORT, RST_UNREAD_DATA, CLOSE_WAIT, SYN_RETRY)),
                Arguments.of("short_send_small_buffer",
                        Set.of(WINDOW_FULL, ZERO_WINDOW, ZERO_WINDOW_PROBE, WINDOW_UPDATE),
                        Set.of(KEEPALIVE, RETRANSMISSION, RST_ABORT, RST_UNREAD_DATA,
                                CLOSE_WAIT)),
                Arguments.of("retransmission_loss", Set.of(RETRANSMISSION, FAST_RETRANSMISSION,
                        DUPLICATE_ACK, OUT_OF_ORDER, HANDSHAKE, FIN, TIME_WAIT),
                        Set.of(ZERO_WINDOW, KEEPALIVE, LOST_SEGMENT, LOOPBACK_OFFLOAD,
                                RST_ABORT, RST_UNREAD_DATA, CLOSE_WAIT, NAGLE_DELAY)),
                Arguments.of("large_transfer_lo64k", Set.of(LOOPBACK_OFFLOAD, WINDOW_FULL,
                        DATA, SPLIT), Set.of(RETRANSMISSION, DUPLICATE_ACK,
                        ZERO_WINDOW, KEEPALIVE, RST_ABORT, CLOSE_WAIT, NAGLE_DELAY)),
                Arguments.of("close_with_unread_data", Set.of(HANDSHAKE, DATA),
                        without(TROUBLE, RST_UNREAD_DATA, RST_ABORT)),
                Arguments.of("linger_zero_abort", Set.of(HANDSHAKE, DATA),
                        without(TROUBLE, RST_UNREAD_DATA, RST_ABORT)));
    }

    private static Set<ExplanationCode> without(Set<ExplanationCode> codes,
            ExplanationCode... allowed) {
        Set<ExplanationCode> rest = EnumSet.copyOf(codes);
        List.of(allowed).forEach(rest::remove);
        return rest;
    }

    private static Set<ExplanationCode> codes(List<Explanation> explanations) {
        Set<ExplanationCode> codes = EnumSet.noneOf(ExplanationCode.class);
        explanations.forEach(e -> codes.add(e.code()));
        return codes;
    }

    private static List<Explanation> of(List<Explanation> all, ExplanationCode code) {
        return all.stream().filter(e -> e.code() == code).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void demonstratedCodesAppearAndOthersDoNot(String scenario, Set<ExplanationCode> expected,
            Set<ExplanationCode> forbidden) {
        List<Explanation> explanations = CorpusExplanations.explain(scenario);
        assertThat(codes(explanations)).containsAll(expected).doesNotContainAnyElementsOf(
                forbidden);
        for (Explanation e : explanations) {
            assertThat(e.text()).isNotBlank().doesNotContain("null");
            assertThat(e.inferred()).isEqualTo(e.text().endsWith("(inferred from the wire)"));
            assertThat(e.frames()).isSorted();
        }
    }

    /**
     * SPEC §6: offline there is no call log, so a text that names a call (connect(), close(),
     * recv()...) guesses it, says "most likely" and is marked inferred; a text marked certain
     * names no call at all.
     */
    @Test
    void offlineTextsThatNameCallsSayTheyInferThem() {
        for (String scenario : CorpusExplanations.NAMES) {
            for (Explanation e : CorpusExplanations.explain(scenario)) {
                if (e.inferred()) {
                    assertThat(e.text().toLowerCase(Locale.ROOT)).as(scenario + " " + e.code())
                            .contains("most likely");
                } else {
                    assertThat(e.text()).as(scenario + " " + e.code()).doesNotContain("()");
                }
            }
        }
    }

    @Test
    void unreadDataAndLingerResetsSayTheWireCannotTell() {
        for (String scenario : List.of("close_with_unread_data", "linger_zero_abort")) {
            List<Explanation> resets = CorpusExplanations.explain(scenario).stream()
                    .filter(e -> e.code() == RST_UNREAD_DATA || e.code() == RST_ABORT).toList();
            assertThat(resets).as(scenario).hasSize(1);
            assertThat(resets.getFirst().text()).contains("SO_LINGER", "inferred from the wire");
        }
    }

    @Test
    void theResetComesFromTheCloseOfTheSocketThatHeldUnreadData() {
        var explained = CorpusExplanations.explainWithSegments("close_with_unread_data");
        Explanation reset = of(explained.explanations(), RST_UNREAD_DATA).getFirst();
        assertThat(reset.frames()).containsExactly(4L, 5L, 6L);
        CallLog log = CallLog.of("close_with_unread_data");
        Segment rst = explained.segments().get(reset.keyFrame());
        assertThat(rst.has(TcpFlags.RST)).isTrue();
        assertThat(log.named("close").stream().filter(c -> c.sock().equals("server.conn"))
                .anyMatch(c -> c.spans(rst.atNanos(), 500))).isTrue();
        assertThat(reset.text()).startsWith(":" + rst.source().port() + " received 36 bytes");
    }

    @Test
    void lingerAbortResetComesFromTheClientsClose() {
        var explained = CorpusExplanations.explainWithSegments("linger_zero_abort");
        Explanation reset = explained.explanations().stream()
                .filter(e -> e.code() == RST_UNREAD_DATA || e.code() == RST_ABORT).findFirst()
                .orElseThrow();
        Segment rst = explained.segments().get(reset.keyFrame());
        CallLog log = CallLog.of("linger_zero_abort");
        assertThat(log.named("close").stream().filter(c -> c.localPort() == rst.source().port())
                .anyMatch(c -> c.spans(rst.atNanos(), 500))).isTrue();
    }

    @Test
    void refusedConnectionsAreTheFailedConnectCalls() {
        for (String scenario : List.of("connect_refused", "bind_no_listen")) {
            var explained = CorpusExplanations.explainWithSegments(scenario);
            List<Explanation> refused = of(explained.explanations(), CONNECT_REFUSED);
            List<CallLog.Call> failed = CallLog.of(scenario).calls().stream()
                    .filter(c -> c.call().startsWith("connect")).toList();
            assertThat(refused).as(scenario).hasSize(failed.size());
            for (Explanation e : refused) {
                Segment syn = explained.segments().get(e.firstFrame());
                assertThat(syn.has(TcpFlags.SYN)).isTrue();
                assertThat(failed).as("a connect call spans SYN %d", syn.frame())
                        .anyMatch(c -> c.spans(syn.atNanos(), 500));
            }
        }
    }

    @Test
    void handshakesStartInsideTheClientsConnect() {
        for (String scenario : List.of("handshake_echo", "nagle_delayed_ack", "ipv6_echo",
                "time_wait_rebind")) {
            var explained = CorpusExplanations.explainWithSegments(scenario);
            List<CallLog.Call> connects = CallLog.of(scenario).named("connect");
            List<Explanation> handshakes = of(explained.explanations(), HANDSHAKE);
            assertThat(handshakes).as(scenario).hasSize(connects.size());
            for (Explanation e : handshakes) {
                Segment syn = explained.segments().get(e.firstFrame());
                assertThat(connects).as("%s: connect() around SYN %d", scenario, syn.frame())
                        .anyMatch(c -> c.spans(syn.atNanos(), 500));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sendingScenarios")
    void dataExplanationsNameTheFramesOfTheSendCalls(String scenario) {
        var explained = CorpusExplanations.explainWithSegments(scenario);
        Set<Long> sentFrames = new HashSet<>();
        CallLog.of(scenario).calls().stream()
                .filter(c -> c.call().equals("send") || c.call().equals("sendall"))
                .forEach(c -> sentFrames.addAll(c.frames()));
        assertThat(sentFrames).as("the call log names frames").isNotEmpty();
        Set<Long> explainedFrames = new HashSet<>();
        for (Explanation data : of(explained.explanations(), DATA)) {
            assertThat(sentFrames).as("data %s", data.frames()).containsAll(data.frames());
            explainedFrames.addAll(data.frames());
        }
        for (long frame : sentFrames) {
            Segment s = explained.segments().get(frame);
            boolean resent = s.has(AnalysisFlag.RETRANSMISSION) || s.has(AnalysisFlag.OUT_OF_ORDER);
            boolean sampled = of(explained.explanations(), DATA).stream()
                    .anyMatch(e -> !e.complete() && e.firstFrame() <= frame
                            && frame <= e.lastFrame());
            if (!resent && !sampled) {
                assertThat(explainedFrames).as("frame %d of a send call", frame).contains(frame);
            }
        }
    }

    static Stream<String> sendingScenarios() {
        return Stream.of("handshake_echo", "ipv6_echo", "close_with_unread_data", "half_close",
                "nagle_delayed_ack", "time_wait_rebind", "close_wait_leak", "keepalive",
                "linger_zero_abort");
    }

    @Test
    void nagleHoldsTheSecondSmallWriteOfTheNagleConnectionOnly() {
        var explained = CorpusExplanations.explainWithSegments("nagle_delayed_ack");
        List<Explanation> nagle = of(explained.explanations(), NAGLE_DELAY);
        assertThat(nagle).hasSize(1);
        assertThat(nagle.getFirst().stream()).isEqualTo(0);
        List<CallLog.Call> hiSends = CallLog.of("nagle_delayed_ack").named("sendall").stream()
                .filter(c -> c.frames().size() == 1 && c.frames().getFirst() < 16).toList();
        long firstHi = hiSends.get(2).frames().getFirst();
        long heldHi = hiSends.get(3).frames().getFirst();
        assertThat(nagle.getFirst().frames()).containsExactly(firstHi, firstHi + 1, heldHi);
        assertThat(of(explained.explanations(), DELAYED_ACK)).allMatch(e -> e.stream() == 0);
    }

    @Test
    void timeWaitIsOnTheSideWhoseCloseCameFirst() {
        var explained = CorpusExplanations.explainWithSegments("time_wait_rebind");
        Explanation first = of(explained.explanations(), TIME_WAIT).stream()
                .filter(e -> e.stream() == 0).findFirst().orElseThrow();
        Segment fin = explained.segments().get(first.firstFrame());
        assertThat(fin.has(TcpFlags.FIN)).isTrue();
        CallLog.Call firstClose = CallLog.of("time_wait_rebind").named("close").stream()
                .filter(c -> c.spans(fin.atNanos(), 500)).findFirst().orElseThrow();
        assertThat(firstClose.localPort()).isEqualTo(fin.source().port());
        assertThat(first.text()).startsWith(":" + fin.source().port() + " closed first")
                .contains("Address already in use");
    }

    @Test
    void theZeroWindowStoryNamesProbesTsharkCallsKeepAlives() {
        var explained = CorpusExplanations.explainWithSegments("zero_window");
        Explanation probes = of(explained.explanations(), ZERO_WINDOW_PROBE).getFirst();
        for (long frame : probes.frames()) {
            assertThat(explained.segments().get(frame).has(AnalysisFlag.KEEP_ALIVE)).isTrue();
        }
        Explanation update = of(explained.explanations(), WINDOW_UPDATE).getFirst();
        assertThat(explained.segments().get(update.keyFrame()).window()).isPositive();
        assertThat(of(explained.explanations(), ZERO_WINDOW).getFirst().frames())
                .allMatch(f -> explained.segments().get(f).window() == 0);
    }

    @Test
    void everyScenarioGivesAReadableNumberOfExplanations() {
        for (String scenario : CorpusExplanations.NAMES) {
            var explained = CorpusExplanations.explainWithSegments(scenario);
            long streams = explained.segments().values().stream().mapToInt(Segment::stream)
                    .distinct().count();
            assertThat(explained.explanations().size()).as(scenario)
                    .isLessThanOrEqualTo((int) Math.max(16 * streams,
                            explained.segments().size() / 10));
        }
    }
}

package io.sockscope.inspector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.decode.DecodeStatus;
import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.ReadStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Per-connection summaries on the corpus scenarios (who opened, who closed and how, bytes,
 * states as the wire leaves them, handshake options), and the one-pass (live) path against the
 * two-pass (file) path.
 */
class FlowSummaryTest {

    private static List<Flow> flows(String name) {
        CaptureAnalysis.Outcome outcome = CaptureAnalysis.summarize(Corpus.capture(name));
        return ((CaptureAnalysis.Outcome.Completed) outcome).flows();
    }

    @Test
    void anOrderlyEchoClosedByTheClient() {
        Flow flow = flows("handshake_echo").getFirst();
        assertThat(flow.stream()).isZero();
        assertThat(flow.client().endpoint()).isEqualTo(new Endpoint("127.0.0.1", 39564, 4));
        assertThat(flow.server().endpoint().toString()).isEqualTo("127.0.0.1:47101");
        assertThat(flow.rolesFromHandshake()).isTrue();
        assertThat(flow.openedBy()).contains(Side.CLIENT);
        assertThat(flow.firstClose()).contains(new Closing(Side.CLIENT, false, 8));
        assertThat(flow.client().state()).isEqualTo(TcpState.TIME_WAIT);
        assertThat(flow.server().state()).isEqualTo(TcpState.CLOSED);
        assertThat(flow.client().payloadBytes()).isEqualTo(6);
        assertThat(flow.server().payloadBytes()).isEqualTo(6);
        assertThat(flow.client().frames()).isEqualTo(6);
        assertThat(flow.retransmissions()).isZero();
        assertThat(flow.initialRttNanos()).hasValue(37_000);
        assertThat(flow.firstFrame()).isEqualTo(1);
        assertThat(flow.lastFrame()).isEqualTo(10);
        assertThat(flow.durationNanos()).isEqualTo(461_000);
        assertThat(flow.client().handshake()).contains(
                new HandshakeOptions(65495, 7, true, true, false, 65495));
        assertThat(flow.server().handshake().orElseThrow().window()).isEqualTo(65483);
        assertThat(flow.client().finFrame()).isEqualTo(8);
        assertThat(flow.server().finFrame()).isEqualTo(9);
    }

    @Test
    void closeWaitLeakLeavesTheServerInCloseWait() {
        Flow flow = flows("close_wait_leak").getFirst();
        assertThat(flow.client().state()).isEqualTo(TcpState.FIN_WAIT_2);
        assertThat(flow.server().state()).isEqualTo(TcpState.CLOSE_WAIT);
        assertThat(flow.firstClose()).contains(new Closing(Side.CLIENT, false, 8));
    }

    @Test
    void theServerClosingFirstEndsInTimeWait() {
        List<Flow> flows = flows("time_wait_rebind");
        assertThat(flows).hasSize(2);
        Flow first = flows.getFirst();
        assertThat(first.firstClose()).contains(new Closing(Side.SERVER, false, 8));
        assertThat(first.server().state()).isEqualTo(TcpState.TIME_WAIT);
        assertThat(first.client().state()).isEqualTo(TcpState.CLOSED);
        assertThat(flows.get(1).client().state()).isEqualTo(TcpState.TIME_WAIT);
    }

    @Test
    void resetsAreNamedWithTheirSide() {
        Flow unread = flows("close_with_unread_data").getFirst();
        assertThat(unread.firstClose()).contains(new Closing(Side.SERVER, true, 6));
        assertThat(unread.server().rstFrame()).isEqualTo(6);
        assertThat(unread.client().state()).isEqualTo(TcpState.RESET);
        assertThat(unread.server().state()).isEqualTo(TcpState.RESET);
        assertThat(unread.client().payloadBytes()).isEqualTo(36);
        List<Flow> refused = flows("connect_refused");
        assertThat(refused).hasSize(2).allSatisfy(f -> {
            assertThat(f.openedBy()).contains(Side.CLIENT);
            assertThat(f.firstClose().orElseThrow().by()).isEqualTo(Side.SERVER);
            assertThat(f.firstClose().orElseThrow().reset()).isTrue();
        });
    }

    @Test
    void halfCloseAndRetransmissionCounts() {
        Flow half = flows("half_close").getFirst();
        assertThat(half.firstClose()).contains(new Closing(Side.CLIENT, false, 6));
        assertThat(half.server().payloadBytes()).isEqualTo(5000);
        assertThat(half.client().state()).isEqualTo(TcpState.TIME_WAIT);
        Flow lossy = flows("retransmission_loss").getFirst();
        long truth = TruthTable.read(Corpus.truth("retransmission_loss")).rows().stream()
                .filter(r -> "1".equals(r.get("tcp.analysis.retransmission"))).count();
        assertThat(lossy.retransmissions()).isEqualTo(truth).isPositive();
        assertThat(lossy.client().count(AnalysisFlag.FAST_RETRANSMISSION)).isPositive();
        assertThat(lossy.server().count(AnalysisFlag.DUPLICATE_ACK)).isPositive();
    }

    @Test
    void aMidStreamCaptureInfersRolesFromPorts() {
        Flow flow = CaptureAnalysis.summarize(SyntheticTruthTest.resource("port_reuse.pcap"))
                instanceof CaptureAnalysis.Outcome.Completed done ? done.flows().get(3) : null;
        assertThat(flow).isNotNull();
        assertThat(flow.rolesFromHandshake()).isFalse();
        assertThat(flow.openedBy()).isEmpty();
        assertThat(flow.server().endpoint().port()).isEqualTo(80);
        assertThat(flow.client().state()).isEqualTo(TcpState.ESTABLISHED);
        assertThat(flows("time_wait_rebind").get(1).reusedPorts()).isFalse();
    }

    /**
     * Live analysis shows what is known so far: a server frame that precedes its SYN+ACK shows
     * scale factor -1 in one pass and the final 128 in two passes (TCP-ANALYSIS §8); the flags
     * are the same either way.
     */
    @Test
    void onePassUsesTheScaleKnownSoFar() {
        Path file = SyntheticTruthTest.resource("window_scale_cases.pcap");
        List<Segment> live = new ArrayList<>();
        CaptureAnalysis.pass(file, TcpAnalyzer.onePass(), collect(live));
        List<Segment> twoPass = new ArrayList<>();
        CaptureAnalysis.twoPasses(file, collect(twoPass));

        assertThat(live).hasSameSizeAs(twoPass);
        Segment early = live.get(12);
        assertThat(early.frame()).isEqualTo(13);
        assertThat(early.windowScaleFactor()).isEqualTo(-1);
        assertThat(early.calculatedWindow()).isEqualTo(509);
        assertThat(twoPass.get(12).windowScaleFactor()).isEqualTo(128);
        assertThat(twoPass.get(12).calculatedWindow()).isEqualTo(509 * 128);
        for (int i = 0; i < live.size(); i++) {
            assertThat(live.get(i).analysis()).isEqualTo(twoPass.get(i).analysis());
        }
    }

    @Test
    void aLiveAnalyserForgetsConnectionsThatEndedLongAgo() {
        TcpAnalyzer analyzer = TcpAnalyzer.onePass();
        FrameDecoder decoder = new FrameDecoder();
        long lastNanos = 0;
        try (CaptureReader reader = ((CaptureOpen.Opened) CaptureReader.open(
                Corpus.capture("time_wait_rebind"))).reader()) {
            while (reader.next() == ReadStatus.FRAME) {
                decoder.decode(reader.frame());
                analyzer.analyze(decoder, reader.frame().frameNumber(), reader.frame().atNanos());
                lastNanos = reader.frame().atNanos();
            }
        }
        assertThat(analyzer.flows()).hasSize(2);
        assertThat(analyzer.forgetEnded(0)).isZero();
        assertThat(analyzer.forgetEnded(lastNanos + 1)).isEqualTo(2);
        assertThat(analyzer.flows()).isEmpty();
        assertThat(analyzer.flow(0)).isEqualTo(Optional.empty());
        assertThat(analyzer.streamCount()).as("stream numbers are never reused").isEqualTo(2);
    }

    @Test
    void aLiveAnalyserForgetsQuietConnectionsWhetherOrNotTheyEnded() throws Exception {
        TcpAnalyzer analyzer = TcpAnalyzer.onePass();
        long lastNanos = feed(analyzer, Corpus.capture("close_wait_leak"));
        assertThat(analyzer.forgetEnded(lastNanos + 1)).as("one side never closed").isZero();
        assertThat(analyzer.forgetIdle(lastNanos)).isEmpty();
        List<Flow> forgotten = analyzer.forgetIdle(lastNanos + 1);
        assertThat(forgotten).singleElement().satisfies(flow -> {
            assertThat(flow.stream()).isZero();
            assertThat(flow.lastNanos()).isEqualTo(lastNanos);
        });
        assertThat(analyzer.flows()).isEmpty();
    }

    @Test
    void aConnectionReplacedByANewOneOnItsPortsIsForgottenToo() throws Exception {
        TcpAnalyzer analyzer = TcpAnalyzer.onePass();
        long lastNanos = feed(analyzer, Path.of(FlowSummaryTest.class.getResource(
                "/synthetic/port_reuse.pcap").toURI()));
        int streams = analyzer.flows().size();
        assertThat(streams).isGreaterThan(2);
        assertThat(analyzer.forgetIdle(lastNanos + 1)).extracting(Flow::stream)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, streams).boxed()
                        .toList());
        assertThat(analyzer.flows()).isEmpty();
    }

    private static long feed(TcpAnalyzer analyzer, Path capture) {
        FrameDecoder decoder = new FrameDecoder();
        long lastNanos = 0;
        try (CaptureReader reader = ((CaptureOpen.Opened) CaptureReader.open(capture)).reader()) {
            while (reader.next() == ReadStatus.FRAME) {
                decoder.decode(reader.frame());
                analyzer.analyze(decoder, reader.frame().frameNumber(), reader.frame().atNanos());
                lastNanos = reader.frame().atNanos();
            }
        }
        return lastNanos;
    }

    private static CaptureAnalysis.FrameListener collect(List<Segment> into) {
        return new CaptureAnalysis.FrameListener() {
            @Override
            public void segment(Segment segment) {
                into.add(segment);
            }

            @Override
            public void otherFrame(long frame, long atNanos, DecodeStatus status, String problem) {
            }
        };
    }
}

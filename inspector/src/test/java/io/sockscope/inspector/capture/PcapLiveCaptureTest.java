package io.sockscope.inspector.capture;

import io.sockscope.inspector.pcap.LinkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real capture on {@code lo} of real TCP exchanges between java.net sockets. */
@ExtendWith(CaptureRequirement.class)
class PcapLiveCaptureTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static CaptureSource open(CaptureOptions options, FrameListener listener) {
        OpenResult result = PcapLiveCapture.open(options, listener);
        assertThat(result).isInstanceOf(OpenResult.Opened.class);
        return ((OpenResult.Opened) result).source();
    }

    static List<TcpFrame> tcp(List<LiveFrame> frames) {
        return frames.stream().map(f -> TcpFrame.parse(f.bytes())).flatMap(Optional::stream).toList();
    }

    /** The exchange is over on the wire once both FINs and an ACK after the second one were seen. */
    static boolean closedBothWays(List<LiveFrame> frames, int clientPort) {
        List<TcpFrame> segments = tcp(frames).stream()
                .filter(s -> s.sourcePort() == clientPort || s.destinationPort() == clientPort).toList();
        int fins = 0;
        for (TcpFrame segment : segments) {
            if (fins == 2 && segment.is(TcpFrame.ACK)) {
                return true;
            }
            if (segment.has(TcpFrame.FIN)) {
                fins++;
            }
        }
        return false;
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Test
    void capturesAWholeTcpExchangeWithPortFilterAndNanosecondTimes() throws Exception {
        try (ServerSocket server = LoopbackTraffic.listen()) {
            FrameCollector collector = new FrameCollector();
            CaptureSource capture = open(CaptureOptions.on("lo").withFilter("tcp port " + server.getLocalPort()), collector);
            try (ServerSocket other = LoopbackTraffic.listen()) {
                long before = epochNanos(Instant.now());
                LoopbackTraffic.exchange(other, "ignored", "by the filter");
                int clientPort = LoopbackTraffic.exchange(server, "hello", "world");
                collector.awaitUntil(frames -> closedBothWays(frames, clientPort), WAIT);
                long after = epochNanos(Instant.now());
                CaptureSummary summary = capture.stop();

                List<LiveFrame> frames = collector.frames();
                List<TcpFrame> segments = tcp(frames);
                assertThat(segments).hasSameSizeAs(frames)
                        .allMatch(s -> s.sourcePort() == server.getLocalPort() || s.destinationPort() == server.getLocalPort())
                        .allMatch(s -> s.sourcePort() == clientPort || s.destinationPort() == clientPort);
                assertThat(segments.get(0).is(TcpFrame.SYN)).as("first segment is the SYN: %s", segments).isTrue();
                assertThat(segments.get(1).is(TcpFrame.SYN | TcpFrame.ACK)).isTrue();
                assertThat(segments.get(2).is(TcpFrame.ACK)).isTrue();
                assertThat(segments).anyMatch(s -> s.destinationPort() == server.getLocalPort() && s.payload().equals("hello"))
                        .anyMatch(s -> s.sourcePort() == server.getLocalPort() && s.payload().equals("world"))
                        .anyMatch(s -> s.sourcePort() == clientPort && s.has(TcpFrame.FIN))
                        .anyMatch(s -> s.sourcePort() == server.getLocalPort() && s.has(TcpFrame.FIN));
                // SYN, SYN-ACK, ACK, 2 data, at least 2 FINs and the last ACK; ACKs may ride on data.
                assertThat(frames).hasSizeBetween(8, 12);

                assertThat(capture.points()).singleElement().satisfies(point -> {
                    assertThat(point.interfaceName()).isEqualTo("lo");
                    assertThat(point.linkType()).isEqualTo(LinkType.ETHERNET);
                    assertThat(point.nanosecondTimestamps()).isTrue();
                });
                assertThat(frames).allSatisfy(frame -> {
                    assertThat(frame.atNanos()).isBetween(before, after);
                    assertThat(frame.interfaceName()).isEqualTo("lo");
                    assertThat(frame.capturedLength()).isEqualTo(frame.wireLength()).isEqualTo(frame.bytes().length);
                });
                assertThat(frames).as("kernel nanosecond timestamps, not microseconds scaled")
                        .anyMatch(frame -> frame.atNanos() % 1_000 != 0);
                assertThat(frames).extracting(LiveFrame::atNanos).isSorted();

                CaptureStats stats = summary.total();
                assertThat(stats.delivered()).isEqualTo(frames.size());
                assertThat(stats.received()).as("loopback frames counted once").isEqualTo(frames.size());
                assertThat(stats.dropped()).isZero();
                assertThat(summary.failures()).isEmpty();
            }
        }
    }

    @Test
    void replacingTheFilterMidCaptureSwitchesPorts() throws Exception {
        try (ServerSocket first = LoopbackTraffic.listen(); ServerSocket second = LoopbackTraffic.listen()) {
            FrameCollector collector = new FrameCollector();
            try (CaptureSource capture = open(CaptureOptions.on("lo").withFilter("tcp port " + first.getLocalPort()), collector)) {
                int before = LoopbackTraffic.exchange(first, "one", "1");
                collector.awaitUntil(frames -> closedBothWays(frames, before), WAIT);
                int seenBeforeSwitch = collector.frames().size();

                assertThat(capture.replaceFilter("tcp port " + second.getLocalPort()))
                        .isEqualTo(new FilterCheck.Valid("tcp port " + second.getLocalPort()));
                assertThat(capture.filter()).isEqualTo("tcp port " + second.getLocalPort());
                int oldPortAfter = LoopbackTraffic.exchange(first, "two", "2");
                int newPort = LoopbackTraffic.exchange(second, "three", "3");
                List<LiveFrame> frames = collector.awaitUntil(f -> closedBothWays(f, newPort), WAIT);

                List<TcpFrame> afterSwitch = tcp(frames.subList(seenBeforeSwitch, frames.size()));
                assertThat(afterSwitch).isNotEmpty()
                        .allMatch(s -> s.sourcePort() == second.getLocalPort() || s.destinationPort() == second.getLocalPort())
                        .noneMatch(s -> s.sourcePort() == oldPortAfter || s.destinationPort() == oldPortAfter);
                assertThat(afterSwitch.getFirst().is(TcpFrame.SYN)).as("the new port's SYN is not lost").isTrue();
            }
        }
    }

    /** Cooked capture cannot take a directly attached program: libpcap swaps it on the loop thread. */
    @Test
    void replacingTheFilterOnTheAnyDeviceGoesThroughTheLoopThread() throws Exception {
        try (ServerSocket first = LoopbackTraffic.listen(); ServerSocket second = LoopbackTraffic.listen()) {
            FrameCollector collector = new FrameCollector();
            try (CaptureSource capture = open(CaptureOptions.on("any").withFilter("tcp port " + first.getLocalPort()), collector)) {
                assertThat(capture.replaceFilter("tcp port " + second.getLocalPort()))
                        .isEqualTo(new FilterCheck.Valid("tcp port " + second.getLocalPort()));
                LoopbackTraffic.exchange(first, "old", "port");
                LoopbackTraffic.exchange(second, "new", "port");
                int cooked = 16;
                collector.awaitUntil(frames -> frames.stream().filter(f -> f.bytes().length > cooked + 20).anyMatch(f ->
                        (((f.bytes()[cooked + 20] & 0xff) << 8) | (f.bytes()[cooked + 21] & 0xff)) == second.getLocalPort()
                        && (f.bytes()[cooked + 20 + 13] & TcpFrame.FIN) != 0), WAIT);
                assertThat(collector.frames()).allSatisfy(f -> {
                    int source = ((f.bytes()[cooked + 20] & 0xff) << 8) | (f.bytes()[cooked + 21] & 0xff);
                    int destination = ((f.bytes()[cooked + 22] & 0xff) << 8) | (f.bytes()[cooked + 23] & 0xff);
                    assertThat(source == second.getLocalPort() || destination == second.getLocalPort()).isTrue();
                });
            }
        }
    }

    @Test
    void twoCapturesOnLoopbackWithDifferentFiltersEachSeeTheirOwnPort() throws Exception {
        try (ServerSocket first = LoopbackTraffic.listen(); ServerSocket second = LoopbackTraffic.listen()) {
            FrameCollector firstFrames = new FrameCollector();
            FrameCollector secondFrames = new FrameCollector();
            try (CaptureSource a = open(CaptureOptions.on("lo").withFilter("tcp port " + first.getLocalPort()), firstFrames);
                 CaptureSource b = open(CaptureOptions.on("lo").withFilter("tcp port " + second.getLocalPort()), secondFrames)) {
                int firstClient = LoopbackTraffic.exchange(first, "to first", "a");
                int secondClient = LoopbackTraffic.exchange(second, "to second", "b");
                firstFrames.awaitUntil(f -> closedBothWays(f, firstClient), WAIT);
                secondFrames.awaitUntil(f -> closedBothWays(f, secondClient), WAIT);
                assertThat(tcp(firstFrames.frames())).allMatch(s -> s.sourcePort() == firstClient || s.destinationPort() == firstClient);
                assertThat(tcp(secondFrames.frames())).allMatch(s -> s.sourcePort() == secondClient || s.destinationPort() == secondClient);
                assertThat(a.stats()).singleElement().extracting(CaptureStats::delivered).isEqualTo((long) firstFrames.frames().size());
                assertThat(b.stats()).singleElement().extracting(CaptureStats::delivered).isEqualTo((long) secondFrames.frames().size());
            }
        }
    }

    @Test
    void oneCaptureOnTwoInterfacesDeliversFromBothWithTheirOwnLinkTypes() throws Exception {
        try (ServerSocket server = LoopbackTraffic.listen()) {
            FrameCollector collector = new FrameCollector();
            try (CaptureSource capture = open(CaptureOptions.on("lo", "any").withFilter("tcp port " + server.getLocalPort()), collector)) {
                assertThat(capture.points()).extracting(CapturePoint::interfaceName).containsExactly("lo", "any");
                assertThat(capture.points()).extracting(CapturePoint::linkType).containsExactly(LinkType.ETHERNET, LinkType.LINUX_SLL);
                assertThat(capture.commonLinkType()).isEmpty();
                int client = LoopbackTraffic.exchange(server, "both", "ways");
                List<LiveFrame> frames = collector.awaitUntil(f -> closedBothWays(f.stream().filter(x -> x.interfaceName().equals("lo")).toList(), client)
                        && f.stream().filter(x -> x.interfaceName().equals("any")).count()
                        >= f.stream().filter(x -> x.interfaceName().equals("lo")).count(), WAIT);
                assertThat(frames).filteredOn(f -> f.interfaceName().equals("any")).isNotEmpty()
                        .allMatch(f -> f.linkType() == LinkType.LINUX_SLL);
                assertThat(frames).filteredOn(f -> f.interfaceName().equals("lo")).isNotEmpty()
                        .allMatch(f -> f.linkType() == LinkType.ETHERNET);
            }
        }
    }
}

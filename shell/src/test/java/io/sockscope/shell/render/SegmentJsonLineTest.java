package io.sockscope.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.inspector.decode.DecodeStatus;
import io.sockscope.inspector.flow.CaptureAnalysis;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpdumpLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SegmentJson} writes the tcpdump line of most segments as bytes in place instead of
 * through {@link TcpdumpLine}: on every corpus and synthetic capture, each segment's record must
 * come out byte for byte as it does with the line made by {@link TcpdumpLine} and
 * {@link SegmentJson#lineBytes}, and its {@code line} must be {@link TcpdumpLine#format}'s.
 */
class SegmentJsonLineTest {

    @TempDir
    Path dir;

    static Stream<String> captures() {
        return Stream.concat(Stream.of("bind_no_listen", "close_wait_leak",
                "close_with_unread_data", "connect_refused", "half_close", "handshake_echo",
                "ipv6_echo", "keepalive", "large_transfer_lo64k", "linger_zero_abort",
                "nagle_delayed_ack", "retransmission_loss", "short_send_small_buffer",
                "time_wait_rebind", "zero_window").map(n -> "/corpus/" + n + ".pcap"),
                Stream.of("acked_unseen.pcap", "ip_options_fragments.pcap", "link_loop.pcap",
                        "link_null.pcap", "link_null_bigendian.pcap", "link_raw.pcap",
                        "link_raw12.pcap", "link_raw14.pcap", "link_sll.pcap", "link_sll2.pcap",
                        "link_vlan.pcap", "options.pcap", "pcap_bigendian.pcap",
                        "pcap_nanoseconds.pcap", "pcapng_interfaces.pcapng", "port_reuse.pcap",
                        "spurious_fast_20ms.pcap", "tcp_malformed.pcap",
                        "window_scale_cases.pcap", "zero_window_probe.pcap")
                        .map(n -> "/synthetic/" + n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void inPlaceLineEqualsTcpdumpLine(String resource) throws IOException {
        List<Segment> segments = segments(copy(resource));
        assertThat(segments).isNotEmpty();
        SegmentJson fast = new SegmentJson();
        SegmentJson slow = new SegmentJson();
        StringBuilder scratch = new StringBuilder();
        for (Segment s : segments) {
            for (OptionalLong call : List.of(OptionalLong.empty(), OptionalLong.of(7))) {
                String viaFast = record(fast, s, call, false, scratch);
                String viaSlow = record(slow, s, call, true, scratch);
                assertThat(viaFast).as(resource + " frame " + s.frame()).isEqualTo(viaSlow);
                assertThat(viaFast).as(resource + " frame " + s.frame())
                        .endsWith(",\"line\":\"" + TcpdumpLine.format(s) + "\"}\n");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyRecordedCaptureHasSegmentsTheInPlacePathWrites(String resource) throws IOException {
        // the in-place path covers segments without options or with NOP, NOP, Timestamps only:
        // Linux puts the latter on every segment after the handshake
        if (!resource.startsWith("/corpus/")) {
            return;
        }
        List<Segment> segments = segments(copy(resource));
        assertThat(segments).anyMatch(s -> s.options().isEmpty()
                || s.options().isNopNopTimestamps());
    }

    private static String record(SegmentJson json, Segment s, OptionalLong call, boolean viaLine,
            StringBuilder scratch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonFactory factory = new JsonFactory();
        factory.setRootValueSeparator(null);
        try (JsonGenerator g = factory.createGenerator(out)) {
            if (viaLine) {
                json.write(g, out, s, call, SegmentJson.lineBytes(scratch, s));
            } else {
                json.write(g, out, s, call);
            }
            g.flush();
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static List<Segment> segments(Path file) {
        List<Segment> segments = new ArrayList<>();
        CaptureAnalysis.Outcome outcome = CaptureAnalysis.twoPasses(file,
                new CaptureAnalysis.FrameListener() {
                    @Override
                    public void segment(Segment segment) {
                        segments.add(segment);
                    }

                    @Override
                    public void otherFrame(long frame, long atNanos, DecodeStatus status,
                            String problem) {
                    }
                });
        assertThat(outcome).isInstanceOf(CaptureAnalysis.Outcome.Completed.class);
        return segments;
    }

    private Path copy(String resource) {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = SegmentJsonLineTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

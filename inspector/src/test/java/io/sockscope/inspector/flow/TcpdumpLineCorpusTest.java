package io.sockscope.inspector.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.decode.DecodeStatus;
import io.sockscope.inspector.decode.TcpFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Our one-line text against real {@code tcpdump -nn -r} output of every corpus capture
 * ({@code corpus/NAME.tcpdump.txt}, tcpdump 4.99.3), line by line. tcpdump's timestamp and
 * {@code IP }/{@code IP6 } prefix are not ours; on a SYN, and on the first segment with ACK it
 * sees of a connection (the SYN+ACK, or a RST answering a SYN), tcpdump prints absolute numbers
 * where we print tshark's relative ones (SPEC §4), so those two numbers are mapped from raw to
 * relative before comparing, and tcpdump's decoding of payloads after {@code length N} (": HTTP")
 * is not ours. Every other character must be equal.
 */
class TcpdumpLineCorpusTest {

    static final List<String> NAMES = Corpus.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void linesMatchTcpdump(String name) throws IOException {
        assertMatches(name, Corpus.capture(name), Corpus.file(name + ".tcpdump.txt"));
    }

    @org.junit.jupiter.api.Test
    void everyOptionSpellingMatchesTcpdump() throws IOException {
        java.nio.file.Path capture = SyntheticTruthTest.resource("options.pcap");
        assertThat(Files.readAllBytes(capture)).isEqualTo(OptionCaptures.options());
        assertMatches("options", capture, SyntheticTruthTest.resource("options.tcpdump.txt"));
    }

    private static void assertMatches(String name, java.nio.file.Path capture,
            java.nio.file.Path tcpdumpOutput) throws IOException {
        List<Segment> segments = new ArrayList<>();
        CaptureAnalysis.twoPasses(capture, new CaptureAnalysis.FrameListener() {
            @Override
            public void segment(Segment segment) {
                segments.add(segment);
            }

            @Override
            public void otherFrame(long frame, long atNanos, DecodeStatus status, String problem) {
                segments.add(null);
            }
        });
        List<String> tcpdump = Files.readAllLines(tcpdumpOutput);
        assertThat(segments).hasSameSizeAs(tcpdump);
        List<String> mismatches = new ArrayList<>();
        java.util.Set<String> connectionsWithAck = new java.util.HashSet<>();
        for (int i = 0; i < tcpdump.size(); i++) {
            Segment s = segments.get(i);
            String tuple = s.source().compareTo(s.destination()) < 0
                    ? s.source() + " " + s.destination() : s.destination() + " " + s.source();
            boolean absolute = s.has(TcpFlags.SYN)
                    || s.has(TcpFlags.ACK) && connectionsWithAck.add(tuple);
            String expected = expected(tcpdump.get(i), s, absolute);
            String ours = s.tcpdumpLine();
            if (!expected.equals(ours)) {
                mismatches.add("frame " + (i + 1) + "\n  tcpdump " + expected + "\n  ours    " + ours);
            }
        }
        assertThat(mismatches).as(name).isEmpty();
    }

    /**
     * tcpdump's line without time and IP prefix; where tcpdump printed absolute numbers (a SYN,
     * or the first segment with ACK it saw of a connection) they are made relative as ours are.
     */
    static String expected(String tcpdumpLine, Segment s, boolean absolute) {
        String line = tcpdumpLine.substring(tcpdumpLine.indexOf(' ') + 1);
        line = line.substring(line.indexOf(' ') + 1).replaceFirst("(, length \\d+): .*$", "$1");
        if (absolute) {
            line = line.replace(", seq " + s.rawSeq() + ",", ", seq " + s.seq() + ",")
                    .replace(", ack " + s.rawAck() + ",", ", ack " + s.ack() + ",");
        }
        return line;
    }
}

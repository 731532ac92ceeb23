package io.sockscope.inspector.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sockscope.inspector.decode.DecodeStatus;
import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.ReadStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Damaged versions of every corpus capture through reader, decoder, analyser and renderers:
 * truncated at every byte of the first 3 KiB (every header boundary of the first frames) and at
 * a sweep across the file, and with seeded random byte flips. Nothing may throw; a cut that is
 * not on a record boundary must be reported as a problem; damaged frames must come out as
 * non-OK decodes rather than vanish.
 */
class MutatedCaptureTest {

    static final List<String> NAMES = Corpus.NAMES;
    private static final int FLIP_VARIANTS = 250;
    private static final int FRAME_MUTATIONS = 12;

    @TempDir
    Path dir;

    /** Counts what the renderers saw, touching every field a face would. */
    private static final class Exercise implements CaptureAnalysis.FrameListener {
        long segments;
        long reported;

        @Override
        public void segment(Segment s) {
            segments++;
            String line = s.tcpdumpLine();
            if (line.isEmpty() || s.options().summary().size() < 0 || s.flagNames() == null
                    || s.analysisNames() == null) {
                fail("empty rendering of frame " + s.frame());
            }
        }

        @Override
        public void otherFrame(long frame, long atNanos, DecodeStatus status, String problem) {
            if (status == DecodeStatus.OK || problem.isEmpty()) {
                fail("frame " + frame + " reported without a problem: " + status);
            }
            if (status == DecodeStatus.MALFORMED || status == DecodeStatus.TRUNCATED) {
                reported++;
            }
        }
    }

    private static CaptureAnalysis.Outcome run(Path file, Exercise exercise, String variant) {
        try {
            CaptureAnalysis.Outcome outcome = CaptureAnalysis.twoPasses(file, exercise);
            if (outcome instanceof CaptureAnalysis.Outcome.Completed done) {
                done.flows().forEach(Flow::toString);
            }
            return outcome;
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(variant + ": " + e, e);
        }
    }

    private static TreeSet<Long> recordBoundaries(Path file) {
        TreeSet<Long> boundaries = new TreeSet<>();
        try (CaptureReader reader = ((CaptureOpen.Opened) CaptureReader.open(file)).reader()) {
            while (reader.next() == ReadStatus.FRAME) {
                boundaries.add(reader.frame().fileOffset());
            }
        }
        return boundaries;
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void truncatedAnywhereIsReportedNeverThrown(String name) throws IOException {
        byte[] original = Files.readAllBytes(Corpus.capture(name));
        TreeSet<Long> boundaries = recordBoundaries(Corpus.capture(name));
        boundaries.add((long) original.length);
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int cut = 0; cut < Math.min(original.length, 3072); cut++) {
            cuts.add(cut);
        }
        for (int i = 0; i < 64; i++) {
            cuts.add((int) ((long) original.length * i / 64));
        }
        Path file = dir.resolve(name + ".pcap");
        for (int cut : cuts) {
            Files.write(file, Arrays.copyOf(original, cut));
            CaptureAnalysis.Outcome outcome = run(file, new Exercise(), name + " cut at " + cut);
            if (cut < 24) {
                assertThat(outcome).as("cut at %d", cut)
                        .isInstanceOf(CaptureAnalysis.Outcome.Unreadable.class);
                continue;
            }
            assertThat(outcome).isInstanceOfSatisfying(CaptureAnalysis.Outcome.Completed.class,
                    done -> assertThat(done.problem().isPresent()).as("%s cut at %d", name, cut)
                            .isEqualTo(!boundaries.contains((long) cut)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void flippedBytesAreReportedNeverThrown(String name) throws IOException {
        Path file = dir.resolve(name + ".pcap");
        Files.copy(Corpus.capture(name), file);
        byte[] original = Files.readAllBytes(file);
        Random random = new Random(name.hashCode());
        long reported = 0;
        long problems = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            for (int variant = 0; variant < FLIP_VARIANTS; variant++) {
                int flips = 1 + random.nextInt(8);
                int[] positions = new int[flips];
                for (int i = 0; i < flips; i++) {
                    int span = random.nextBoolean() ? Math.min(original.length, 4096)
                            : original.length;
                    positions[i] = random.nextInt(span);
                    int flipped = original[positions[i]] ^ (1 + random.nextInt(255));
                    channel.write(ByteBuffer.wrap(new byte[] {(byte) flipped}), positions[i]);
                }
                Exercise exercise = new Exercise();
                CaptureAnalysis.Outcome outcome = run(file, exercise, name + " flips at "
                        + Arrays.toString(positions));
                reported += exercise.reported;
                if (outcome instanceof CaptureAnalysis.Outcome.Completed done
                        && done.problem().isPresent()) {
                    problems++;
                }
                for (int position : positions) {
                    channel.write(ByteBuffer.wrap(new byte[] {original[position]}), position);
                }
            }
        }
        assertThat(reported + problems).as("damage reported as malformed frames or file "
                + "problems").isPositive();
    }

    /** Thousands of damaged frames straight through the decoder, analyser and formatter. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void damagedFramesDecodeToAStatus(String name) {
        List<byte[]> frames = new ArrayList<>();
        List<Integer> linkTypes = new ArrayList<>();
        try (CaptureReader reader = ((CaptureOpen.Opened) CaptureReader.open(
                Corpus.capture(name))).reader()) {
            while (reader.next() == ReadStatus.FRAME) {
                frames.add(reader.frame().copyBytes());
                linkTypes.add(reader.frame().linkType());
            }
        }
        Random random = new Random(31L * name.hashCode());
        FrameDecoder decoder = new FrameDecoder();
        TcpAnalyzer analyzer = TcpAnalyzer.onePass();
        long number = 0;
        long notOk = 0;
        for (int round = 0; round < FRAME_MUTATIONS; round++) {
            for (int i = 0; i < frames.size(); i++) {
                byte[] frame = frames.get(i).clone();
                int flips = 1 + random.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(Math.min(frame.length, 80));
                    frame[at] ^= (byte) (1 + random.nextInt(255));
                }
                int captured = random.nextInt(4) == 0 ? random.nextInt(frame.length + 1)
                        : frame.length;
                int wire = random.nextInt(4) == 0 ? random.nextInt(70000) : frame.length;
                number++;
                try {
                    DecodeStatus status = decoder.decode(ByteBuffer.wrap(frame), 0, captured,
                            wire, linkTypes.get(i));
                    if (status != DecodeStatus.OK) {
                        notOk++;
                        assertThat(decoder.describeProblem()).isNotBlank();
                    }
                    if (analyzer.analyze(decoder, number, number * 1000)) {
                        analyzer.segment().tcpdumpLine();
                        analyzer.segment().options().list();
                    }
                } catch (RuntimeException e) {
                    throw new AssertionError(name + " frame " + (i + 1) + " mutated to "
                            + java.util.HexFormat.of().formatHex(frame) + " captured " + captured
                            + " wire " + wire + ": " + e, e);
                }
            }
        }
        analyzer.flows().forEach(Flow::toString);
        assertThat(notOk).as("some mutations must be reported as damaged").isPositive();
    }
}

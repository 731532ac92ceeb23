package io.sockscope.inspector.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The file reader against tshark's frame times and lengths for every corpus and synthetic
 * capture, and against damaged files: each damage is reported as a value naming the frame and
 * byte offset, never thrown.
 */
class CaptureReaderTest {

    @TempDir
    Path dir;

    record Frame(long number, long atNanos, int captured, int wire, int linkType) {
    }

    static Stream<String> captures() throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        for (String folder : List.of("corpus", "synthetic")) {
            Path path = Path.of(CaptureReaderTest.class.getResource("/" + folder).toURI());
            try (Stream<Path> files = Files.list(path)) {
                files.map(p -> folder + "/" + p.getFileName())
                        .filter(n -> n.endsWith(".pcap") || n.endsWith(".pcapng"))
                        .sorted().forEach(names::add);
            }
        }
        return names.stream();
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(CaptureReaderTest.class.getResource("/" + name).toURI());
    }

    static List<Frame> readAll(Path file, int bufferCapacity) {
        CaptureOpen open = CaptureReader.open(file, bufferCapacity);
        assertThat(open).isInstanceOf(CaptureOpen.Opened.class);
        List<Frame> frames = new ArrayList<>();
        try (CaptureReader reader = ((CaptureOpen.Opened) open).reader()) {
            while (reader.next() == ReadStatus.FRAME) {
                RawFrame f = reader.frame();
                frames.add(new Frame(f.frameNumber(), f.atNanos(), f.capturedLength(),
                        f.wireLength(), f.linkType()));
            }
            assertThat(reader.problem()).isEmpty();
        }
        return frames;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void framesMatchTsharkTimesAndLengths(String name) throws Exception {
        Path capture = resource(name);
        List<String> truth = Files.readAllLines(resource(name.replaceFirst("\\.pcap(ng)?$",
                ".tsv")), StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(truth.getFirst().split("\t", -1));
        int time = header.indexOf("frame.time_epoch");
        int wire = header.indexOf("frame.len");
        int captured = header.indexOf("frame.cap_len");

        List<Frame> frames = readAll(capture, ByteWindow.INITIAL_CAPACITY);

        assertThat(frames).hasSize(truth.size() - 1);
        for (Frame frame : frames) {
            String[] row = truth.get((int) frame.number()).split("\t", -1);
            if (!row[time].isEmpty()) {
                long expected = new BigDecimal(row[time]).movePointRight(9).longValueExact();
                assertThat(frame.atNanos()).as("%s frame %d time", name, frame.number())
                        .isEqualTo(expected);
            }
            assertThat(frame.wire()).as("frame.len").isEqualTo(Integer.parseInt(row[wire]));
            assertThat(frame.captured()).as("frame.cap_len")
                    .isEqualTo(Integer.parseInt(row[captured]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void aTinyBufferGrowsAndSlidesToTheSameFrames(String name) throws Exception {
        Path capture = resource(name);
        assertThat(readAll(capture, 64)).isEqualTo(readAll(capture, ByteWindow.INITIAL_CAPACITY));
    }

    @Test
    void aMissingFileIsOneLine() {
        CaptureOpen open = CaptureReader.open(dir.resolve("nope.pcap"));
        assertThat(open).isEqualTo(new CaptureOpen.Unreadable(dir.resolve("nope.pcap")
                + ": no such file"));
    }

    @Test
    void aDirectoryIsNotACapture() {
        assertThat(CaptureReader.open(dir)).isInstanceOfSatisfying(CaptureOpen.Unreadable.class,
                u -> assertThat(u.message()).startsWith(dir.toString()).doesNotContain("\n"));
    }

    @Test
    void textAndEmptyFilesAreNotCaptures() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.pcap"), "hello, this is text\n");
        Path empty = Files.write(dir.resolve("empty.pcap"), new byte[0]);
        assertThat(CaptureReader.open(text)).isEqualTo(new CaptureOpen.Unreadable(text
                + ": not a pcap or pcapng file (starts with 0x68656c6c)"));
        assertThat(CaptureReader.open(empty)).isEqualTo(new CaptureOpen.Unreadable(empty
                + ": not a pcap or pcapng file (0 bytes long)"));
    }

    @Test
    void aTruncatedFileHeaderIsOneLine() throws IOException {
        byte[] header = CaptureFileBuilder.pcap(ByteOrder.LITTLE_ENDIAN, false, 1).bytes();
        Path file = Files.write(dir.resolve("short.pcap"), Arrays.copyOf(header, 10));
        assertThat(CaptureReader.open(file)).isEqualTo(new CaptureOpen.Unreadable(file
                + ": truncated pcap file header (10 of 24 bytes)"));
    }

    @Test
    void aTruncatedRecordIsReportedWithFrameAndOffset() throws IOException {
        byte[] frame = new byte[60];
        byte[] whole = CaptureFileBuilder.pcap(ByteOrder.BIG_ENDIAN, true, 1)
                .record(1_000_000_123L, frame).record(2_000_000_456L, frame).bytes();
        Path file = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 7));

        try (CaptureReader reader = opened(file)) {
            assertThat(reader.next()).isEqualTo(ReadStatus.FRAME);
            assertThat(reader.frame().atNanos()).isEqualTo(1_000_000_123L);
            assertThat(reader.next()).isEqualTo(ReadStatus.PROBLEM);
            assertThat(reader.problem()).contains(new CaptureProblem("truncated: the file ends "
                    + "inside the record (a 16-byte header and 60 captured bytes): 69 of its 76 "
                    + "bytes are there", 2,
                    24 + 76));
            assertThat(reader.next()).isEqualTo(ReadStatus.PROBLEM);
        }
    }

    @Test
    void aRecordHeaderCutShortIsReported() throws IOException {
        byte[] whole = CaptureFileBuilder.pcap(ByteOrder.LITTLE_ENDIAN, false, 1)
                .record(0, new byte[20]).raw(new byte[5]).bytes();
        try (CaptureReader reader = opened(Files.write(dir.resolve("h.pcap"), whole))) {
            assertThat(reader.next()).isEqualTo(ReadStatus.FRAME);
            assertThat(reader.next()).isEqualTo(ReadStatus.PROBLEM);
            assertThat(reader.problem().orElseThrow().message()).isEqualTo("frame 2 (byte "
                    + "offset 60): truncated: the file ends inside a record header: 5 of its 16 "
                    + "bytes are there");
        }
    }

    @Test
    void anAbsurdCapturedLengthIsReported() throws IOException {
        byte[] whole = CaptureFileBuilder.pcap(ByteOrder.LITTLE_ENDIAN, false, 1)
                .record(0, new byte[20], 20, 20).bytes();
        whole[24 + 8 + 3] = 0x7f;
        try (CaptureReader reader = opened(Files.write(dir.resolve("big.pcap"), whole))) {
            assertThat(reader.next()).isEqualTo(ReadStatus.PROBLEM);
            assertThat(reader.problem().orElseThrow().what())
                    .startsWith("record claims 2130706452 captured bytes");
        }
    }

    @Test
    void aWireLengthBelowTheCapturedLengthReadsAsTheCapturedLength() throws IOException {
        byte[] whole = CaptureFileBuilder.pcap(ByteOrder.LITTLE_ENDIAN, false, 1)
                .record(0, new byte[40], 40, 10).bytes();
        try (CaptureReader reader = opened(Files.write(dir.resolve("w.pcap"), whole))) {
            assertThat(reader.next()).isEqualTo(ReadStatus.FRAME);
            assertThat(reader.frame().wireLength()).isEqualTo(40);
            assertThat(reader.frame().info()).isEqualTo(new CaptureInfo(0, 40, 40, 1));
        }
    }

    @Test
    void pcapngDamageIsReported() throws IOException {
        byte[] frame = new byte[30];
        assertProblem(CaptureFileBuilder.pcapng().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, -1, 0).enhancedPacket(3, 0, frame).bytes(),
                "packet names interface 3 but the section describes 1");
        assertProblem(CaptureFileBuilder.pcapng().section(ByteOrder.BIG_ENDIAN)
                .simplePacket(frame).bytes(),
                "simple packet block before any interface description block");
        assertProblem(CaptureFileBuilder.pcapng().section(ByteOrder.LITTLE_ENDIAN)
                .raw(new byte[] {6, 0, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).bytes(),
                "block length 13 is not a multiple of 4 of at least 12");
        assertProblem(CaptureFileBuilder.pcapng().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 0x7f, 0).bytes(),
                "if_tsresol 0x7f is finer than the 1e-27 s or 2^-63 s this reader handles");
        byte[] badMagic = CaptureFileBuilder.pcapng().section(ByteOrder.LITTLE_ENDIAN).bytes();
        badMagic[8] = 0;
        assertProblem(badMagic, "section header byte-order magic reads 0x003c2b1a, expected "
                + "0x1a2b3c4d in either byte order");
        byte[] trailer = CaptureFileBuilder.pcapng().section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, -1, 0).bytes();
        trailer[trailer.length - 4] = 99;
        assertProblem(trailer, "block's trailing length differs from its leading length 24");
    }

    @Test
    void pcapngTimestampUnits() {
        assertThat(TimestampScale.MICROS.toNanos(1_500_000L)).isEqualTo(1_500_000_000L);
        assertThat(TimestampScale.of(9).toNanos(7L)).isEqualTo(7L);
        assertThat(TimestampScale.of(3).toNanos(2L)).isEqualTo(2_000_000L);
        assertThat(TimestampScale.of(12).toNanos(5_000L)).isEqualTo(5L);
        assertThat(TimestampScale.of(0x80 | 20).toNanos((3L << 20) | (1L << 19)))
                .isEqualTo(3_500_000_000L);
        assertThat(TimestampScale.of(0x80 | 63).toNanos(1L << 62)).isEqualTo(500_000_000L);
        assertThat(TimestampScale.of(0x80).toNanos(4L)).isEqualTo(4_000_000_000L);
        assertThat(TimestampScale.of(28)).isNull();
    }

    private void assertProblem(byte[] file, String what) throws IOException {
        Path path = Files.write(Files.createTempFile(dir, "damaged", ".pcapng"), file);
        try (CaptureReader reader = opened(path)) {
            ReadStatus status;
            do {
                status = reader.next();
            } while (status == ReadStatus.FRAME);
            assertThat(status).isEqualTo(ReadStatus.PROBLEM);
            assertThat(reader.problem().orElseThrow().what()).isEqualTo(what);
        }
    }

    private static CaptureReader opened(Path file) {
        return ((CaptureOpen.Opened) CaptureReader.open(file)).reader();
    }
}

package io.sockscope.inspector.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.capture.CaptureOptions;
import io.sockscope.inspector.capture.CaptureRequirement;
import io.sockscope.inspector.capture.CaptureSource;
import io.sockscope.inspector.capture.CaptureSummary;
import io.sockscope.inspector.pcap.LinkType;
import io.sockscope.inspector.capture.LiveFrame;
import io.sockscope.inspector.capture.OpenResult;
import io.sockscope.inspector.capture.PcapLiveCapture;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapWriterTest {

    private static final int LINUX_SLL = 113;

    @TempDir
    Path dir;

    /** A record as the file holds it. */
    record Record(long seconds, long nanos, int capturedLength, int wireLength, byte[] bytes) {
    }

    /** Reads a nanosecond pcap in native order, insisting that every record is whole. */
    static List<Record> read(Path file, int expectedLinkType, int expectedSnaplen) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.nativeOrder());
        assertThat(b.getInt()).isEqualTo(PcapWriter.MAGIC_NANOSECONDS);
        assertThat(b.getShort()).isEqualTo((short) 2);
        assertThat(b.getShort()).isEqualTo((short) 4);
        assertThat(b.getInt()).isZero();
        assertThat(b.getInt()).isZero();
        assertThat(b.getInt()).isEqualTo(expectedSnaplen);
        assertThat(b.getInt()).isEqualTo(expectedLinkType);
        List<Record> records = new ArrayList<>();
        while (b.hasRemaining()) {
            assertThat(b.remaining()).as("a whole record header").isGreaterThanOrEqualTo(PcapWriter.RECORD_HEADER_BYTES);
            long seconds = Integer.toUnsignedLong(b.getInt());
            long nanos = Integer.toUnsignedLong(b.getInt());
            int captured = b.getInt();
            int wire = b.getInt();
            assertThat(nanos).isLessThan(1_000_000_000L);
            assertThat(captured).isLessThanOrEqualTo(expectedSnaplen).isLessThanOrEqualTo(wire);
            assertThat(b.remaining()).as("whole record data").isGreaterThanOrEqualTo(captured);
            byte[] bytes = new byte[captured];
            b.get(bytes);
            records.add(new Record(seconds, nanos, captured, wire, bytes));
        }
        return records;
    }

    static PcapWriter open(Path file, int linkType, int snaplen) {
        PcapWriter.Opening opening = PcapWriter.open(file, linkType, snaplen);
        assertThat(opening).isInstanceOf(PcapWriter.Opened.class);
        return ((PcapWriter.Opened) opening).writer();
    }

    @Test
    void writesHeaderAndRecordsCuttingFramesToTheSnaplen() throws IOException {
        Path file = dir.resolve("frames.pcap");
        PcapWriter writer = open(file, LINUX_SLL, 100);
        assertThat(read(file, LINUX_SLL, 100)).as("valid and empty before any frame").isEmpty();

        byte[] small = {1, 2, 3, 4, 5};
        byte[] big = new byte[300];
        Arrays.fill(big, (byte) 7);
        assertThat(writer.write(1_700_000_000_123_456_789L, 5, small, 0, 5)).isInstanceOf(PcapWriter.Ok.class);
        assertThat(writer.write(1_700_000_001_000_000_001L, 1500, big, 0, 300)).isInstanceOf(PcapWriter.Ok.class);
        assertThat(writer.write(1_700_000_002_000_000_000L, 3, small, 2, 3)).isInstanceOf(PcapWriter.Ok.class);
        assertThat(writer.close()).isInstanceOf(PcapWriter.Ok.class);

        List<Record> records = read(file, LINUX_SLL, 100);
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).satisfies(r -> {
            assertThat(r.seconds()).isEqualTo(1_700_000_000L);
            assertThat(r.nanos()).isEqualTo(123_456_789L);
            assertThat(r.bytes()).containsExactly(1, 2, 3, 4, 5);
        });
        assertThat(records.get(1)).satisfies(r -> {
            assertThat(r.nanos()).isEqualTo(1L);
            assertThat(r.capturedLength()).isEqualTo(100);
            assertThat(r.wireLength()).isEqualTo(1500);
        });
        assertThat(records.get(2).bytes()).containsExactly(3, 4, 5);
        assertThat(writer.framesWritten()).isEqualTo(3);
    }

    @Test
    void roundTripsFramesCapturedLiveOnLoopback() throws Exception {
        CaptureRequirement.assumeAvailable();
        Path file = dir.resolve("live.pcap");
        List<LiveFrame> seen = new CopyOnWriteArrayList<>();
        CountDownLatch twenty = new CountDownLatch(20);
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CaptureOptions options = CaptureOptions.on("lo").withFilter("udp port " + receiver.getLocalPort());
            PcapWriter[] writer = new PcapWriter[1];
            OpenResult result = PcapLiveCapture.open(options, frame -> {
                seen.add(frame);
                twenty.countDown();
                if (writer[0].write(frame.atNanos(), frame.wireLength(), frame.bytes(), 0, frame.capturedLength())
                        instanceof PcapWriter.Failed failed) {
                    throw new IllegalStateException(failed.line());
                }
            });
            assertThat(result).isInstanceOf(OpenResult.Opened.class);
            CaptureSource capture = ((OpenResult.Opened) result).source();
            writer[0] = open(file, capture.commonLinkType().orElseThrow(), capture.points().getFirst().snaplen());
            // The writer must exist before the first frame: nothing is sent until it does.
            for (int i = 0; i < 20; i++) {
                byte[] payload = ("datagram " + i).getBytes();
                sender.send(new DatagramPacket(payload, payload.length, receiver.getLocalSocketAddress()));
            }
            assertThat(twenty.await(10, TimeUnit.SECONDS)).as("20 datagrams captured").isTrue();
            CaptureSummary summary = capture.stop();
            assertThat(summary.failures()).isEmpty();
            assertThat(writer[0].close()).isInstanceOf(PcapWriter.Ok.class);
        }
        List<Record> records = read(file, LinkType.ETHERNET, CaptureOptions.DEFAULT_SNAPLEN);
        assertThat(records).hasSize(20).hasSameSizeAs(seen);
        for (int i = 0; i < records.size(); i++) {
            LiveFrame frame = seen.get(i);
            Record record = records.get(i);
            assertThat(record.seconds() * 1_000_000_000L + record.nanos()).isEqualTo(frame.atNanos());
            assertThat(record.bytes()).isEqualTo(frame.bytes());
            assertThat(new String(record.bytes(), 42, record.capturedLength() - 42)).isEqualTo("datagram " + i);
        }
    }

    @Test
    void aFullDiskLeavesAValidFileOfWholeRecordsAndOneFailure() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("tiny"));
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String mountOutput = new String(mounting.getInputStream().readAllBytes()).strip();
        CaptureRequirement.assumeThat(mounting.waitFor() == 0, "cannot mount a 64 KiB tmpfs to fill (needs root): " + mountOutput);
        try {
            Path file = mount.resolve("full.pcap");
            PcapWriter writer = open(file, LinkType.ETHERNET, 1500);
            byte[] frame = new byte[1000];
            PcapWriter.Outcome outcome = new PcapWriter.Ok();
            int attempts = 0;
            while (outcome instanceof PcapWriter.Ok && attempts < 1000) {
                Arrays.fill(frame, (byte) attempts);
                outcome = writer.write(1_700_000_000_000_000_000L + attempts, 1000, frame, 0, frame.length);
                attempts++;
            }
            assertThat(outcome).isInstanceOf(PcapWriter.Failed.class);
            PcapWriter.Failed failed = (PcapWriter.Failed) outcome;
            assertThat(failed.reason()).isEqualTo("No space left on device");
            assertThat(failed.line()).startsWith("cannot write " + file + ": No space left on device (the file keeps ");

            List<Record> records = read(file, LinkType.ETHERNET, 1500);
            assertThat(records).hasSize((int) failed.framesKept()).isNotEmpty();
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).bytes()).containsOnly((byte) i);
            }
            assertThat(Files.size(file)).isEqualTo(24L + records.size() * (16L + 1000));
            assertThat(writer.write(0, 1, frame, 0, 1)).isSameAs(failed);
            assertThat(writer.flush()).isSameAs(failed);
            assertThat(writer.close()).isSameAs(failed);
        } finally {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void anUnwritablePathIsOneFailureAndNoFile() {
        Path missingDirectory = dir.resolve("no-such-dir").resolve("out.pcap");
        assertThat(PcapWriter.open(missingDirectory, LinkType.ETHERNET, 65535))
                .isEqualTo(new PcapWriter.Failed(missingDirectory, "no such file or directory", 0));
        assertThat(PcapWriter.open(dir, LinkType.ETHERNET, 65535)).isInstanceOf(PcapWriter.Failed.class)
                .extracting(o -> ((PcapWriter.Failed) o).line()).asString().startsWith("cannot write " + dir + ": ");
        PcapWriter.Opening full = PcapWriter.open(Path.of("/dev/full"), LinkType.ETHERNET, 65535);
        assertThat(full).isEqualTo(new PcapWriter.Failed(Path.of("/dev/full"), "No space left on device", 0));
        assertThat(Path.of("/dev/full")).exists();
    }
}

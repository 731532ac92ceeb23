package io.sockscope.inspector.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Counters, stopping, and filter changes under traffic: the properties that keep drops from
 * being silent and resources from leaking. UDP datagrams carry a sequence number so that every
 * one the receiving socket got can be looked for in the capture.
 */
@ExtendWith(CaptureRequirement.class)
class CaptureLifecycleTest {

    private static final int HEADERS = 14 + 20 + 8;

    static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    static long captureThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sockscope-capture-")).count();
    }

    static int sequenceOf(byte[] frame) {
        return ByteBuffer.wrap(frame, HEADERS, Integer.BYTES).getInt();
    }

    static void send(DatagramSocket sender, DatagramSocket receiver, int sequence) throws IOException {
        byte[] payload = ByteBuffer.allocate(16).putInt(sequence).array();
        sender.send(new DatagramPacket(payload, payload.length, receiver.getLocalSocketAddress()));
    }

    @Test
    void statsAfterABurstCountEveryFrameOnceAndNoDrops() throws Exception {
        int burst = 1000;
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CountDownLatch all = new CountDownLatch(burst);
            // The inspector's settings: headers only. Whole frames on lo take 64 KiB ring slots each,
            // so the default 8 MiB buffer holds ~120 of them (docs/BENCHMARKS.md, "Live capture").
            CaptureSource capture = PcapLiveCaptureTest.open(CaptureOptions.on("lo")
                    .withFilter("udp dst port " + receiver.getLocalPort()).withSnaplen(CaptureOptions.HEADERS_SNAPLEN),
                    frame -> all.countDown());
            assertThat(capture.stats()).containsExactly(new CaptureStats("lo", 0, 0, 0, 0));
            for (int i = 0; i < burst; i++) {
                send(sender, receiver, i);
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).as("all captured: %s", capture.stats()).isTrue();
            CaptureStats during = capture.stats().getFirst();
            assertThat(during.delivered()).isEqualTo(burst);
            assertThat(during.received()).isEqualTo(burst);
            CaptureSummary summary = capture.stop();
            assertThat(summary.interfaces()).containsExactly(new CaptureStats("lo", burst, burst, 0, 0));
            assertThat(summary.total().dropped()).isZero();
            assertThat(capture.stats()).as("after stop: the final counters").isEqualTo(summary.interfaces());
            assertThat(capture.stop()).as("stop is idempotent").isSameAs(summary);
            assertThat(capture.replaceFilter("udp")).isEqualTo(new FilterCheck.Invalid("udp", "the capture has stopped"));
        }
    }

    @Test
    void startingAndStoppingUnderLoadNeverDeadlocksOrLeaks() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            AtomicBoolean flooding = new AtomicBoolean(true);
            Thread flood = Thread.ofPlatform().start(() -> {
                int sequence = 0;
                try {
                    while (flooding.get()) {
                        send(sender, receiver, sequence++);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long descriptorsBefore = openDescriptors();
            AtomicLong frames = new AtomicLong();
            for (int round = 0; round < 40; round++) {
                CountDownLatch flowing = new CountDownLatch(1);
                CaptureSource capture = PcapLiveCaptureTest.open(
                        CaptureOptions.on("lo").withFilter("udp port " + receiver.getLocalPort()).withBufferBytes(1 << 20),
                        frame -> {
                            frames.incrementAndGet();
                            flowing.countDown();
                        });
                assertThat(flowing.await(10, TimeUnit.SECONDS)).as("round %d delivers frames", round).isTrue();
                CaptureSummary summary = capture.stop();
                assertThat(summary.failures()).isEmpty();
                assertThat(summary.total().delivered()).isPositive();
            }
            flooding.set(false);
            flood.join();
            assertThat(captureThreads()).isZero();
            assertThat(openDescriptors()).isEqualTo(descriptorsBefore);
            assertThat(frames.get()).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void aListenerThatThrowsEndsTheCaptureWithItsMessage() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CaptureSource capture = PcapLiveCaptureTest.open(CaptureOptions.on("lo").withFilter("udp port " + receiver.getLocalPort()),
                    frame -> {
                        throw new IllegalStateException("disk full, say");
                    });
            send(sender, receiver, 1);
            assertThat(capture.awaitEnd(Duration.ofSeconds(10))).isTrue();
            CaptureSummary summary = capture.stop();
            assertThat(summary.failures()).containsExactly(
                    new CaptureSummary.Failure("lo", "the frame listener failed: disk full, say"));
            assertThat(summary.failures().getFirst().line()).isEqualTo("capture on lo stopped: the frame listener failed: disk full, say");
        }
    }

    @Test
    void requestStopFromTheListenerEndsTheCapture() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CaptureSource[] capture = new CaptureSource[1];
            CountDownLatch ready = new CountDownLatch(1);
            capture[0] = PcapLiveCaptureTest.open(CaptureOptions.on("lo").withFilter("udp port " + receiver.getLocalPort()),
                    frame -> {
                        awaitQuietly(ready);
                        capture[0].requestStop();
                    });
            ready.countDown();
            send(sender, receiver, 1);
            assertThat(capture[0].awaitEnd(Duration.ofSeconds(10))).isTrue();
            CaptureSummary summary = capture[0].stop();
            assertThat(summary.failures()).isEmpty();
            assertThat(summary.total().delivered()).isEqualTo(1);
        }
    }

    /**
     * libpcap's own pcap_setfilter puts a reject-all program on the socket while it swaps, losing
     * frames without counting them. Here every datagram the receiver got must be in the capture,
     * or be accounted for by a counted drop, across hundreds of filter changes under traffic.
     */
    @Test
    void filterChangesUnderTrafficLoseNothingSilently() throws Exception {
        int datagrams = 100_000;
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setReceiveBufferSize(8 << 20);
            BitSet captured = new BitSet(datagrams);
            BitSet received = new BitSet(datagrams);
            String base = "udp port " + receiver.getLocalPort();
            CaptureSource capture = PcapLiveCaptureTest.open(
                    CaptureOptions.on("lo").withFilter(base).withSnaplen(CaptureOptions.HEADERS_SNAPLEN).withBufferBytes(32 << 20),
                    frame -> {
                        synchronized (captured) {
                            captured.set(sequenceOf(frame.bytes()));
                        }
                    });
            Thread reader = Thread.ofPlatform().start(() -> {
                byte[] buffer = new byte[64];
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    for (int i = 0; i < datagrams; i++) {
                        receiver.receive(packet);
                        received.set(ByteBuffer.wrap(buffer).getInt());
                    }
                } catch (IOException e) {
                    if (!receiver.isClosed()) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            AtomicBoolean sending = new AtomicBoolean(true);
            Thread senderThread = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < datagrams; i++) {
                        send(sender, receiver, i);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    sending.set(false);
                }
            });
            int changes = 0;
            while (sending.get()) {
                String next = base + " or udp port " + (20_000 + changes % 1000);
                assertThat(capture.replaceFilter(next)).isEqualTo(new FilterCheck.Valid(next));
                changes++;
            }
            senderThread.join();
            reader.join(TimeUnit.SECONDS.toMillis(5));
            receiver.close();
            reader.join();
            // Frames still queued in the kernel are delivered a moment later: look until the deadline.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long missing;
            CaptureStats stats;
            do {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                stats = CaptureStats.total(capture.stats());
                BitSet notCaptured = (BitSet) received.clone();
                synchronized (captured) {
                    notCaptured.andNot(captured);
                }
                missing = notCaptured.cardinality();
            } while (missing > stats.dropped() && System.nanoTime() < deadline);
            capture.stop();

            assertThat(changes).as("filter changes while sending").isGreaterThan(100);
            assertThat(received.cardinality()).isPositive();
            assertThat(missing).as("received but not captured, over %d changes; counted drops %d", changes, stats.dropped())
                    .isLessThanOrEqualTo(stats.dropped());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

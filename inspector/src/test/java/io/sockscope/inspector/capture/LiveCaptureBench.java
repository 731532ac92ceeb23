package io.sockscope.inspector.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live capture speed on loopback, printed as Markdown for docs/BENCHMARKS.md (run by
 * bench/live-capture.sh as root):
 * <ul>
 *   <li>latency from a 1-byte {@code send()} returning to its frame reaching the listener;</li>
 *   <li>throughput of a bulk TCP transfer with capture off and on at several snaplens and buffer
 *       sizes: MB/s of the transfer, frames and MB per second delivered, kernel drops.</li>
 * </ul>
 */
public final class LiveCaptureBench {

    private static final int LATENCY_SAMPLES = 2_000;
    private static final int ROUNDS = 5;

    private LiveCaptureBench() {
    }

    public static void main(String[] args) throws Exception {
        long bulkBytes = args.length > 0 ? Long.parseLong(args[0]) : 1L << 30;
        System.out.println("libpcap: " + ((CaptureAvailability.Available) CaptureAvailability.check("lo")).libraryVersion());
        latency();
        throughput(bulkBytes);
    }

    private static void latency() throws Exception {
        try (ServerSocket server = LoopbackTraffic.listen()) {
            LinkedBlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
            long[] kernelAfterSend = new long[LATENCY_SAMPLES];
            long[] delivery = new long[LATENCY_SAMPLES];
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 Socket peer = accepted.get()) {
                client.setTcpNoDelay(true);
                int clientPort = client.getLocalPort();
                String filter = "tcp src port " + clientPort + " and tcp[tcpflags] & tcp-push != 0";
                CaptureOptions options = CaptureOptions.on("lo").withFilter(filter).withSnaplen(CaptureOptions.HEADERS_SNAPLEN);
                OpenResult opened = PcapLiveCapture.open(options, frame -> arrivals.add(new long[] {System.nanoTime(), frame.atNanos()}));
                CaptureSource capture = ((OpenResult.Opened) opened).source();
                OutputStream out = client.getOutputStream();
                InputStream in = peer.getInputStream();
                for (int i = 0; i < LATENCY_SAMPLES; i++) {
                    out.write(i);
                    long returned = System.nanoTime();
                    Instant returnedAt = Instant.now();
                    long[] arrived = arrivals.poll(5, TimeUnit.SECONDS);
                    if (arrived == null) {
                        throw new IllegalStateException("frame " + i + " never reached the listener");
                    }
                    delivery[i] = arrived[0] - returned;
                    kernelAfterSend[i] = returnedAt.getEpochSecond() * 1_000_000_000L + returnedAt.getNano() - arrived[1];
                    in.read();
                }
                CaptureSummary summary = capture.stop();
                Arrays.sort(delivery);
                Arrays.sort(kernelAfterSend);
                System.out.printf("%n### send() returned → frame at the listener (immediate mode, %d samples, snaplen %d)%n%n",
                        LATENCY_SAMPLES, CaptureOptions.HEADERS_SNAPLEN);
                System.out.println("| measure | p50 | p99 | max |");
                System.out.println("|---|---|---|---|");
                System.out.printf("| listener called after send() returned | %s | %s | %s |%n",
                        micros(percentile(delivery, 50)), micros(percentile(delivery, 99)), micros(delivery[delivery.length - 1]));
                System.out.printf("| kernel timestamp before send() returned | %s | %s | %s |%n",
                        micros(percentile(kernelAfterSend, 50)), micros(percentile(kernelAfterSend, 99)),
                        micros(kernelAfterSend[kernelAfterSend.length - 1]));
                System.out.printf("%ncapture: %s%n", summary.total());
            }
        }
    }

    /**
     * Rounds of one capture-off run followed by one run of each setting, so that load from
     * elsewhere on the machine hits both alike; each setting's ratio to capture off is taken
     * within its round, then the median over rounds is reported.
     */
    private static void throughput(long bulkBytes) throws Exception {
        int[][] settings = {
                {CaptureOptions.HEADERS_SNAPLEN, 2 << 20},
                {CaptureOptions.HEADERS_SNAPLEN, 8 << 20},
                {256, 8 << 20},
                {CaptureOptions.DEFAULT_SNAPLEN, 8 << 20},
                {CaptureOptions.DEFAULT_SNAPLEN, 64 << 20},
                {CaptureOptions.DEFAULT_SNAPLEN, 256 << 20},
        };
        double[] off = new double[ROUNDS];
        Run[][] runs = new Run[settings.length][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            off[round] = captureOff(bulkBytes);
            for (int s = 0; s < settings.length; s++) {
                runs[s][round] = captured(bulkBytes, settings[s][0], settings[s][1]);
            }
        }
        System.out.printf("%n### Bulk TCP on lo, %d MiB per run, medians of %d rounds (off, then each setting)%n%n", bulkBytes >> 20, ROUNDS);
        System.out.println("| capture | snaplen | buffer | transfer MB/s | vs capture off, same round | frames/s delivered | MB/s delivered (wire) | kernel drops, worst round |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.printf("| off | | | %.0f | 100%% | | | |%n", median(off));
        for (int s = 0; s < settings.length; s++) {
            double[] speed = new double[ROUNDS];
            double[] ratio = new double[ROUNDS];
            double[] framesPerSecond = new double[ROUNDS];
            double[] wirePerSecond = new double[ROUNDS];
            long worstDrops = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Run run = runs[s][round];
                speed[round] = run.megabytesPerSecond();
                ratio[round] = run.megabytesPerSecond() / off[round];
                framesPerSecond[round] = run.stats().delivered() / run.seconds();
                wirePerSecond[round] = run.wireBytes() / run.seconds() / 1e6;
                worstDrops = Math.max(worstDrops, run.stats().droppedByKernel());
            }
            System.out.printf("| on | %d | %d MiB | %.0f | %.0f%% | %.0f | %.0f | %d |%n", settings[s][0], settings[s][1] >> 20,
                    median(speed), 100 * median(ratio), median(framesPerSecond), median(wirePerSecond), worstDrops);
        }
    }

    private record Run(double megabytesPerSecond, double seconds, CaptureStats stats, long wireBytes) {
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double captureOff(long bytes) throws Exception {
        try (ServerSocket server = LoopbackTraffic.listen()) {
            long started = System.nanoTime();
            transfer(server, bytes);
            return bytes / ((System.nanoTime() - started) / 1e9) / 1e6;
        }
    }

    private static Run captured(long bytes, int snaplen, int bufferBytes) throws Exception {
        try (ServerSocket server = LoopbackTraffic.listen()) {
            AtomicLong wire = new AtomicLong();
            CaptureOptions options = CaptureOptions.on("lo").withFilter("tcp port " + server.getLocalPort())
                    .withSnaplen(snaplen).withBufferBytes(bufferBytes);
            CaptureSource capture = ((OpenResult.Opened) PcapLiveCapture.open(options, frame -> wire.addAndGet(frame.wireLength()))).source();
            long started = System.nanoTime();
            transfer(server, bytes);
            double seconds = (System.nanoTime() - started) / 1e9;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            CaptureStats stats = capture.stats().getFirst();
            while (stats.delivered() + stats.droppedByKernel() < stats.received() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                stats = capture.stats().getFirst();
            }
            CaptureStats last = capture.stop().total();
            return new Run(bytes / seconds / 1e6, seconds, last, wire.get());
        }
    }

    /** Sends {@code bytes} from a client to the accepted end, which reads until EOF. */
    private static void transfer(ServerSocket server, long bytes) throws Exception {
        CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> {
            try (Socket accepted = server.accept(); InputStream in = accepted.getInputStream()) {
                byte[] buffer = new byte[1 << 20];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                }
                return total;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             OutputStream out = client.getOutputStream()) {
            byte[] chunk = new byte[1 << 20];
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
            }
        }
        if (received.get() != bytes) {
            throw new IllegalStateException("received " + received.get() + " of " + bytes);
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String micros(long nanos) {
        return String.format("%.1f µs", nanos / 1e3);
    }
}

package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.capture.CapturePoint;
import io.sockscope.inspector.capture.CaptureSource;
import io.sockscope.inspector.capture.CaptureStats;
import io.sockscope.inspector.capture.CaptureSummary;
import io.sockscope.inspector.capture.FilterCheck;
import io.sockscope.inspector.capture.LiveFrame;
import io.sockscope.inspector.flow.TcpAnalyzer;
import io.sockscope.inspector.pcap.Frames;
import io.sockscope.inspector.pcap.LinkType;
import io.sockscope.shell.render.LiveReport;
import io.sockscope.shell.render.Palette;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * How the capture loop keeps memory bounded, shown without waiting minutes: frames made for the
 * test, stamped in the past, go through the loop's own queue as if just captured, and the loop's
 * timers (a second of housekeeping) summarise and forget what ended or went quiet long ago.
 */
class CaptureLoopTest {

    private static final int SERVER_PORT = 9000;
    private static final long SECOND = 1_000_000_000L;

    /** Stands for libpcap: frames come from the test through the queue; it only counts. */
    private static final class QueueFedSource implements CaptureSource {
        private final long frames;
        private final CountDownLatch stopped = new CountDownLatch(1);

        QueueFedSource(long frames) {
            this.frames = frames;
        }

        @Override
        public List<CapturePoint> points() {
            return List.of(new CapturePoint("lo", LinkType.ETHERNET, true, 128));
        }

        @Override
        public String filter() {
            return "";
        }

        @Override
        public FilterCheck replaceFilter(String expression) {
            return new FilterCheck.Valid(expression);
        }

        @Override
        public List<CaptureStats> stats() {
            return List.of(new CaptureStats("lo", frames, frames, 0, 0));
        }

        @Override
        public void requestStop() {
            stopped.countDown();
        }

        @Override
        public boolean awaitEnd(Duration timeout) throws InterruptedException {
            return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public CaptureSummary stop() {
            stopped.countDown();
            return new CaptureSummary(stats(), List.of());
        }
    }

    private static LiveFrame frame(long atNanos, int clientPort, boolean fromClient, int flags,
            long seq, long ack, int length) {
        int localhost = Frames.ip(127, 0, 0, 1);
        byte[] tcp = Frames.tcp(fromClient ? clientPort : SERVER_PORT,
                fromClient ? SERVER_PORT : clientPort, seq, ack, flags, 512, new byte[0],
                new byte[length]);
        byte[] bytes = Frames.ethernet(0x0800, Frames.ipv4(localhost, localhost, 6, tcp));
        return new LiveFrame("lo", LinkType.ETHERNET, atNanos, bytes.length, bytes.length, bytes);
    }

    /** A whole connection, 8 frames a millisecond apart from {@code atNanos}: data, then FINs. */
    private static List<LiveFrame> connection(long atNanos, int clientPort) {
        long ms = 1_000_000L;
        return List.of(
                frame(atNanos, clientPort, true, Frames.SYN, 1000, 0, 0),
                frame(atNanos + ms, clientPort, false, Frames.SYN | Frames.ACK, 5000, 1001, 0),
                frame(atNanos + 2 * ms, clientPort, true, Frames.ACK, 1001, 5001, 0),
                frame(atNanos + 3 * ms, clientPort, true, Frames.PSH | Frames.ACK, 1001, 5001, 5),
                frame(atNanos + 4 * ms, clientPort, false, Frames.ACK, 5001, 1006, 0),
                frame(atNanos + 5 * ms, clientPort, true, Frames.FIN | Frames.ACK, 1006, 5001, 0),
                frame(atNanos + 6 * ms, clientPort, false, Frames.FIN | Frames.ACK, 5001, 1007, 0),
                frame(atNanos + 7 * ms, clientPort, true, Frames.ACK, 1007, 5002, 0));
    }

    /** What a run left behind: the analyser, the report and the text. */
    private record Run(TcpAnalyzer analyzer, LiveReport report, String text,
            CaptureLoop.Outcome outcome) {
    }

    /** Runs the loop for 1.5 s over {@code frames}, queued before it starts. */
    private static Run run(List<LiveFrame> frames) {
        FrameQueue queue = new FrameQueue();
        frames.forEach(queue::onFrame);
        TcpAnalyzer analyzer = TcpAnalyzer.onePass();
        StringWriter text = new StringWriter();
        LiveReport report = new LiveReport(text, Palette.NONE, 100, false, analyzer::flow);
        CaptureLoop.Plan plan = new CaptureLoop.Plan("lo", "", Optional.empty(),
                OptionalLong.empty(), OptionalLong.of(3 * SECOND / 2), "1.5",
                CaptureLoop.wallNanos());
        CaptureLoop.Outcome outcome = new CaptureLoop(new QueueFedSource(frames.size()), queue,
                Optional.empty(), new CaptureOutput.Text(report, text), analyzer, plan,
                new AtomicReference<>()).run();
        return new Run(analyzer, report, text.toString(), outcome);
    }

    private static long lines(String text, String start) {
        return text.lines().filter(line -> line.startsWith(start)).count();
    }

    @Test
    void endedConnectionsAreSummarisedAndForgottenWhileTheCaptureRuns() {
        long past = CaptureLoop.wallNanos() - 30 * SECOND;
        List<LiveFrame> frames = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            frames.addAll(connection(past + i * 10_000_000L, 40000 + i));
        }
        Run run = run(frames);
        assertThat(run.outcome().end()).isInstanceOf(CaptureEnd.DurationReached.class);
        assertThat(lines(run.text(), "  end of connection ")).isEqualTo(300);
        assertThat(run.text()).doesNotContain("still open at the end");
        assertThat(run.analyzer().flows()).as("forgotten by the analyser").isEmpty();
        assertThat(run.analyzer().streamCount()).isEqualTo(300);
        assertThat(run.report().openConnections()).isZero();
        assertThat(run.text().lines().toList().getLast()).startsWith("capture on lo: 2,400 frames"
                + " received, 0 dropped; 2,400 TCP segments in 300 connections; ended by"
                + " --duration 1.5 after ");
    }

    @Test
    void aConnectionQuietForTenMinutesIsSummarisedAsSuchAndForgotten() {
        long now = CaptureLoop.wallNanos();
        long quietFor = CaptureLoop.QUIET_NANOS + 60 * SECOND;
        Run run = run(List.of(frame(now - quietFor, 40000, true, Frames.SYN, 1000, 0, 0),
                frame(now - 60 * SECOND, 40001, true, Frames.SYN, 2000, 0, 0)));
        String joined = run.text().replace("\n    ", " ");
        assertThat(joined.lines().filter(line -> line.startsWith("  end of connection ")))
                .containsExactly("  end of connection 0 (127.0.0.1:40000 → 127.0.0.1:9000):"
                        + " opened by :40000, quiet for 11 min, no longer followed; 0 B →, 0 B ←,"
                        + " 0.00 ms, no retransmissions",
                        "  end of connection 1 (127.0.0.1:40001 → 127.0.0.1:9000): opened by"
                        + " :40001, still open at the end; 0 B →, 0 B ←, 0.00 ms, no"
                        + " retransmissions");
        assertThat(run.analyzer().flow(0)).as("forgotten while the capture ran").isEmpty();
        assertThat(run.analyzer().flow(1)).as("not quiet long enough").isPresent();
    }
}

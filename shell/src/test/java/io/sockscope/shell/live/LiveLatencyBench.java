package io.sockscope.shell.live;

import io.sockscope.shell.lang.ParseResult;
import io.sockscope.shell.lang.Parser;
import io.sockscope.shell.render.Styler;
import io.sockscope.shell.render.TranscriptText;
import io.sockscope.shell.run.CaptureSettings;
import io.sockscope.shell.run.LiveInspector;
import io.sockscope.shell.run.NoCapture;
import io.sockscope.shell.run.CaptureStatus;
import io.sockscope.shell.run.Session;
import io.sockscope.shell.run.TranscriptRecord;
import io.sockscope.shell.run.TranscriptSink;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Call → segment on screen: runs a script of N one-byte send() calls to the discard peer in a
 * session with the capturing inspector, renders the text transcript (to a stream that drops
 * it), and measures, for each call, the time from the call's end (its {@code end_us}) to its
 * line being written and to its first segment being written. Also the calls per second with
 * capture on and off. Prints Markdown rows; {@code bench/live-session.sh} runs it.
 *
 * <p>Usage: {@code LiveLatencyBench [CALLS]} (default 3000; the first 500 are warm-up).
 */
public final class LiveLatencyBench {

    private static final int WARM_UP = 500;

    private LiveLatencyBench() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        String script = "serve discard as d\ns = socket.socket()\ns.connect(d)\n"
                + "s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)\n"
                + "for i in range(" + calls + "):\n    s.send(b\"x\")\n";
        Measure on = run(script, CapturingInspector.FACTORY.open(new CaptureSettings(true, false,
                Optional.empty(), Optional.empty())));
        Measure off = run(script, new NoCapture(new CaptureStatus.Off()));
        System.out.println("| measure (" + (calls - WARM_UP) + " send() calls after " + WARM_UP
                + " to warm up) | p50 | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|");
        row("call ended → its line written", on.line);
        row("call ended → its segment written", on.segment);
        row("send() duration, capture on", on.durations);
        row("send() duration, capture off", off.durations);
        System.out.printf(Locale.ROOT, "%nCalls per second, whole statement loop: capture on %,.0f,"
                + " capture off %,.0f (%.0f%%); segments missing from their call: %d%n",
                on.callsPerSecond, off.callsPerSecond, 100 * on.callsPerSecond / off.callsPerSecond,
                on.missing);
    }

    private record Measure(long[] line, long[] segment, long[] durations, double callsPerSecond,
            int missing) {
    }

    private static Measure run(String script, LiveInspector live) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        TranscriptText text = new TranscriptText(nowhere, nowhere, Styler.PLAIN);
        Map<Long, Long> ends = new HashMap<>();
        Map<Long, Long> lines = new HashMap<>();
        Map<Long, Long> segments = new HashMap<>();
        Map<Long, Long> durations = new HashMap<>();
        TranscriptSink sink = record -> {
            text.emit(record);
            long now = nowMicros();
            switch (record) {
                case TranscriptRecord.Call c when c.event().op().wireName().equals("send") -> {
                    ends.put(c.event().id(), c.event().endMicros());
                    durations.put(c.event().id(), c.event().durationMicros());
                    lines.put(c.event().id(), now - c.event().endMicros());
                }
                case TranscriptRecord.Segment s when s.underCall() && s.call().isPresent()
                        && ends.containsKey(s.call().getAsLong()) ->
                        segments.putIfAbsent(s.call().getAsLong(),
                                now - ends.get(s.call().getAsLong()));
                default -> {
                }
            }
        };
        Session session = Session.start(sink, live);
        long start = System.nanoTime();
        session.run(((ParseResult.Complete) Parser.parseFile("bench.py", script)).program());
        double seconds = (System.nanoTime() - start) / 1e9;
        session.end();
        long[] ids = ends.keySet().stream().mapToLong(Long::longValue).sorted().skip(WARM_UP)
                .toArray();
        long[] line = Arrays.stream(ids).map(lines::get).sorted().toArray();
        long[] segment = Arrays.stream(ids).filter(segments::containsKey).map(segments::get)
                .sorted().toArray();
        long[] duration = Arrays.stream(ids).map(durations::get).sorted().toArray();
        return new Measure(line, segment, duration, ends.size() / seconds,
                ids.length - segment.length);
    }

    private static void row(String name, long[] micros) {
        if (micros.length == 0) {
            System.out.println("| " + name + " | – | – | – | – |");
            return;
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", name, ms(micros, 0.50),
                ms(micros, 0.90), ms(micros, 0.99), ms(micros, 1.0));
    }

    private static String ms(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.3f ms", sorted[Math.max(0, index)] / 1000.0);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }
}

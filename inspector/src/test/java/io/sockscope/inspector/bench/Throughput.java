package io.sockscope.inspector.bench;

import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.flow.StreamFacts;
import io.sockscope.inspector.flow.TcpAnalyzer;
import io.sockscope.inspector.flow.TcpdumpLine;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.RawFrame;
import io.sockscope.inspector.pcap.ReadStatus;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Frames per second of each stage over one capture file, whole file per run, best of several
 * runs after warm-up. Usage: {@code Throughput FILE [RUNS]} (bench/jmh.sh runs it with
 * -Xmx256m).
 */
public final class Throughput {

    private Throughput() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(Locale.ROOT, "file %s, %d runs each, best run shown%n", file, runs);
        measure("read", file, runs, Throughput::read);
        measure("read+decode", file, runs, Throughput::decode);
        measure("read+decode+analyse (one pass, --summary work)", file, runs, Throughput::analyse);
        measure("two passes + Segment records", file, runs, f -> twoPasses(f, false));
        measure("two passes + Segment + tcpdump line", file, runs, f -> twoPasses(f, true));
    }

    interface Stage {
        long run(Path file);
    }

    private static void measure(String name, Path file, int runs, Stage stage) {
        long coldStart = System.nanoTime();
        stage.run(file);
        long cold = System.nanoTime() - coldStart;
        long best = Long.MAX_VALUE;
        long frames = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            frames = stage.run(file);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT,
                "%-50s %,10d frames  best %7.1f ms %6.2f M/s   first run %7.1f ms%n", name,
                frames, best / 1e6, frames * 1e3 / best, cold / 1e6);
    }

    private static CaptureReader open(Path file) {
        return ((CaptureOpen.Opened) CaptureReader.open(file)).reader();
    }

    static long read(Path file) {
        long frames = 0;
        long bytes = 0;
        try (CaptureReader reader = open(file)) {
            while (reader.next() == ReadStatus.FRAME) {
                frames++;
                bytes += reader.frame().capturedLength();
            }
        }
        return bytes >= 0 ? frames : -1;
    }

    static long decode(Path file) {
        long frames = 0;
        long tcp = 0;
        FrameDecoder decoder = new FrameDecoder();
        try (CaptureReader reader = open(file)) {
            RawFrame frame = reader.frame();
            while (reader.next() == ReadStatus.FRAME) {
                frames++;
                decoder.decode(frame);
                if (decoder.isTcp()) {
                    tcp += decoder.tcp().sequence();
                }
            }
        }
        return tcp != 1 ? frames : -1;
    }

    static long analyse(Path file) {
        return pass(file, TcpAnalyzer.onePass(), false, false);
    }

    static long twoPasses(Path file, boolean lines) {
        TcpAnalyzer first = TcpAnalyzer.onePass();
        pass(file, first, false, false);
        StreamFacts facts = first.facts();
        return pass(file, TcpAnalyzer.secondPass(facts), true, lines);
    }

    private static long pass(Path file, TcpAnalyzer analyzer, boolean segments, boolean lines) {
        long frames = 0;
        long sink = 0;
        FrameDecoder decoder = new FrameDecoder();
        StringBuilder line = new StringBuilder(256);
        try (CaptureReader reader = open(file)) {
            RawFrame frame = reader.frame();
            while (reader.next() == ReadStatus.FRAME) {
                frames++;
                decoder.decode(frame);
                if (analyzer.analyze(decoder, frame.frameNumber(), frame.atNanos())) {
                    if (segments) {
                        var segment = analyzer.segment();
                        sink += segment.seq();
                        if (lines) {
                            line.setLength(0);
                            sink += TcpdumpLine.appendTo(line, segment).length();
                        }
                    } else {
                        sink += analyzer.lastAnalysis();
                    }
                }
            }
        }
        return sink != -1 ? frames : -1;
    }
}

package io.sockscope.inspector.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole capture file per operation: read, read+decode, read+decode+analyse (the summary's
 * work), and both passes with a {@code Segment} per TCP frame (the explain path before
 * rendering). Frames per second = frames in the file / time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class PipelineBenchmark {

    @Param("/tmp/big.pcap")
    public String file;

    @Benchmark
    public long read() {
        return Throughput.read(Path.of(file));
    }

    @Benchmark
    public long readDecode() {
        return Throughput.decode(Path.of(file));
    }

    @Benchmark
    public long readDecodeAnalyse() {
        return Throughput.analyse(Path.of(file));
    }

    @Benchmark
    public long twoPassesWithSegments() {
        return Throughput.twoPasses(Path.of(file), false);
    }
}

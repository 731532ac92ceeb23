package io.sockscope.inspector.bench;

import io.sockscope.inspector.decode.DecodeStatus;
import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.decode.TcpOptionCursor;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.ReadStatus;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one frame through the reusable views, over the frames of a real capture held in one
 * direct buffer (as the file reader holds them). Run with {@code -prof gc}: the views allocate
 * nothing, so {@code gc.alloc.rate.norm} is about 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class DecodeBenchmark {

    /** A capture file; frames are loaded from its start. */
    @Param("/tmp/big.pcap")
    public String file;

    @Param("4096")
    public int frameCount;

    private ByteBuffer frames;
    private int[] offsets;
    private int[] lengths;
    private int[] linkTypes;
    private int loaded;
    private int next;
    private final FrameDecoder decoder = new FrameDecoder();

    @Setup(Level.Trial)
    public void load() {
        frames = ByteBuffer.allocateDirect(64 << 20);
        offsets = new int[frameCount];
        lengths = new int[frameCount];
        linkTypes = new int[frameCount];
        CaptureOpen open = CaptureReader.open(Path.of(file));
        if (!(open instanceof CaptureOpen.Opened(CaptureReader reader))) {
            throw new IllegalArgumentException(((CaptureOpen.Unreadable) open).message());
        }
        try (reader) {
            while (loaded < frameCount && reader.next() == ReadStatus.FRAME
                    && frames.remaining() >= reader.frame().capturedLength()) {
                offsets[loaded] = frames.position();
                lengths[loaded] = reader.frame().capturedLength();
                linkTypes[loaded] = reader.frame().linkType();
                frames.put(reader.frame().buffer().slice(reader.frame().offset(),
                        lengths[loaded]));
                loaded++;
            }
        }
    }

    /** Link, IP and TCP headers decoded and the main TCP fields read. */
    @Benchmark
    public void decode(Blackhole hole) {
        int i = next;
        next = i + 1 == loaded ? 0 : i + 1;
        DecodeStatus status = decoder.decode(frames, offsets[i], lengths[i], lengths[i],
                linkTypes[i]);
        if (status == DecodeStatus.OK) {
            hole.consume(decoder.tcp().sequence());
            hole.consume(decoder.tcp().acknowledgment());
            hole.consume(decoder.tcp().flags());
            hole.consume(decoder.tcp().window());
            hole.consume(decoder.tcp().payloadLength());
        }
        hole.consume(status);
    }

    /** The same plus a walk over every TCP option with its typed accessors. */
    @Benchmark
    public void decodeWithOptions(Blackhole hole) {
        int i = next;
        next = i + 1 == loaded ? 0 : i + 1;
        if (decoder.decode(frames, offsets[i], lengths[i], lengths[i], linkTypes[i])
                == DecodeStatus.OK) {
            TcpOptionCursor options = decoder.tcp().options();
            while (options.next()) {
                hole.consume(options.kind());
                hole.consume(options.timestampValue());
                hole.consume(options.windowScaleShift());
            }
        }
    }
}

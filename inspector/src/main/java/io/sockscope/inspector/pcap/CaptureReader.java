package io.sockscope.inspector.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Streams the frames of a classic pcap or pcapng file in constant memory.
 *
 * <p>Why plain Java: the native offline path pays a call per frame and is 30–100× slower; this
 * reader walks the records over a {@link FileChannel} with one reusable buffer and one reusable
 * {@link RawFrame} cursor, so reading allocates nothing per frame.
 *
 * <p>Use: {@link #open(Path)}, then call {@link #next()} until it returns {@link ReadStatus#END}
 * or {@link ReadStatus#PROBLEM}; after {@code FRAME}, {@link #frame()} holds the frame until the
 * next call. Malformed or truncated input is a {@link CaptureProblem} value, never an exception.
 * Not thread-safe; the caller owns the reader and closes it.
 */
public final class CaptureReader implements AutoCloseable {

    private final ByteWindow window;
    private final RecordFormat format;
    private final RawFrame frame = new RawFrame();
    private final Path path;
    private CaptureProblem problem;
    private boolean finished;

    private CaptureReader(Path path, ByteWindow window, RecordFormat format) {
        this.path = path;
        this.window = window;
        this.format = format;
    }

    /** Opens {@code path}; the outcome says why when the file is not a readable capture. */
    public static CaptureOpen open(Path path) {
        return open(path, ByteWindow.INITIAL_CAPACITY);
    }

    static CaptureOpen open(Path path, int bufferCapacity) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return new CaptureOpen.Unreadable(path + ": no such file");
        } catch (AccessDeniedException e) {
            return new CaptureOpen.Unreadable(path + ": permission denied");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new CaptureOpen.Unreadable(path + ": cannot open: " + e.getMessage());
        }
        try {
            int capacity = (int) Math.max(64, Math.min(bufferCapacity, channel.size()));
            ByteWindow window = new ByteWindow(channel, capacity);
            int got = window.require(ClassicPcapFormat.FILE_HEADER_LENGTH);
            ByteBuffer b = window.buffer();
            int p = window.position();
            int magic = got >= 4 ? b.getInt(p) : 0;
            RecordFormat format;
            if (isClassicMagic(magic)) {
                if (got < ClassicPcapFormat.FILE_HEADER_LENGTH) {
                    channel.close();
                    return new CaptureOpen.Unreadable(path + ": truncated pcap file header ("
                            + got + " of 24 bytes)");
                }
                format = ClassicPcapFormat.open(window, magic);
                window.skip(ClassicPcapFormat.FILE_HEADER_LENGTH);
            } else if (magic == PcapngFormat.SECTION_HEADER) {
                format = new PcapngFormat(window);
            } else {
                channel.close();
                return new CaptureOpen.Unreadable(path + ": not a pcap or pcapng file ("
                        + (got < 4 ? got + " bytes long" : "starts with 0x"
                        + String.format("%08x", magic)) + ")");
            }
            return new CaptureOpen.Opened(new CaptureReader(path, window, format));
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            return new CaptureOpen.Unreadable(path + ": read error: " + e.getMessage());
        }
    }

    private static boolean isClassicMagic(int magic) {
        return magic == ClassicPcapFormat.MAGIC_MICROS || magic == ClassicPcapFormat.MAGIC_NANOS
                || Integer.reverseBytes(magic) == ClassicPcapFormat.MAGIC_MICROS
                || Integer.reverseBytes(magic) == ClassicPcapFormat.MAGIC_NANOS;
    }

    /** Reads the next frame. After END or PROBLEM every further call returns the same. */
    public ReadStatus next() {
        if (finished) {
            return problem == null ? ReadStatus.END : ReadStatus.PROBLEM;
        }
        ReadStatus status;
        try {
            status = format.next(frame);
        } catch (IOException e) {
            problem = new CaptureProblem("read error: " + e.getMessage(),
                    frame.frameNumber() + 1, window.fileOffset());
            finished = true;
            return ReadStatus.PROBLEM;
        }
        if (status == ReadStatus.PROBLEM) {
            problem = format.problem();
            finished = true;
        } else if (status == ReadStatus.END) {
            finished = true;
        }
        return status;
    }

    /** The frame read by the last {@link #next()} that returned FRAME; valid until the next call. */
    public RawFrame frame() {
        return frame;
    }

    /** Why reading stopped early, once {@link #next()} returned PROBLEM. */
    public Optional<CaptureProblem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The file format, e.g. {@code pcap (microseconds, little-endian, EN10MB (Ethernet))}. */
    public String formatDescription() {
        return format.describe();
    }

    public Path path() {
        return path;
    }

    /** Closes the file; a failure to close a read-only file loses nothing and is not reported. */
    @Override
    public void close() {
        try {
            window.close();
        } catch (IOException ignored) {
            // read-only channel: nothing was buffered for writing, so nothing can be lost
        }
    }
}

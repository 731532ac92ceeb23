package io.sockscope.inspector.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Streams captured frames into a classic pcap file while capture runs ({@code -w FILE.pcap}), so
 * that whatever happens, the file on disk is a pcap that tcpdump and Wireshark read.
 *
 * <p>Format: the nanosecond-resolution pcap header (magic {@code 0xa1b23c4d}, version 2.4) in the
 * machine's byte order, one link type per file, then one 16-byte record header and the captured
 * bytes per frame. Frames from interfaces of different link types cannot share a file; capture
 * on {@code any} (Linux cooked capture) when several interfaces must go into one.
 *
 * <p>Durability: records are buffered and written out when the buffer fills, when a write
 * finds the last write-out older than {@value #FLUSH_INTERVAL_MILLIS} ms, on {@link #flush()} and
 * on {@link #close()}. Written out means handed to the kernel: a crash of the process loses at
 * most what was buffered since; nothing is forced to the device.
 *
 * <p>Failures (disk full, file not writable) are values: the first one is returned by the call
 * that met it and by every call after it, the file is cut back to its last whole record, and the
 * writer writes nothing more. Methods are synchronized: frames from several capture threads may
 * share one writer.
 */
public final class PcapWriter {

    /** Magic number of a pcap file whose record times are seconds and nanoseconds. */
    public static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    static final int FILE_HEADER_BYTES = 24;
    static final int RECORD_HEADER_BYTES = 16;
    static final long FLUSH_INTERVAL_MILLIS = 200;
    private static final short VERSION_MAJOR = 2;
    private static final short VERSION_MINOR = 4;
    private static final int MIN_BUFFER_BYTES = 64 << 10;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long FLUSH_INTERVAL_NANOS = FLUSH_INTERVAL_MILLIS * 1_000_000L;

    private final Path path;
    private final FileChannel channel;
    private final int snaplen;
    private final ByteBuffer buffer;
    private int[] recordEnds = new int[256];
    private int bufferedRecords;
    private long framesWritten;
    private long committedBytes = FILE_HEADER_BYTES;
    private long lastWriteOutNanos = System.nanoTime();
    private Failed failure;

    private PcapWriter(Path path, FileChannel channel, int snaplen) {
        this.path = path;
        this.channel = channel;
        this.snaplen = snaplen;
        this.buffer = ByteBuffer.allocateDirect(Math.max(MIN_BUFFER_BYTES, 2 * (snaplen + RECORD_HEADER_BYTES)))
                .order(ByteOrder.nativeOrder());
    }

    /**
     * Creates (or truncates) {@code path} and writes the file header at once, so that even a
     * capture that sees nothing leaves a valid, empty pcap.
     *
     * @param linkType the pcap link type of every frame (LINKTYPE_*: 1 Ethernet, 113 Linux cooked)
     * @param snaplen  the most bytes kept of any frame; longer frames are cut to it
     */
    public static Opening open(Path path, int linkType, int snaplen) {
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + snaplen);
        }
        boolean existed = Files.exists(path);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            return new Failed(path, reason(e), 0);
        }
        PcapWriter writer = new PcapWriter(path, channel, snaplen);
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_BYTES).order(ByteOrder.nativeOrder())
                .putInt(MAGIC_NANOSECONDS).putShort(VERSION_MAJOR).putShort(VERSION_MINOR)
                .putInt(0).putInt(0).putInt(snaplen).putInt(linkType).flip();
        try {
            while (header.hasRemaining()) {
                channel.write(header);
            }
            return new Opened(writer);
        } catch (IOException e) {
            String reason = reason(e);
            try {
                channel.close();
                if (!existed) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException again) {
                reason = reason + "; then " + reason(again);
            }
            return new Failed(path, reason, 0);
        }
    }

    /** The outcome of {@link #open}: a writer, or why the file cannot be written. */
    public sealed interface Opening permits Opened, Failed {
    }

    /** The outcome of a write, flush or close. */
    public sealed interface Outcome permits Ok, Failed {
    }

    /**
     * The file is open and has its header.
     *
     * @param writer the writer; {@link PcapWriter#close()} it when done
     */
    public record Opened(PcapWriter writer) implements Opening {
    }

    /** The frame is buffered or written; the file is fine. */
    public record Ok() implements Outcome {
    }

    /**
     * Writing failed; the file holds the header and {@code framesKept} whole records.
     *
     * @param path       the file
     * @param reason     what the system said, e.g. {@code No space left on device}
     * @param framesKept how many frames the file still holds
     */
    public record Failed(Path path, String reason, long framesKept) implements Outcome, Opening {

        /** The one line a face shows. */
        public String line() {
            return "cannot write " + path + ": " + reason + " (the file keeps " + framesKept
                    + (framesKept == 1 ? " whole frame)" : " whole frames)");
        }
    }

    private static final Ok OK = new Ok();

    /**
     * Appends one frame.
     *
     * @param atNanos    capture time, nanoseconds since the epoch
     * @param wireLength the frame's length on the wire
     * @param bytes      holds the captured bytes at {@code offset}, {@code length} of them
     */
    public synchronized Outcome write(long atNanos, int wireLength, byte[] bytes, int offset, int length) {
        if (failure != null) {
            return failure;
        }
        int kept = Math.min(length, snaplen);
        if (buffer.remaining() < RECORD_HEADER_BYTES + kept && writeOut() instanceof Failed failed) {
            return failed;
        }
        buffer.putInt((int) Math.floorDiv(atNanos, NANOS_PER_SECOND))
                .putInt((int) Math.floorMod(atNanos, NANOS_PER_SECOND))
                .putInt(kept)
                .putInt(Math.max(wireLength, kept))
                .put(bytes, offset, kept);
        if (bufferedRecords == recordEnds.length) {
            recordEnds = Arrays.copyOf(recordEnds, 2 * recordEnds.length);
        }
        recordEnds[bufferedRecords++] = buffer.position();
        if (System.nanoTime() - lastWriteOutNanos >= FLUSH_INTERVAL_NANOS) {
            return writeOut();
        }
        return OK;
    }

    /** Hands every buffered frame to the kernel. */
    public synchronized Outcome flush() {
        return failure != null ? failure : writeOut();
    }

    /** Writes out what is buffered and closes the file. The file stays valid whatever the outcome. */
    public synchronized Outcome close() {
        Outcome outcome = flush();
        if (channel.isOpen()) {
            try {
                channel.close();
            } catch (IOException e) {
                failure = new Failed(path, reason(e), framesWritten);
                return failure;
            }
        }
        return outcome;
    }

    /** Frames handed to the kernel so far. */
    public synchronized long framesWritten() {
        return framesWritten;
    }

    private Outcome writeOut() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            return failAndKeepWholeRecords(e);
        }
        committedBytes += buffer.limit();
        framesWritten += bufferedRecords;
        bufferedRecords = 0;
        buffer.clear();
        lastWriteOutNanos = System.nanoTime();
        return OK;
    }

    /**
     * A write-out failed part way: cut the file back to the end of the last record that made it
     * whole, so readers never meet a torn record.
     */
    private Failed failAndKeepWholeRecords(IOException cause) {
        String reason = reason(cause);
        int writtenOfBuffer = buffer.position();
        long wholeEnd = committedBytes;
        long kept = framesWritten;
        for (int i = 0; i < bufferedRecords && recordEnds[i] <= writtenOfBuffer; i++) {
            wholeEnd = committedBytes + recordEnds[i];
            kept++;
        }
        try {
            channel.truncate(wholeEnd);
            channel.close();
        } catch (IOException e) {
            reason = reason + "; then " + reason(e);
        }
        committedBytes = wholeEnd;
        framesWritten = kept;
        bufferedRecords = 0;
        failure = new Failed(path, reason, kept);
        return failure;
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

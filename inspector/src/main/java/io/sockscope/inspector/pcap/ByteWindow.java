package io.sockscope.inspector.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A sliding window over a file: one reusable direct buffer that the record parsers read with
 * absolute gets. Memory stays constant whatever the file size; the buffer only grows to hold a
 * single record larger than it, up to {@link #MAX_RECORD}.
 */
final class ByteWindow {

    static final int INITIAL_CAPACITY = 1 << 20;
    static final int MAX_RECORD = 64 << 20;

    private final FileChannel channel;
    private ByteBuffer buffer;
    private long bufferFileOffset;
    private int position;
    private int limit;
    private boolean endOfFile;

    ByteWindow(FileChannel channel, int initialCapacity) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocate(initialCapacity);
    }

    ByteBuffer buffer() {
        return buffer;
    }

    /** Buffer index of the next unread byte. */
    int position() {
        return position;
    }

    /** File offset of the next unread byte. */
    long fileOffset() {
        return bufferFileOffset + position;
    }

    /**
     * Makes {@code n} bytes from the current position available in the buffer, reading and
     * compacting as needed. Returns how many are available: {@code n}, or fewer at end of file.
     * Callers check {@code n <= MAX_RECORD} first.
     */
    int require(int n) throws IOException {
        if (limit - position >= n) {
            return n;
        }
        if (position + n > buffer.capacity()) {
            compact(n);
        }
        while (limit - position < n && !endOfFile) {
            buffer.limit(buffer.capacity()).position(limit);
            int read = channel.read(buffer);
            if (read < 0) {
                endOfFile = true;
            } else {
                limit += read;
            }
        }
        return Math.min(n, limit - position);
    }

    private void compact(int needed) {
        int remaining = limit - position;
        ByteBuffer target = buffer;
        if (needed > buffer.capacity()) {
            int capacity = buffer.capacity();
            while (capacity < needed) {
                capacity *= 2;
            }
            target = ByteBuffer.allocate(capacity);
        }
        target.clear();
        target.put(0, buffer, position, remaining);
        buffer = target;
        bufferFileOffset += position;
        position = 0;
        limit = remaining;
    }

    /**
     * Consumes {@code n} bytes, seeking past those not yet read. Returns false, consuming
     * nothing, when the file ends before them.
     */
    boolean skip(long n) throws IOException {
        if (n <= limit - position) {
            position += (int) n;
            return true;
        }
        long target = fileOffset() + n;
        if (target > channel.size()) {
            return false;
        }
        channel.position(target);
        bufferFileOffset = target;
        position = 0;
        limit = 0;
        endOfFile = false;
        return true;
    }

    void close() throws IOException {
        channel.close();
    }
}

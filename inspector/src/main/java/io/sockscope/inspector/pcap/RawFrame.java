package io.sockscope.inspector.pcap;

import java.nio.ByteBuffer;

/**
 * One frame as the reader delivers it: where its bytes are and what the capture says about it.
 *
 * <p>Lifetime: the reader owns this cursor and overwrites it on every
 * {@link CaptureReader#next()}; its bytes live in the reader's buffer and are valid only until
 * that call. Copy out ({@link #info()}, {@link #copyBytes()}) what must outlive it. Reusing one
 * cursor is what keeps reading allocation-free at millions of frames per second.
 */
public final class RawFrame {

    private ByteBuffer buffer;
    private int offset;
    private long frameNumber;
    private long atNanos;
    private int capturedLength;
    private int wireLength;
    private int linkType;
    private int interfaceId;
    private long fileOffset;

    RawFrame() {
    }

    void set(ByteBuffer buffer, int offset, long frameNumber, long atNanos, int capturedLength,
            int wireLength, int linkType, int interfaceId, long fileOffset) {
        this.buffer = buffer;
        this.offset = offset;
        this.frameNumber = frameNumber;
        this.atNanos = atNanos;
        this.capturedLength = capturedLength;
        this.wireLength = Math.max(wireLength, capturedLength);
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        this.fileOffset = fileOffset;
    }

    /** The buffer holding the frame; read it with absolute gets from {@link #offset()}. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Index in {@link #buffer()} of the frame's first byte. */
    public int offset() {
        return offset;
    }

    /** 1-based position of the frame in the file, counting every packet record. */
    public long frameNumber() {
        return frameNumber;
    }

    /** Capture time in nanoseconds since the Unix epoch. */
    public long atNanos() {
        return atNanos;
    }

    public int capturedLength() {
        return capturedLength;
    }

    /** Length on the wire; a record claiming less than it captured is read as its captured length. */
    public int wireLength() {
        return wireLength;
    }

    /** LINKTYPE_ value of the frame's interface, see {@link LinkType}. */
    public int linkType() {
        return linkType;
    }

    /** pcapng interface index within its section; 0 for classic pcap. */
    public int interfaceId() {
        return interfaceId;
    }

    /** Offset in the file of the frame's record (or block) header. */
    public long fileOffset() {
        return fileOffset;
    }

    /** The metadata copied into an immutable record. */
    public CaptureInfo info() {
        return new CaptureInfo(atNanos, capturedLength, wireLength, linkType);
    }

    /** The captured bytes copied into a new array. */
    public byte[] copyBytes() {
        byte[] copy = new byte[capturedLength];
        buffer.get(offset, copy);
        return copy;
    }
}

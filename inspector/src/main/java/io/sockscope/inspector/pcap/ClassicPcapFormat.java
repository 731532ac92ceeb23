package io.sockscope.inspector.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Classic libpcap files: a 24-byte file header, then per frame a 16-byte record header and the
 * captured bytes. The magic number tells the byte order of the writer and whether the second
 * timestamp field counts microseconds or nanoseconds.
 */
final class ClassicPcapFormat extends RecordFormat {

    static final int MAGIC_MICROS = 0xA1B2C3D4;
    static final int MAGIC_NANOS = 0xA1B23C4D;
    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;

    private final boolean swapped;
    private final boolean nanos;
    private final int linkType;

    private ClassicPcapFormat(ByteWindow window, boolean swapped, boolean nanos, int linkType) {
        super(window);
        this.swapped = swapped;
        this.nanos = nanos;
        this.linkType = linkType;
    }

    /** Reads the file header at the window's position; the caller checked the magic. */
    static ClassicPcapFormat open(ByteWindow window, int bigEndianMagic) {
        boolean swapped = bigEndianMagic != MAGIC_MICROS && bigEndianMagic != MAGIC_NANOS;
        int magic = swapped ? Integer.reverseBytes(bigEndianMagic) : bigEndianMagic;
        ByteBuffer b = window.buffer();
        int p = window.position();
        int network = swapped ? Integer.reverseBytes(b.getInt(p + 20)) : b.getInt(p + 20);
        return new ClassicPcapFormat(window, swapped, magic == MAGIC_NANOS, network & 0xFFFF);
    }

    int linkType() {
        return linkType;
    }

    @Override
    String describe() {
        return "pcap (" + (nanos ? "nanoseconds" : "microseconds") + ", "
                + (swapped ? "little-endian" : "big-endian") + ", " + LinkType.name(linkType) + ")";
    }

    @Override
    ReadStatus next(RawFrame out) throws IOException {
        long recordOffset = window.fileOffset();
        int got = window.require(RECORD_HEADER_LENGTH);
        if (got == 0) {
            return ReadStatus.END;
        }
        if (got < RECORD_HEADER_LENGTH) {
            return truncated("a record header", recordOffset, RECORD_HEADER_LENGTH, got);
        }
        ByteBuffer b = window.buffer();
        int p = window.position();
        long seconds = u32(b, p);
        long fraction = u32(b, p + 4);
        long capturedLength = u32(b, p + 8);
        long wireLength = u32(b, p + 12);
        if (capturedLength > ByteWindow.MAX_RECORD) {
            return fail("record claims " + capturedLength + " captured bytes; at most "
                    + ByteWindow.MAX_RECORD + " expected", recordOffset);
        }
        int length = (int) capturedLength;
        int total = RECORD_HEADER_LENGTH + length;
        got = window.require(total);
        if (got < total) {
            return truncated("the record (a " + RECORD_HEADER_LENGTH + "-byte header and " + length
                    + " captured bytes)", recordOffset, total, got);
        }
        b = window.buffer();
        p = window.position();
        long atNanos = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000L);
        int wire = (int) Math.min(wireLength, Integer.MAX_VALUE);
        framesRead++;
        out.set(b, p + RECORD_HEADER_LENGTH, framesRead, atNanos, length, wire, linkType, 0,
                recordOffset);
        window.skip(total);
        return ReadStatus.FRAME;
    }

    private long u32(ByteBuffer b, int at) {
        int v = b.getInt(at);
        return (swapped ? Integer.reverseBytes(v) : v) & 0xFFFFFFFFL;
    }
}

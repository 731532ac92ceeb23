package io.sockscope.inspector.pcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes capture files for tests from byte literals: classic pcap in either byte order with
 * microsecond or nanosecond stamps, and pcapng with any mix of blocks. Deliberately naive (no
 * validation) so tests can also build damaged files.
 */
public final class CaptureFileBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean nanos;

    private CaptureFileBuilder() {
    }

    /** A classic pcap file: 24-byte header with the given magic's resolution and byte order. */
    public static CaptureFileBuilder pcap(ByteOrder order, boolean nanos, int linkType) {
        CaptureFileBuilder b = new CaptureFileBuilder();
        b.order = order;
        b.nanos = nanos;
        ByteBuffer h = b.buffer(24);
        h.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(262144).putInt(linkType);
        b.write(h);
        return b;
    }

    /** A pcapng file; start it with {@link #section(ByteOrder)}. */
    public static CaptureFileBuilder pcapng() {
        return new CaptureFileBuilder();
    }

    /** A classic record: frame bytes, captured in full unless {@code capturedLength} is less. */
    public CaptureFileBuilder record(long atNanos, byte[] frame) {
        return record(atNanos, frame, frame.length, frame.length);
    }

    /** A classic record keeping only {@code capturedLength} of a frame that had {@code wireLength}. */
    public CaptureFileBuilder record(long atNanos, byte[] frame, int capturedLength,
            int wireLength) {
        ByteBuffer h = buffer(16);
        long seconds = atNanos / 1_000_000_000L;
        long fraction = atNanos % 1_000_000_000L;
        h.putInt((int) seconds).putInt((int) (nanos ? fraction : fraction / 1000))
                .putInt(capturedLength).putInt(wireLength);
        write(h);
        out.write(frame, 0, capturedLength);
        return this;
    }

    /** A section header block in {@code byteOrder}; following blocks use that order. */
    public CaptureFileBuilder section(ByteOrder byteOrder) {
        order = byteOrder;
        ByteBuffer body = buffer(16);
        body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        return block(0x0A0D0D0A, body.array());
    }

    /**
     * An interface description block; {@code tsresol} is the if_tsresol byte (or -1 to leave it
     * out, meaning microseconds), {@code tsoffsetSeconds} the if_tsoffset (0: left out).
     */
    public CaptureFileBuilder interfaceDescription(int linkType, int tsresol,
            long tsoffsetSeconds) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer fixed = buffer(8);
        fixed.putShort((short) linkType).putShort((short) 0).putInt(0);
        body.writeBytes(fixed.array());
        if (tsresol >= 0) {
            ByteBuffer option = buffer(8);
            option.putShort((short) 9).putShort((short) 1).put((byte) tsresol);
            body.writeBytes(option.array());
        }
        if (tsoffsetSeconds != 0) {
            ByteBuffer option = buffer(12);
            option.putShort((short) 14).putShort((short) 8).putLong(tsoffsetSeconds);
            body.writeBytes(option.array());
        }
        body.writeBytes(buffer(4).array());
        return block(1, body.toByteArray());
    }

    /** An enhanced packet block with a timestamp in the interface's units. */
    public CaptureFileBuilder enhancedPacket(int interfaceId, long units, byte[] frame) {
        ByteBuffer fixed = buffer(20);
        fixed.putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units)
                .putInt(frame.length).putInt(frame.length);
        return block(6, concat(fixed.array(), pad(frame)));
    }

    /** A simple packet block (no interface id, no timestamp). */
    public CaptureFileBuilder simplePacket(byte[] frame) {
        ByteBuffer fixed = buffer(4);
        fixed.putInt(frame.length);
        return block(3, concat(fixed.array(), pad(frame)));
    }

    /** A block of any type with the given body (padded to 4 bytes). */
    public CaptureFileBuilder block(int type, byte[] body) {
        byte[] padded = pad(body);
        ByteBuffer h = buffer(8);
        h.putInt(type).putInt(padded.length + 12);
        write(h);
        out.writeBytes(padded);
        ByteBuffer t = buffer(4);
        t.putInt(padded.length + 12);
        write(t);
        return this;
    }

    /** Raw bytes appended as they are (for damaged files). */
    public CaptureFileBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public Path writeTo(Path file) {
        try {
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(order);
    }

    private void write(ByteBuffer b) {
        out.write(b.array(), 0, b.capacity());
    }

    private static byte[] pad(byte[] bytes) {
        byte[] padded = new byte[(bytes.length + 3) & ~3];
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        return padded;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

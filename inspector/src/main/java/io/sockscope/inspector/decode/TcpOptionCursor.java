package io.sockscope.inspector.decode;

import java.nio.ByteBuffer;

/**
 * Walks TCP options in place (RFC 9293 §3.2; RFC 7323 §2.2/§3.2 window scale and timestamps;
 * RFC 2018 §2/§3 SACK; RFC 7413 §4.1.1 Fast Open), one option per {@link #next()}:
 *
 * <pre>
 * +--------+                      single-byte kinds: EOL (0), NOP (1)
 * |  kind  |
 * +--------+--------+---------------------+
 * |  kind  | length | data (length - 2)   |
 * +--------+--------+---------------------+
 * </pre>
 *
 * A length below 2 or running past the header stops the walk with {@link #malformed()} set;
 * EOL ends it. Typed accessors return -1 (or false) when the current option is not of their kind
 * or has the wrong length. Lifetime: owned by its {@link TcpView}; valid until the next decode or
 * the next {@link TcpView#options()}.
 */
public final class TcpOptionCursor {

    private ByteBuffer buffer;
    private int next;
    private int end;
    private int at;
    private int kind;
    private int length;
    private boolean malformed;
    private boolean ended;

    void reset(ByteBuffer b, int start, int end) {
        this.buffer = b;
        this.next = start;
        this.end = end;
        this.malformed = false;
        this.ended = false;
        this.kind = -1;
        this.length = 0;
    }

    /** Moves to the next option; false at the end of the options, after EOL or on a bad length. */
    public boolean next() {
        if (ended || malformed || next >= end) {
            return false;
        }
        at = next;
        kind = buffer.get(at) & 0xFF;
        if (kind == TcpOptionKind.EOL || kind == TcpOptionKind.NOP) {
            length = 1;
            ended = kind == TcpOptionKind.EOL;
            next = at + 1;
            return true;
        }
        if (at + 1 >= end) {
            malformed = true;
            return false;
        }
        length = buffer.get(at + 1) & 0xFF;
        if (length < 2 || at + length > end) {
            malformed = true;
            return false;
        }
        next = at + length;
        return true;
    }

    /** True once the walk stopped on an option whose length is impossible. */
    public boolean malformed() {
        return malformed;
    }

    /** Kind of the option that stopped a malformed walk, or of the current option. */
    public int kind() {
        return kind;
    }

    /** Total length of the current option including kind and length bytes (1 for EOL/NOP). */
    public int length() {
        return length;
    }

    /** Bytes of data after kind and length. */
    public int dataLength() {
        return Math.max(0, length - 2);
    }

    /** Data byte {@code index} of the current option. */
    public int dataByte(int index) {
        return buffer.get(at + 2 + index) & 0xFF;
    }

    public int mss() {
        return kind == TcpOptionKind.MSS && length == 4 ? buffer.getShort(at + 2) & 0xFFFF : -1;
    }

    /** The shift count as sent (not clamped to 14). */
    public int windowScaleShift() {
        return kind == TcpOptionKind.WINDOW_SCALE && length == 3 ? buffer.get(at + 2) & 0xFF : -1;
    }

    public boolean isTimestamps() {
        return kind == TcpOptionKind.TIMESTAMPS && length == 10;
    }

    public long timestampValue() {
        return isTimestamps() ? buffer.getInt(at + 2) & 0xFFFFFFFFL : -1;
    }

    public long timestampEcho() {
        return isTimestamps() ? buffer.getInt(at + 6) & 0xFFFFFFFFL : -1;
    }

    /** Number of SACK blocks, or -1 if the current option is not a well-formed SACK option. */
    public int sackBlockCount() {
        return kind == TcpOptionKind.SACK && (length - 2) % 8 == 0 ? (length - 2) / 8 : -1;
    }

    public long sackLeftEdge(int block) {
        return buffer.getInt(at + 2 + 8 * block) & 0xFFFFFFFFL;
    }

    public long sackRightEdge(int block) {
        return buffer.getInt(at + 6 + 8 * block) & 0xFFFFFFFFL;
    }

    /** Buffer index of the current option's kind byte. */
    public int offset() {
        return at;
    }
}

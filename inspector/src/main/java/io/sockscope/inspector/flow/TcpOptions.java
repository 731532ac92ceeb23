package io.sockscope.inspector.flow;

import io.sockscope.inspector.decode.TcpOptionKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A segment's TCP options in compact form: the option bytes as they were on the wire, decoded on
 * demand. One small array per segment instead of a list of objects; {@link #list()} builds the
 * typed view when a renderer needs it.
 */
public final class TcpOptions {

    public static final TcpOptions NONE = new TcpOptions(new byte[0], 0);

    private final byte[] bytes;
    private final long sackBase;

    private TcpOptions(byte[] bytes, long sackBase) {
        this.bytes = bytes;
        this.sackBase = sackBase;
    }

    /**
     * @param bytes    the option bytes (copied)
     * @param sackBase the raw number relative SACK edges count from: the peer's base, as for ack
     */
    public static TcpOptions of(byte[] bytes, long sackBase) {
        return new TcpOptions(bytes.clone(), sackBase);
    }

    static TcpOptions copyOf(ByteBuffer buffer, int offset, int length, long sackBase) {
        if (length == 0) {
            return sackBase == 0 ? NONE : new TcpOptions(new byte[0], sackBase);
        }
        byte[] copy = new byte[length];
        buffer.get(offset, copy);
        return new TcpOptions(copy, sackBase);
    }

    /** The option bytes as on the wire. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** Linux's options on every segment after the handshake: NOP, NOP, Timestamps. */
    private static final int NOP_NOP_TIMESTAMPS = 0x0101080A;

    /**
     * True when the options are exactly NOP, NOP, Timestamps (12 bytes), what Linux puts on every
     * segment after the handshake: renderers write those without walking them.
     */
    public boolean isNopNopTimestamps() {
        return bytes.length == 12 && u32(0) == NOP_NOP_TIMESTAMPS;
    }

    /**
     * The unsigned 32-bit number at byte {@code at} of the options (a timestamp's value at 4 and
     * echo at 8 when {@link #isNopNopTimestamps}), without copying the bytes.
     */
    public long u32(int at) {
        return ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFF) << 16)
                | ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
    }

    /** The raw number that relative SACK edges count from (the peer's relative base). */
    public long sackBase() {
        return sackBase;
    }

    /**
     * The options in wire order, ending at the first EOL as tcpdump does (tshark lists each
     * padding byte after it as another EOL); a {@link TcpOption.Malformed} ends a list whose walk
     * failed. A known kind with an impossible length (a SACK of 5 bytes) is a
     * {@link TcpOption.Other} and the walk goes on, as in tcpdump (tshark stops listing there).
     */
    public List<TcpOption> list() {
        List<TcpOption> options = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int kind = bytes[at] & 0xFF;
            if (kind == TcpOptionKind.EOL) {
                options.add(new TcpOption.Eol());
                break;
            }
            if (kind == TcpOptionKind.NOP) {
                options.add(new TcpOption.Nop());
                at++;
                continue;
            }
            int length = at + 1 < bytes.length ? bytes[at + 1] & 0xFF : 0;
            if (length < 2 || at + length > bytes.length) {
                options.add(new TcpOption.Malformed(kind));
                break;
            }
            options.add(decode(kind, at + 2, length - 2));
            at += length;
        }
        return Collections.unmodifiableList(options);
    }

    private TcpOption decode(int kind, int data, int length) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return switch (kind) {
            case TcpOptionKind.MSS -> length == 2 ? new TcpOption.Mss(b.getShort(data) & 0xFFFF)
                    : other(kind, data, length);
            case TcpOptionKind.WINDOW_SCALE -> length == 1
                    ? new TcpOption.WindowScale(bytes[data] & 0xFF) : other(kind, data, length);
            case TcpOptionKind.SACK_PERMITTED -> length == 0 ? new TcpOption.SackPermitted()
                    : other(kind, data, length);
            case TcpOptionKind.TIMESTAMPS -> length == 8 ? new TcpOption.Timestamps(
                    b.getInt(data) & 0xFFFFFFFFL, b.getInt(data + 4) & 0xFFFFFFFFL)
                    : other(kind, data, length);
            case TcpOptionKind.SACK -> length % 8 == 0 ? sack(b, data, length)
                    : other(kind, data, length);
            case TcpOptionKind.FAST_OPEN ->
                    new TcpOption.FastOpen(Arrays.copyOfRange(bytes, data, data + length));
            default -> other(kind, data, length);
        };
    }

    private static TcpOption.Sack sack(ByteBuffer b, int data, int length) {
        List<TcpOption.SackBlock> blocks = new ArrayList<>(length / 8);
        for (int i = 0; i < length; i += 8) {
            blocks.add(new TcpOption.SackBlock(b.getInt(data + i) & 0xFFFFFFFFL,
                    b.getInt(data + i + 4) & 0xFFFFFFFFL));
        }
        return new TcpOption.Sack(List.copyOf(blocks));
    }

    private TcpOption other(int kind, int data, int length) {
        return new TcpOption.Other(kind, Arrays.copyOfRange(bytes, data, data + length));
    }

    /** The MSS option's value, if present. */
    public OptionalInt mss() {
        for (TcpOption option : list()) {
            if (option instanceof TcpOption.Mss(int bytes)) {
                return OptionalInt.of(bytes);
            }
        }
        return OptionalInt.empty();
    }

    /** The window scale shift as sent, if present. */
    public OptionalInt windowScale() {
        for (TcpOption option : list()) {
            if (option instanceof TcpOption.WindowScale(int shift)) {
                return OptionalInt.of(shift);
            }
        }
        return OptionalInt.empty();
    }

    public boolean sackPermitted() {
        return list().stream().anyMatch(TcpOption.SackPermitted.class::isInstance);
    }

    public Optional<TcpOption.Timestamps> timestamps() {
        return list().stream().filter(TcpOption.Timestamps.class::isInstance)
                .map(TcpOption.Timestamps.class::cast).findFirst();
    }

    /** The option names as SPEC §5 JSON lists them: {@code mss 65495}, {@code sackOK}, {@code TS}... */
    public List<String> summary() {
        List<String> names = new ArrayList<>();
        for (TcpOption option : list()) {
            names.add(switch (option) {
                case TcpOption.Eol e -> "eol";
                case TcpOption.Nop n -> "nop";
                case TcpOption.Mss(int bytes) -> "mss " + bytes;
                case TcpOption.WindowScale(int shift) -> "wscale " + shift;
                case TcpOption.SackPermitted s -> "sackOK";
                case TcpOption.Sack(List<TcpOption.SackBlock> blocks) -> "sack " + blocks.size();
                case TcpOption.Timestamps t -> "TS";
                case TcpOption.FastOpen f -> "tfo";
                case TcpOption.Other(int kind, byte[] data) -> "unknown-" + kind;
                case TcpOption.Malformed m -> "bad opt";
            });
        }
        return List.copyOf(names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpOptions other && Arrays.equals(bytes, other.bytes)
                && sackBase == other.sackBase;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + Long.hashCode(sackBase);
    }

    @Override
    public String toString() {
        return String.join(",", summary());
    }
}

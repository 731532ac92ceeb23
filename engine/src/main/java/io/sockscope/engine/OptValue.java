package io.sockscope.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A socket option's value, in the three shapes Python code passes them: an int, a
 * {@code struct linger}, or raw bytes ({@code struct.pack("ii", 1, 0)}) that go to the kernel
 * exactly as they are (so a wrong size fails as it would in C, with EINVAL).
 */
public sealed interface OptValue {

    /** The bytes setsockopt(2) is given (host byte order for ints). */
    byte[] toBytes();

    /** The value as a JSON-able argument: a number, {@code [onoff, seconds]}, or the bytes' repr. */
    Object toArgument();

    /** A C int (4 bytes). */
    record IntValue(int value) implements OptValue {
        @Override
        public byte[] toBytes() {
            return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
        }

        @Override
        public Object toArgument() {
            return value;
        }
    }

    /** {@code struct linger { int l_onoff; int l_linger; }}, socket(7). */
    record Linger(boolean on, int seconds) implements OptValue {
        @Override
        public byte[] toBytes() {
            return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(on ? 1 : 0).putInt(seconds).array();
        }

        @Override
        public Object toArgument() {
            return List.of(on ? 1 : 0, seconds);
        }

        /** Reads the 8 bytes of a struct linger. */
        public static Linger of(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
            return new Linger(buffer.getInt(0) != 0, buffer.getInt(4));
        }
    }

    /** Bytes passed through untouched. */
    record Raw(byte[] bytes) implements OptValue {
        public Raw {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public byte[] toBytes() {
            return bytes.clone();
        }

        @Override
        public Object toArgument() {
            return PythonBytes.repr(bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Raw raw && Arrays.equals(bytes, raw.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Raw[" + HexFormat.of().formatHex(bytes) + "]";
        }
    }
}

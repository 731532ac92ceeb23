package io.sockscope.inspector.flow;

/**
 * Serial-number comparisons on unsigned 32-bit values held in longs, as tshark's {@code GT_SEQ},
 * {@code LT_SEQ} and {@code LE_SEQ} define them (TCP-ANALYSIS §1): by the sign of the 32-bit
 * difference.
 */
final class Seq {

    private Seq() {
    }

    static boolean gt(long a, long b) {
        return (int) (b - a) < 0;
    }

    static boolean lt(long a, long b) {
        return (int) (a - b) < 0;
    }

    static boolean le(long a, long b) {
        return (int) (a - b) <= 0;
    }

    static long add(long a, long b) {
        return (a + b) & 0xFFFFFFFFL;
    }

    /** Unsigned 64-bit {@code now - then < limit}: a time earlier than {@code then} never is. */
    static boolean within(long now, long then, long limit) {
        return Long.compareUnsigned(now - then, limit) < 0;
    }
}

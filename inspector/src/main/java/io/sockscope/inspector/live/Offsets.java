package io.sockscope.inspector.live;

/**
 * Stream offsets from relative sequence numbers: byte 0 of a stream is relative sequence 1
 * (after the SYN), and 32-bit sequence numbers wrap after 4 GiB, so a relative number is taken
 * as the 64-bit offset nearest to one already known on that side.
 */
final class Offsets {

    private static final long WRAP = 1L << 32;

    private Offsets() {
    }

    /** The offset of relative sequence number {@code seq}, nearest to offset {@code near}. */
    static long of(long seq, long near) {
        long low = (seq - 1) & (WRAP - 1);
        long base = near - (near & (WRAP - 1));
        long candidate = base + low;
        if (candidate - near > WRAP / 2) {
            candidate -= WRAP;
        } else if (near - candidate > WRAP / 2) {
            candidate += WRAP;
        }
        return Math.max(0, candidate);
    }
}

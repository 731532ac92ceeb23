package io.sockscope.inspector.pcap;

/**
 * Converts a pcapng interface's timestamp units to nanoseconds. The {@code if_tsresol} option
 * byte gives the unit: high bit clear means 10^-n seconds, set means 2^-n seconds (pcapng
 * draft, section 4.2); without the option the unit is the microsecond.
 */
final class TimestampScale {

    static final TimestampScale MICROS = new TimestampScale(1000L, 1L, -1);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long multiplier;
    private final long divisor;
    private final int binaryShift;

    private TimestampScale(long multiplier, long divisor, int binaryShift) {
        this.multiplier = multiplier;
        this.divisor = divisor;
        this.binaryShift = binaryShift;
    }

    /** The scale for an {@code if_tsresol} byte, or null for one finer than this reader handles. */
    static TimestampScale of(int resolution) {
        int n = resolution & 0x7F;
        if ((resolution & 0x80) != 0) {
            return n <= 63 ? new TimestampScale(1L, 1L, n) : null;
        }
        if (n <= 9) {
            return new TimestampScale(pow10(9 - n), 1L, -1);
        }
        return n <= 27 ? new TimestampScale(1L, pow10(n - 9), -1) : null;
    }

    private static long pow10(int exponent) {
        long v = 1;
        for (int i = 0; i < exponent; i++) {
            v *= 10;
        }
        return v;
    }

    /** Nanoseconds for an unsigned 64-bit count of units. */
    long toNanos(long units) {
        if (binaryShift < 0) {
            return divisor == 1 ? units * multiplier : Long.divideUnsigned(units, divisor);
        }
        if (binaryShift == 0) {
            return units * NANOS_PER_SECOND;
        }
        long whole = units >>> binaryShift;
        long fraction = units & ((1L << binaryShift) - 1);
        long low = fraction * NANOS_PER_SECOND;
        long high = Math.unsignedMultiplyHigh(fraction, NANOS_PER_SECOND);
        long fractionNanos = (low >>> binaryShift) | (high << (64 - binaryShift));
        return whole * NANOS_PER_SECOND + fractionNanos;
    }
}

package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stream offsets from relative sequence numbers, across the 4 GiB wrap. */
class OffsetsTest {

    @Test
    void relativeSequenceOneIsTheFirstByte() {
        assertThat(Offsets.of(1, 0)).isZero();
        assertThat(Offsets.of(7, 6)).isEqualTo(6);
    }

    @Test
    void aWrappedNumberIsTakenNearTheOffsetAlreadyKnown() {
        long fiveGib = 5L << 30;
        long seq = (fiveGib + 1) & 0xffffffffL;
        assertThat(Offsets.of(seq, fiveGib - 1000)).isEqualTo(fiveGib);
        assertThat(Offsets.of(0xffffffffL, 1L << 32)).isEqualTo((1L << 32) - 2);
    }
}

package io.sockscope.engine.peer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The RFC 864 character generator pattern: lines of 72 characters taken from the 95 printable
 * ASCII characters, each line starting one character further on, ended by CR LF. After 95 lines
 * the pattern repeats.
 */
final class Chargen {
    static final int LINE_LENGTH = 72;
    private static final int PRINTABLE = 95;
    private static final byte[] CYCLE = cycle();

    private Chargen() {
    }

    private static byte[] cycle() {
        StringBuilder text = new StringBuilder(PRINTABLE * (LINE_LENGTH + 2));
        for (int line = 0; line < PRINTABLE; line++) {
            for (int i = 0; i < LINE_LENGTH; i++) {
                text.append((char) (' ' + (line + i) % PRINTABLE));
            }
            text.append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Length of one full cycle of the pattern (95 lines). */
    static int cycleLength() {
        return CYCLE.length;
    }

    /** One cycle's worth of the pattern starting at {@code offset} (0 ≤ offset &lt; cycleLength). */
    static byte[] from(int offset) {
        byte[] chunk = Arrays.copyOfRange(CYCLE, offset, CYCLE.length + offset);
        System.arraycopy(CYCLE, 0, chunk, CYCLE.length - offset, offset);
        return chunk;
    }
}

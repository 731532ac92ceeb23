package io.sockscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Python's bytes repr, compared with what CPython 3 prints for the same bytes. */
class PythonBytesTest {

    private static String repr(String latin1) {
        return PythonBytes.repr(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void printableAsciiAndTheUsualEscapes() {
        assertThat(repr("hello\n")).isEqualTo("b'hello\\n'");
        assertThat(repr("a\tb\rc\\d")).isEqualTo("b'a\\tb\\rc\\\\d'");
        assertThat(repr("")).isEqualTo("b''");
    }

    @Test
    void otherBytesAsLowercaseHex() {
        assertThat(PythonBytes.repr(new byte[] {0, 1, 0x7f, (byte) 0x80, (byte) 0xff})).isEqualTo("b'\\x00\\x01\\x7f\\x80\\xff'");
    }

    @Test
    void quotesChosenAsPythonChooses() {
        assertThat(repr("it's")).isEqualTo("b\"it's\"");
        assertThat(repr("say \"hi\"")).isEqualTo("b'say \"hi\"'");
        assertThat(repr("both ' and \"")).isEqualTo("b'both \\' and \"'");
    }

    @Test
    void abbreviatedPastTheLimit() {
        assertThat(PythonBytes.repr("abcdef".getBytes(StandardCharsets.US_ASCII), 3)).isEqualTo("b'abc'...");
        assertThat(PythonBytes.repr("abc".getBytes(StandardCharsets.US_ASCII), 3)).isEqualTo("b'abc'");
    }
}

package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text of {@code sockscope explain} for a few corpus captures, compared with reviewed
 * golden files under {@code src/test/resources/io/sockscope/shell/cli/golden/}. Run with
 * {@code -Dsockscope.golden=update} to write them anew after a deliberate change, then review
 * the diff like code.
 */
class ExplainGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/io/sockscope/shell/cli/golden");

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("close_with_unread_data", "close_with_unread_data.txt", ""),
                Arguments.of("connect_refused", "connect_refused.txt", ""),
                Arguments.of("half_close", "half_close.txt", ""),
                Arguments.of("nagle_delayed_ack", "nagle_delayed_ack.txt", ""),
                Arguments.of("zero_window", "zero_window.txt", ""),
                Arguments.of("retransmission_loss", "retransmission_loss-summary.txt",
                        "--summary"),
                Arguments.of("ipv6_echo", "ipv6_echo-wide.txt", "--width=120"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void textMatchesTheGoldenFile(String capture, String golden, String option)
            throws IOException {
        Path file = Explain.corpus(dir, capture + ".pcap");
        Explain.Run run = option.isEmpty() ? Explain.run(file.toString())
                : Explain.run(option, file.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        String text = run.out().replace(file.toString(), capture + ".pcap");
        Path expected = GOLDEN.resolve(golden);
        if ("update".equals(System.getProperty("sockscope.golden"))) {
            Files.createDirectories(GOLDEN);
            Files.writeString(expected, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}

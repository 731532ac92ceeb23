package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Damaged versions of every corpus capture through the whole {@code explain} command, in text,
 * JSON and summary modes: cut at every byte of the file header and the first records and at a
 * sweep across the file, and with seeded random byte flips. Whatever the damage, the command
 * exits 0 or 1, says at most one line on standard error (never a stack trace), and its JSON
 * output stays valid JSON lines.
 */
class MutatedExplainTest {

    static final List<String> NAMES = Explain.CORPUS;
    private static final int SWEEP = 24;
    private static final int FLIPS = 24;
    private static final List<String> MODES = List.of("--json", "--color=never", "--summary");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @FieldSource("NAMES")
    void damagedCapturesGiveOneLineAtMost(String name) throws IOException {
        byte[] whole = Files.readAllBytes(Explain.corpus(dir, name + ".pcap"));
        Random random = new Random(name.hashCode());
        int variant = 0;
        for (int cut = 0; cut < Math.min(whole.length, 200); cut += 7) {
            check(name + " cut at " + cut, Arrays.copyOf(whole, cut), variant++);
        }
        for (int i = 1; i <= SWEEP; i++) {
            int cut = (int) ((long) whole.length * i / (SWEEP + 1));
            check(name + " cut at " + cut, Arrays.copyOf(whole, cut), variant++);
        }
        for (int i = 0; i < FLIPS; i++) {
            byte[] flipped = whole.clone();
            for (int k = 0; k < 8; k++) {
                int at = random.nextInt(flipped.length);
                flipped[at] = (byte) random.nextInt(256);
            }
            check(name + " flips seed " + i, flipped, variant++);
        }
    }

    private void check(String what, byte[] bytes, int variant) throws IOException {
        Path file = Files.write(dir.resolve("damaged-" + variant + ".pcap"), bytes);
        for (String mode : MODES) {
            Explain.Run run = Explain.run(mode, file.toString());
            String where = what + " " + mode;
            assertThat(run.exit()).as(where).isIn(0, 1);
            assertThat(run.err().lines().count()).as(where + ": " + run.err()).isLessThanOrEqualTo(1);
            assertThat(run.err()).as(where).doesNotContain("Exception", "\tat ");
            if (run.exit() == 1) {
                assertThat(run.err()).as(where).startsWith("sockscope explain: ");
            }
            if (mode.equals("--json")) {
                JsonLines.parse(run.out());
            }
        }
        Files.delete(file);
    }
}

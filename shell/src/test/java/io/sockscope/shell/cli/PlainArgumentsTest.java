package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@link ExplainCommand#runPlain} parses plain {@code explain} arguments without picocli: every
 * argument list it accepts must give the command the same settings picocli gives it, and every
 * other list (help, usage errors, repeated options, {@code --}, argument files) must be left to
 * picocli untouched.
 */
class PlainArgumentsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"f.pcap", "--json f.pcap", "--summary f.pcap",
        "f.pcap --summary --json", "--stream 3 f.pcap", "--stream=3 f.pcap", "--stream=007 f.pcap",
        "--color never f.pcap", "--color=always f.pcap", "--color=auto --width=120 f.pcap",
        "--width 40 f.pcap", "--width=240 f.pcap", "--debug --json --stream 0 f.pcap",
        "/tmp/a b.pcap", "--json --summary --debug --width=100 --color always f.pcap"})
    void plainArgumentsGiveWhatPicocliGives(String line) {
        String[] args = split(line);
        ExplainCommand plain = ExplainCommand.parsePlain(args, command());
        ExplainCommand picocli = command();
        new CommandLine(picocli).parseArgs(args);
        assertThat(plain).as(line).isNotNull();
        assertThat(settings(plain)).as(line).isEqualTo(settings(picocli));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "--help", "-h", "--version", "-V", "--stream -1 f.pcap",
        "--stream 0x1 f.pcap", "--stream f.pcap", "--stream 1234567890 f.pcap",
        "--color=bad f.pcap", "--color f.pcap", "--width 30 f.pcap", "--width 241 f.pcap",
        "--json --json f.pcap", "--json=true f.pcap", "--stream 1 --stream 2 f.pcap",
        "--bogus f.pcap", "f.pcap g.pcap", "-- f.pcap", "@args.txt", "- ", "--json",
        "--stream", "-j f.pcap"})
    void anythingElseIsLeftToPicocli(String line) {
        assertThat(ExplainCommand.parsePlain(split(line), command())).as(line).isNull();
    }

    @Test
    void aDeclinedLineWritesNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(ExplainCommand.runPlain(new String[] {"--help"})).isEmpty();
            assertThat(ExplainCommand.runPlain(new String[] {"--width", "3", "f.pcap"}))
                    .isEmpty();
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static String[] split(String line) {
        return line.isBlank() ? new String[0] : line.equals("/tmp/a b.pcap")
                ? new String[] {line} : line.trim().split(" ");
    }

    private static ExplainCommand command() {
        return new ExplainCommand(OutputStream.nullOutputStream(),
                new PrintStream(OutputStream.nullOutputStream()), Map.of(), false);
    }

    private static List<Object> settings(ExplainCommand c) {
        return java.util.Arrays.asList(c.file, c.json, c.summary, c.stream, c.color, c.width,
                c.debug);
    }
}

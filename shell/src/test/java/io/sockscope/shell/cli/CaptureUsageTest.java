package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What {@code sockscope capture} says before it captures anything: a bad filter in libpcap's
 * words, wrong options, the interface list. None of it needs privilege.
 */
class CaptureUsageTest {

    @Test
    void aFilterLibpcapRejectsIsOneLineWithItsMessageAndExit2() throws Exception {
        Capture.Running capture = Capture.run("-i", "lo", "-f", "tcp prot 80", "--json");
        assertThat(capture.exit.get()).isEqualTo(CaptureCommand.USAGE);
        assertThat(capture.err()).isEqualTo("sockscope capture: bad capture filter 'tcp prot 80':"
                + " can't parse filter expression: syntax error\n");
        assertThat(capture.out()).isEmpty();
    }

    @Test
    void theFilterMayFollowTheOptionsAsWithTcpdump() throws Exception {
        Capture.Running capture = Capture.run("-i", "lo", "tcp", "port", "nowhere");
        assertThat(capture.exit.get()).isEqualTo(CaptureCommand.USAGE);
        assertThat(capture.err()).startsWith("sockscope capture: bad capture filter 'tcp port"
                + " nowhere': ").doesNotContain("\n\t").hasLineCount(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-c 0|-c must be 1 or more, not 0",
        "--duration 0|--duration must be a number of seconds above 0, like 30 or 0.5, not '0'",
        "--duration soon|--duration must be a number of seconds above 0, like 30 or 0.5, not 'soon'",
        "--width 20|--width must be 40 to 240, not 20",
        "-f tcp tcp|give the filter once: -f 'tcp' or after the options, not both",
        "--list -w x.pcap|--list only lists the interfaces: give it without a filter, -w, -c,"
            + " --duration or --summary"})
    void wrongOptionsAreOneLineAndExit2(String args, String message) throws Exception {
        Capture.Running capture = Capture.run(args.split(" "));
        assertThat(capture.exit.get()).isEqualTo(CaptureCommand.USAGE);
        assertThat(capture.err()).isEqualTo("sockscope capture: " + message
                + " (sockscope capture --help shows the options)\n");
        assertThat(capture.out()).isEmpty();
    }

    @Test
    void listNamesTheInterfacesWithTheirAddressesLikeTcpdump() throws Exception {
        Capture.Running capture = Capture.run("--list");
        assertThat(capture.exit.get()).isZero();
        assertThat(capture.err()).isEmpty();
        List<String> lines = capture.out().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "\\d+\\.lo \\[Up, Running, Loopback\\] 127\\.0\\.0\\.1/8.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("\\d+\\.any .*"));
        assertThat(lines).filteredOn(line -> line.endsWith("  (default)")).hasSize(1);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith((i + 1) + ".");
        }
    }

    @Test
    void listInJsonIsOneInterfaceRecordEach() throws Exception {
        Capture.Running capture = Capture.run("--list", "--json");
        assertThat(capture.exit.get()).isZero();
        List<Map<String, Object>> records = JsonLines.parse(capture.out());
        assertThat(records).allSatisfy(r -> assertThat(r.keySet()).containsExactly("type", "name",
                "description", "flags", "addresses", "default"));
        assertThat(records).filteredOn(r -> r.get("name").equals("lo")).singleElement()
                .satisfies(lo -> {
                    assertThat(lo.get("flags")).isEqualTo(List.of("Up", "Running", "Loopback"));
                    assertThat(lo.get("addresses")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("127.0.0.1/8");
                });
        assertThat(records).filteredOn(r -> r.get("default").equals(true)).hasSize(1);
    }
}

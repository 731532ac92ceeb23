package io.sockscope.inspector.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Each way capture can be unavailable, produced for real: a JVM without CAP_NET_RAW, a JVM told
 * to load a libpcap that does not exist, an interface that does not exist.
 */
class CaptureAvailabilityTest {

    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();

    /** Runs {@link AvailabilityProbe} in a fresh JVM, after {@code prefix} (e.g. setpriv) and with {@code properties}. */
    static String probe(List<String> prefix, List<String> properties, String interfaceName) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(JAVA);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AvailabilityProbe.class.getName(), interfaceName));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as("probe exit; output: %s", output).isZero();
        return output;
    }

    static String javaFix() throws IOException {
        Path java = Path.of(JAVA).toRealPath();
        return "run as root, or: sudo setcap cap_net_raw,cap_net_admin=eip " + java + " && echo "
                + java.getParent().getParent().resolve("lib") + " | sudo tee /etc/ld.so.conf.d/sockscope-java.conf && sudo ldconfig";
    }

    @Test
    void withoutCapNetRawTheLineNamesTheSetcapFixForThisJava() throws Exception {
        CaptureRequirement.assumeAvailable();
        String output = probe(List.of("setpriv", "--bounding-set=-net_raw,-net_admin", "--inh-caps=-net_raw,-net_admin"),
                List.of(), "lo");
        assertThat(output).isEqualTo("NO_PRIVILEGE\tlive capture unavailable: no permission to capture on lo "
                + "(socket: Operation not permitted); to fix: " + javaFix());
    }

    @Test
    void withoutLibpcapTheLineSaysWhatToInstall() throws Exception {
        String output = probe(List.of(), List.of("-D" + Libpcap.LIBRARY_PROPERTY + "=libsockscope-absent.so.0"), "lo");
        assertThat(output).startsWith("NO_LIBPCAP\tlive capture unavailable: libpcap cannot be loaded (Unable to load library 'libsockscope-absent.so.0'")
                .endsWith("; to fix: install libpcap0.8: apt-get install -y libpcap0.8")
                .doesNotContain("\n");
    }

    @Test
    void theDebianSonameAloneIsEnough() throws Exception {
        CaptureRequirement.assumeAvailable();
        String output = probe(List.of(), List.of("-D" + Libpcap.LIBRARY_PROPERTY + "=libpcap.so.0.8"), "lo");
        assertThat(output).startsWith("AVAILABLE\tlibpcap version ");
    }

    @Test
    void aMissingInterfaceIsNamedWithTheChoices() {
        CaptureRequirement.assumeAvailable();
        CaptureAvailability availability = CaptureAvailability.check("nosuch0");
        assertThat(availability).isInstanceOf(CaptureAvailability.Unavailable.class);
        CaptureAvailability.Unavailable unavailable = (CaptureAvailability.Unavailable) availability;
        assertThat(unavailable.reason()).isEqualTo(CaptureAvailability.Reason.NO_SUCH_INTERFACE);
        assertThat(unavailable.line()).startsWith("live capture unavailable: there is no interface named 'nosuch0' (")
                .contains("; to fix: use one of: ").contains("any").contains("lo").endsWith(" (sockscope capture --list)");
        assertThat(PcapLiveCapture.open(CaptureOptions.on("lo", "nosuch0"), frame -> { }))
                .isInstanceOf(CaptureAvailability.Unavailable.class);
    }

    @Test
    void theRequirementSkipsOrFailsWithTheReason() {
        CaptureAvailability.Unavailable unavailable = new CaptureAvailability.Unavailable(
                CaptureAvailability.Reason.NO_PRIVILEGE, "no permission to capture on lo", "run as root");
        assertThatThrownBy(() -> CaptureRequirement.decide(unavailable, false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining(unavailable.line());
        assertThatThrownBy(() -> CaptureRequirement.decide(unavailable, true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("SOCKSCOPE_REQUIRE_CAPTURE=1 but live capture unavailable: no permission to capture on lo; to fix: run as root");
        CaptureRequirement.decide(new CaptureAvailability.Available("libpcap"), true);
    }
}

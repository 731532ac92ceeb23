package io.sockscope.inspector.capture;

import io.sockscope.inspector.capture.CaptureAvailability.Reason;
import io.sockscope.inspector.capture.CaptureAvailability.Unavailable;
import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns what libpcap or the library loader said into an {@link Unavailable} whose fix the user
 * can act on. The privilege fix names the real path of the java binary in use: file capabilities
 * belong to a file, not to a symlink such as {@code /usr/bin/java}.
 */
final class Diagnosis {

    static final String INSTALL_FIX = "install libpcap0.8: apt-get install -y libpcap0.8";

    private Diagnosis() {
    }

    static Unavailable noLibpcap(String loaderMessage) {
        return new Unavailable(Reason.NO_LIBPCAP, "libpcap cannot be loaded (" + loaderMessage + ")", INSTALL_FIX);
    }

    static Unavailable other(String detail) {
        return new Unavailable(Reason.OTHER, detail, "check the interface and options; sockscope capture --list shows what can be captured");
    }

    /** The diagnosis for a pcap_activate (or pcap_create) failure with {@code status}. */
    static Unavailable activationFailed(String interfaceName, int status, String message) {
        return switch (status) {
            case Libpcap.ERROR_PERM_DENIED, Libpcap.ERROR_PROMISC_PERM_DENIED -> new Unavailable(Reason.NO_PRIVILEGE,
                    "no permission to capture on " + interfaceName + " (" + message + ")", privilegeFix());
            case Libpcap.ERROR_NO_SUCH_DEVICE -> new Unavailable(Reason.NO_SUCH_INTERFACE,
                    "there is no interface named '" + interfaceName + "' (" + message + ")",
                    "use one of: " + interfaceNames() + " (sockscope capture --list)");
            case Libpcap.ERROR_IFACE_NOT_UP -> new Unavailable(Reason.INTERFACE_DOWN,
                    interfaceName + " is down (" + message + ")", "bring it up: ip link set " + interfaceName + " up");
            default -> other("libpcap cannot capture on " + interfaceName + ": " + message);
        };
    }

    /**
     * Root, or file capabilities on the real java binary. A java with file capabilities runs in
     * secure-execution mode, where the loader ignores the {@code $ORIGIN} path java uses to find
     * {@code libjli.so}, so the JDK's lib directory must also be known to ld.so.
     */
    static String privilegeFix() {
        Path java = realJava();
        Path lib = java.getParent().getParent().resolve("lib");
        return "run as root, or: sudo setcap cap_net_raw,cap_net_admin=eip " + java
                + " && echo " + lib + " | sudo tee /etc/ld.so.conf.d/sockscope-java.conf && sudo ldconfig";
    }

    private static Path realJava() {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        try {
            return java.toRealPath();
        } catch (IOException e) {
            return java.toAbsolutePath();
        }
    }

    private static String interfaceNames() {
        try {
            return Stream.concat(Stream.of("any"), NetworkInterface.networkInterfaces().map(NetworkInterface::getName))
                    .sorted().collect(Collectors.joining(", "));
        } catch (SocketException e) {
            return "any";
        }
    }
}

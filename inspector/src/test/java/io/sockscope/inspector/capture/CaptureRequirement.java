package io.sockscope.inspector.capture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gate for tests that need live capture. Where capture is unavailable (no libpcap, no privilege)
 * the test is aborted, and so reported as skipped, with the reason printed; where the
 * environment variable {@value #REQUIRE_VARIABLE} is {@code 1} (CI sets it) the test fails with
 * the reason instead, so a CI that cannot capture never looks green.
 *
 * <p>Use {@link #assumeAvailable()} at the start of a test, or {@code @ExtendWith(CaptureRequirement.class)}
 * on a class to gate all its tests on capturing {@code lo}. The check opens the interface once per
 * JVM and remembers the answer.
 */
public final class CaptureRequirement implements BeforeAllCallback {

    /** Set to {@code 1} to turn "capture unavailable" from a skip into a failure. */
    public static final String REQUIRE_VARIABLE = "SOCKSCOPE_REQUIRE_CAPTURE";

    private static final String LOOPBACK = "lo";
    private static final Map<String, CaptureAvailability> CHECKED = new ConcurrentHashMap<>();

    /** Gates the test on capturing the loopback interface. */
    public static void assumeAvailable() {
        assumeAvailable(LOOPBACK);
    }

    /** Gates the test on capturing {@code interfaceName}. */
    public static void assumeAvailable(String interfaceName) {
        CaptureAvailability availability = CHECKED.computeIfAbsent(interfaceName, CaptureAvailability::check);
        boolean required = "1".equals(System.getenv(REQUIRE_VARIABLE));
        if (availability instanceof CaptureAvailability.Unavailable unavailable && !required) {
            System.err.println("capture test skipped: " + unavailable.line());
        }
        decide(availability, required);
    }

    /**
     * Gates a capture test on something else it needs (tshark, a network namespace, a tmpfs to
     * fill): passes when {@code ok}; otherwise skips the test saying {@code why}, or fails it
     * when {@value #REQUIRE_VARIABLE} is {@code 1}, as it is in CI, where all of them are there.
     */
    public static void assumeThat(boolean ok, String why) {
        if (ok) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE_VARIABLE))) {
            Assertions.fail(REQUIRE_VARIABLE + "=1 but " + why);
        }
        System.err.println("capture test skipped: " + why);
        Assumptions.abort(why);
    }

    /**
     * Passes when capture is available; otherwise aborts the test, or fails it when
     * {@code required}. Both carry {@link CaptureAvailability.Unavailable#line()}.
     */
    static void decide(CaptureAvailability availability, boolean required) {
        switch (availability) {
            case CaptureAvailability.Available available -> {
            }
            case CaptureAvailability.Unavailable unavailable -> {
                if (required) {
                    Assertions.fail(REQUIRE_VARIABLE + "=1 but " + unavailable.line());
                }
                Assumptions.abort(unavailable.line());
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeAvailable();
    }
}

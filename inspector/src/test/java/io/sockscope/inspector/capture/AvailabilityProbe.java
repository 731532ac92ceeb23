package io.sockscope.inspector.capture;

/**
 * Prints what {@link CaptureAvailability#check} says about the interface named by the first
 * argument, for tests that run it in a JVM with other privileges or another libpcap.
 */
public final class AvailabilityProbe {

    private AvailabilityProbe() {
    }

    public static void main(String[] args) {
        switch (CaptureAvailability.check(args[0])) {
            case CaptureAvailability.Available available -> System.out.println("AVAILABLE\t" + available.libraryVersion());
            case CaptureAvailability.Unavailable unavailable ->
                    System.out.println(unavailable.reason() + "\t" + unavailable.line());
        }
    }
}

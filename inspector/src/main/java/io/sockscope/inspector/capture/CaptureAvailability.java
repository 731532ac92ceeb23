package io.sockscope.inspector.capture;

/**
 * Whether live capture can run here, and if not, why and what to do about it.
 *
 * <p>Everything but live capture works without it, so being unable to capture is an expected
 * outcome, not an error: faces print {@link Unavailable#line()} (one line naming the fix) and go
 * on, or exit 3 when capture was required. The same {@link Unavailable} value comes back from
 * every entry point that needs libpcap: {@link #check}, {@link PcapLiveCapture#open},
 * {@link FilterCheck#check} and {@link CaptureInterfaces#list()}.
 */
public sealed interface CaptureAvailability permits CaptureAvailability.Available, CaptureAvailability.Unavailable {

    /**
     * Opens {@code interfaceName} the way a capture would (as the current user, with its
     * privileges) and closes it again.
     */
    static CaptureAvailability check(String interfaceName) {
        return LiveHandle.probe(interfaceName);
    }

    /**
     * Capture can run.
     *
     * @param libraryVersion libpcap's own version line, e.g. {@code libpcap version 1.10.3 (with TPACKET_V3)}
     */
    record Available(String libraryVersion) implements CaptureAvailability {
    }

    /**
     * Capture cannot run.
     *
     * @param reason what kind of problem it is
     * @param detail what went wrong, with libpcap's or the loader's own message
     * @param fix    what the user can do, as a command where there is one
     */
    record Unavailable(Reason reason, String detail, String fix)
            implements CaptureAvailability, OpenResult, FilterCheck, InterfaceListing {

        /** The one line a face shows: what is wrong and how to fix it. */
        public String line() {
            return "live capture unavailable: " + detail + "; to fix: " + fix;
        }
    }

    /** The kinds of reasons capture cannot run. */
    enum Reason {
        /** libpcap is not installed, or JNA cannot load it. */
        NO_LIBPCAP,
        /** The process lacks CAP_NET_RAW (not root, no file capabilities). */
        NO_PRIVILEGE,
        /** There is no interface by that name. */
        NO_SUCH_INTERFACE,
        /** The interface exists but is down. */
        INTERFACE_DOWN,
        /** Anything else libpcap refused; the detail carries its message. */
        OTHER
    }
}

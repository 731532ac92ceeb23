package io.sockscope.inspector.capture;

/**
 * Whether a BPF filter expression compiles, checked up front so that a bad filter is one clear
 * line carrying libpcap's own message (exit 2) instead of a failure after capture has started.
 */
public sealed interface FilterCheck permits FilterCheck.Valid, FilterCheck.Invalid, CaptureAvailability.Unavailable {

    /**
     * Compiles {@code expression} for frames of {@code linkType} ({@link io.sockscope.inspector.pcap.LinkType}) without
     * opening an interface (pcap_open_dead), so no privilege is needed.
     */
    static FilterCheck check(String expression, int linkType) {
        return FilterCompiler.checkOffline(expression, linkType);
    }

    /** Compiles {@code expression} for the link type {@code interfaceName} will have. */
    static FilterCheck check(String expression, String interfaceName) {
        return check(expression, CaptureInterfaces.linkTypeOf(interfaceName));
    }

    /**
     * libpcap compiled it.
     *
     * @param expression the expression as given
     */
    record Valid(String expression) implements FilterCheck {
    }

    /**
     * libpcap rejected it.
     *
     * @param expression the expression as given
     * @param message    libpcap's message, e.g. {@code syntax error} or {@code unknown host 'nowhere'}
     */
    record Invalid(String expression, String message) implements FilterCheck, OpenResult {

        /** The one line a face shows: the bad filter and libpcap's complaint. */
        public String line() {
            return "bad capture filter '" + expression + "': " + message;
        }
    }
}

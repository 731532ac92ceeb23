package io.sockscope.inspector.capture;

import java.util.List;

/** The outcome of {@link CaptureInterfaces#list()}: the interfaces, or why libpcap cannot list them. */
public sealed interface InterfaceListing permits InterfaceListing.Listed, CaptureAvailability.Unavailable {

    /**
     * What libpcap can capture on, in its order (the order of {@code tcpdump -D}).
     *
     * @param interfaces the interfaces
     */
    record Listed(List<CaptureInterface> interfaces) implements InterfaceListing {

        public Listed {
            interfaces = List.copyOf(interfaces);
        }
    }
}

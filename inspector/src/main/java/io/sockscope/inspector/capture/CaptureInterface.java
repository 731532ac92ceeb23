package io.sockscope.inspector.capture;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An interface libpcap can capture on, with its addresses: one line of
 * {@code sockscope capture --list}.
 *
 * @param name        libpcap's name for it ({@code lo}, {@code eth0}, {@code any})
 * @param description libpcap's description, where it has one
 * @param addresses   its IPv4 and IPv6 addresses with prefix lengths
 * @param loopback    whether it is a loopback interface
 * @param up          whether it is up
 * @param running     whether it is running
 */
public record CaptureInterface(String name, Optional<String> description, List<Address> addresses, boolean loopback,
                               boolean up, boolean running) {

    public CaptureInterface {
        addresses = List.copyOf(addresses);
    }

    /**
     * The line {@code tcpdump -D} would print (without its number), then the addresses:
     * {@code lo [Up, Running, Loopback] 127.0.0.1/8 ::1/128}.
     */
    public String line() {
        StringBuilder line = new StringBuilder(name);
        description.ifPresent(text -> line.append(" (").append(text).append(')'));
        List<String> flags = new ArrayList<>();
        if (up) {
            flags.add("Up");
        }
        if (running) {
            flags.add("Running");
        }
        if (loopback) {
            flags.add("Loopback");
        }
        line.append(" [").append(flags.isEmpty() ? "none" : String.join(", ", flags)).append(']');
        if (!addresses.isEmpty()) {
            line.append(' ').append(addresses.stream().map(Address::toString).collect(Collectors.joining(" ")));
        }
        return line.toString();
    }

    /**
     * One address of an interface.
     *
     * @param address      the address
     * @param prefixLength the length of its network prefix, from the netmask
     */
    public record Address(InetAddress address, int prefixLength) {

        /** {@code 127.0.0.1/8}, {@code ::1/128}, {@code fe80::1/64} (IPv6 compressed as RFC 5952 §4). */
        @Override
        public String toString() {
            return format(address) + "/" + prefixLength;
        }

        static String format(InetAddress address) {
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] bytes = address.getAddress();
            int[] groups = new int[8];
            for (int i = 0; i < 8; i++) {
                groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
            }
            int bestStart = -1;
            int bestLength = 1;
            for (int i = 0; i < 8; ) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j == i ? i + 1 : j;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    text.append("::");
                    i += bestLength - 1;
                    continue;
                }
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
            return text.toString();
        }
    }
}

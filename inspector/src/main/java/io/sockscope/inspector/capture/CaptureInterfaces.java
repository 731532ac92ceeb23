package io.sockscope.inspector.capture;

import io.sockscope.inspector.pcap.LinkType;
import io.sockscope.inspector.capture.CaptureInterface.Address;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pcap4j.core.PcapAddress;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

/**
 * Which interface to capture on: the list libpcap offers, the default (the one carrying the
 * default route), and the interface that carries a given socket's traffic.
 */
public final class CaptureInterfaces {

    /** Linux's pseudo-interface that captures on every interface (cooked link type). */
    public static final String ANY = "any";

    private static final Path ROUTES = Path.of("/proc/net/route");
    private static final Path IPV6_ROUTES = Path.of("/proc/net/ipv6_route");
    private static final Path SYS_NET = Path.of("/sys/class/net");
    private static final int RTF_UP = 0x1;
    private static final int RTF_REJECT = 0x200;
    private static final String LINUX_LOOPBACK = "lo";
    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_TUNNEL = 768;
    private static final int ARPHRD_TUNNEL6 = 769;
    private static final int ARPHRD_LOOPBACK = 772;
    private static final int ARPHRD_SIT = 776;
    private static final int ARPHRD_NONE = 65534;

    private CaptureInterfaces() {
    }

    /** Every interface libpcap can capture on, with addresses, in {@code tcpdump -D} order. */
    public static InterfaceListing list() {
        if (Libpcap.loadFailure().isPresent()) {
            return Diagnosis.noLibpcap(Libpcap.loadFailure().get());
        }
        try {
            return new InterfaceListing.Listed(Pcaps.findAllDevs().stream().map(CaptureInterfaces::describe).toList());
        } catch (PcapNativeException e) {
            return Diagnosis.other("libpcap cannot list interfaces: " + e.getMessage());
        }
    }

    /**
     * The interface that carries the default route (IPv4, else IPv6; the lowest metric wins), or
     * the loopback interface when there is no default route.
     */
    public static String defaultInterface() {
        return defaultRoute(read(ROUTES))
                .or(() -> defaultIpv6Route(read(IPV6_ROUTES)))
                .orElseGet(CaptureInterfaces::loopback);
    }

    /**
     * The interface a socket bound to {@code local} sends and receives on: the loopback interface
     * for loopback addresses, {@link #ANY} for the wildcard address, otherwise the interface that
     * owns the address. For a socket connected to another host, pass its local address after
     * connect: the kernel picked it from the route to that host. Empty when no interface here
     * has the address.
     */
    public static Optional<String> forLocalAddress(InetAddress local) {
        if (local.isAnyLocalAddress()) {
            return Optional.of(ANY);
        }
        if (local.isLoopbackAddress()) {
            return Optional.of(loopback());
        }
        try {
            return Optional.ofNullable(NetworkInterface.getByInetAddress(local)).map(NetworkInterface::getName);
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    /** The interface of the IPv4 default route in {@code /proc/net/route} text. */
    static Optional<String> defaultRoute(String procNetRoute) {
        return procNetRoute.lines().skip(1)
                .map(line -> line.trim().split("\\s+"))
                .filter(f -> f.length >= 8 && f[1].equals("00000000") && f[7].equals("00000000"))
                .filter(f -> (Integer.parseInt(f[3], 16) & RTF_UP) != 0)
                .min(Comparator.comparingLong(f -> Long.parseLong(f[6])))
                .map(f -> f[0]);
    }

    /** The interface of the IPv6 default route in {@code /proc/net/ipv6_route} text. */
    static Optional<String> defaultIpv6Route(String procNetIpv6Route) {
        return procNetIpv6Route.lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(f -> f.length >= 10 && f[0].chars().allMatch(c -> c == '0') && f[1].equals("00"))
                .filter(f -> {
                    long flags = Long.parseLong(f[8], 16);
                    return (flags & RTF_UP) != 0 && (flags & RTF_REJECT) == 0 && !f[9].equals(LINUX_LOOPBACK);
                })
                .min(Comparator.comparingLong(f -> Long.parseLong(f[5], 16)))
                .map(f -> f[9]);
    }

    /** The link type libpcap will give {@code interfaceName}, from its ARPHRD type in sysfs. */
    static int linkTypeOf(String interfaceName) {
        if (interfaceName.equals(ANY)) {
            return LinkType.LINUX_SLL;
        }
        String type = read(SYS_NET.resolve(interfaceName).resolve("type")).strip();
        if (type.isEmpty()) {
            return LinkType.ETHERNET;
        }
        return switch (Integer.parseInt(type)) {
            case ARPHRD_ETHER, ARPHRD_LOOPBACK -> LinkType.ETHERNET;
            case ARPHRD_NONE, ARPHRD_TUNNEL, ARPHRD_TUNNEL6, ARPHRD_SIT -> LinkType.RAW;
            default -> LinkType.LINUX_SLL;
        };
    }

    /** Whether {@code interfaceName} is a loopback interface ({@code any} is not). */
    static boolean isLoopback(String interfaceName) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            return nic != null && isLoopback(nic);
        } catch (SocketException e) {
            return false;
        }
    }

    private static String loopback() {
        try {
            return NetworkInterface.networkInterfaces().filter(CaptureInterfaces::isLoopback)
                    .map(NetworkInterface::getName).findFirst().orElse(LINUX_LOOPBACK);
        } catch (SocketException e) {
            return LINUX_LOOPBACK;
        }
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static CaptureInterface describe(PcapNetworkInterface nic) {
        List<Address> addresses = nic.getAddresses().stream()
                .filter(a -> a.getAddress() != null)
                .map(a -> new Address(a.getAddress(), prefixLength(a)))
                .toList();
        Optional<String> description = Optional.ofNullable(nic.getDescription()).filter(text -> !text.isBlank());
        return new CaptureInterface(nic.getName(), description, addresses, nic.isLoopBack(), nic.isUp(), nic.isRunning());
    }

    private static int prefixLength(PcapAddress address) {
        InetAddress netmask = address.getNetmask();
        if (netmask == null) {
            return address.getAddress().getAddress().length * Byte.SIZE;
        }
        int bits = 0;
        for (byte b : netmask.getAddress()) {
            bits += Integer.bitCount(b & 0xff);
        }
        return bits;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}

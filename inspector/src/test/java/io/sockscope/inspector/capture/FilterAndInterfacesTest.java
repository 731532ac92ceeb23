package io.sockscope.inspector.capture;

import io.sockscope.inspector.pcap.LinkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** BPF validation, interface listing and choice: libpcap needed, privilege only where said. */
class FilterAndInterfacesTest {

    @Test
    void aBadFilterIsAValueWithLibpcapsMessage() {
        CaptureRequirement.assumeAvailable();
        assertThat(FilterCheck.check("tcp prot 80", LinkType.ETHERNET))
                .isEqualTo(new FilterCheck.Invalid("tcp prot 80", "can't parse filter expression: syntax error"));
        assertThat(FilterCheck.check("port 99999", LinkType.ETHERNET))
                .isInstanceOf(FilterCheck.Invalid.class)
                .extracting(c -> ((FilterCheck.Invalid) c).line()).asString()
                .isEqualTo("bad capture filter 'port 99999': illegal port number 99999 > 65535");
        assertThat(FilterCheck.check("tcp port 80 and host 127.0.0.1", LinkType.ETHERNET))
                .isEqualTo(new FilterCheck.Valid("tcp port 80 and host 127.0.0.1"));
        assertThat(FilterCheck.check("ether host 00:11:22:33:44:55", "any")).isInstanceOf(FilterCheck.Invalid.class);
        assertThat(FilterCheck.check("tcp", "lo")).isEqualTo(new FilterCheck.Valid("tcp"));
    }

    @Test
    void aBadFilterRefusesToOpenAndABadReplacementChangesNothing() throws Exception {
        CaptureRequirement.assumeAvailable();
        assertThat(PcapLiveCapture.open(CaptureOptions.on("lo").withFilter("tcp prot 80"), frame -> { }))
                .isEqualTo(new FilterCheck.Invalid("tcp prot 80", "can't parse filter expression: syntax error"));
        try (ServerSocket server = LoopbackTraffic.listen()) {
            FrameCollector collector = new FrameCollector();
            String filter = "tcp port " + server.getLocalPort();
            try (CaptureSource capture = PcapLiveCaptureTest.open(CaptureOptions.on("lo").withFilter(filter), collector)) {
                assertThat(capture.replaceFilter("tcp prot 80")).isEqualTo(new FilterCheck.Invalid("tcp prot 80", "can't parse filter expression: syntax error"));
                assertThat(capture.filter()).isEqualTo(filter);
                int client = LoopbackTraffic.exchange(server, "still", "here");
                collector.awaitUntil(frames -> PcapLiveCaptureTest.closedBothWays(frames, client), java.time.Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void theListingHasLoopbackWithItsAddressesAndTheAnyDevice() {
        CaptureRequirement.assumeAvailable();
        InterfaceListing listing = CaptureInterfaces.list();
        assertThat(listing).isInstanceOf(InterfaceListing.Listed.class);
        var interfaces = ((InterfaceListing.Listed) listing).interfaces();
        assertThat(interfaces).anySatisfy(nic -> {
            assertThat(nic.name()).isEqualTo("lo");
            assertThat(nic.loopback()).isTrue();
            assertThat(nic.addresses()).extracting(CaptureInterface.Address::toString).contains("127.0.0.1/8");
            assertThat(nic.line()).startsWith("lo [Up, Running, Loopback] 127.0.0.1/8");
        });
        assertThat(interfaces).anySatisfy(nic -> {
            assertThat(nic.name()).isEqualTo("any");
            assertThat(nic.line()).startsWith("any (Pseudo-device that captures on all interfaces) [Up, Running]");
        });
    }

    @Test
    void ipv6AddressesAreWrittenCompressed() throws Exception {
        assertThat(CaptureInterface.Address.format(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(CaptureInterface.Address.format(InetAddress.getByName("fe80:0:0:0:fc:ff:fe00:1"))).isEqualTo("fe80::fc:ff:fe00:1");
        assertThat(CaptureInterface.Address.format(InetAddress.getByName("fd00:0:0:0:0:0:0:2"))).isEqualTo("fd00::2");
        assertThat(CaptureInterface.Address.format(InetAddress.getByName("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(CaptureInterface.Address.format(InetAddress.getByName("1:0:2:0:3:0:4:0"))).isEqualTo("1:0:2:0:3:0:4:0");
    }

    @Test
    void theDefaultInterfaceCarriesTheDefaultRouteWithTheLowestMetric() {
        String routes = """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
                eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0
                eth0\t000200C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0
                """;
        assertThat(CaptureInterfaces.defaultRoute(routes)).contains("eth0");
        assertThat(CaptureInterfaces.defaultRoute(routes.lines().limit(1).reduce("", (a, b) -> a + b + "\n"))).isEmpty();
        String ipv6 = """
                00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00000003 eth1
                00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200 lo
                """;
        assertThat(CaptureInterfaces.defaultIpv6Route(ipv6)).contains("eth1");
        assertThat(CaptureInterfaces.defaultIpv6Route(ipv6.lines().skip(1).findFirst().orElseThrow())).isEmpty();
    }

    @Test
    void theDefaultInterfaceHereMatchesTheRoutingTable() throws Exception {
        Optional<String> fromTable = CaptureInterfaces.defaultRoute(Files.readString(Path.of("/proc/net/route")))
                .or(() -> CaptureInterfaces.defaultIpv6Route(readOrEmpty(Path.of("/proc/net/ipv6_route"))));
        assertThat(CaptureInterfaces.defaultInterface()).isEqualTo(fromTable.orElse("lo"));
    }

    @Test
    void aLocalAddressMapsToTheInterfaceThatCarriesIt() throws Exception {
        assertThat(CaptureInterfaces.forLocalAddress(InetAddress.getByName("127.0.0.1"))).contains("lo");
        assertThat(CaptureInterfaces.forLocalAddress(InetAddress.getByName("127.0.0.53"))).contains("lo");
        assertThat(CaptureInterfaces.forLocalAddress(InetAddress.getByName("::1"))).contains("lo");
        assertThat(CaptureInterfaces.forLocalAddress(InetAddress.getByName("0.0.0.0"))).contains("any");
        assertThat(CaptureInterfaces.forLocalAddress(InetAddress.getByName("192.0.2.254"))).isEmpty();
        NetworkInterface.networkInterfaces().filter(nic -> !nic.getName().equals("lo"))
                .forEach(nic -> nic.inetAddresses().forEach(address ->
                        assertThat(CaptureInterfaces.forLocalAddress(address)).as("%s", address).contains(nic.getName())));
    }

    @Test
    void linkTypesComeFromTheInterfaceKind() {
        assertThat(CaptureInterfaces.linkTypeOf("lo")).isEqualTo(LinkType.ETHERNET);
        assertThat(CaptureInterfaces.linkTypeOf("any")).isEqualTo(LinkType.LINUX_SLL);
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}

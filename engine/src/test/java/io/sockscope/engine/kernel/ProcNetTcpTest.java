package io.sockscope.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.Endpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Lines of /proc/net/tcp and tcp6 as the kernel prints them (net/ipv4/tcp_ipv4.c). */
class ProcNetTcpTest {

    @Test
    void aListener() {
        String line = "   0: 0100007F:2328 00000000:0000 0A 00000000:00000002 00:00000000 00000000  1000        0 4242 1"
                + " 0000000000000000 100 0 0 10 0";
        assertThat(ProcNetTcp.parse(line)).hasValue(new ProcTcpEntry(new Endpoint("127.0.0.1", 9000),
                new Endpoint("0.0.0.0", 0), TcpState.LISTEN, 0, 2, ProcTcpEntry.Timer.NONE, Duration.ZERO, 0, 1000,
                4242));
    }

    @Test
    void aTimeWaitEntryWithItsTimer() {
        String line = "   7: 0100007F:A0F2 0100007F:2328 06 00000000:00000000 03:000010CC 00000000     0        0 0 3"
                + " 0000000000000000";
        ProcTcpEntry entry = ProcNetTcp.parse(line).orElseThrow();
        assertThat(entry.local()).isEqualTo(new Endpoint("127.0.0.1", 41202));
        assertThat(entry.state()).isEqualTo(TcpState.TIME_WAIT);
        assertThat(entry.timer()).isEqualTo(ProcTcpEntry.Timer.TIME_WAIT);
        assertThat(entry.timerRemaining()).isEqualTo(Duration.ofMillis(43_000));
    }

    @Test
    void anIpv6ConnectionWithQueuedBytes() {
        String line = "   1: 00000000000000000000000001000000:D431 00000000000000000000000001000000:2328 01"
                + " 0000000C:00000005 01:00000014 00000002     0        0 777 2 0000000000000000 20 4 30 10 -1";
        ProcTcpEntry entry = ProcNetTcp.parse(line).orElseThrow();
        assertThat(entry.local()).isEqualTo(new Endpoint("::1", 54321));
        assertThat(entry.remote()).isEqualTo(new Endpoint("::1", 9000));
        assertThat(entry.sendQueueBytes()).isEqualTo(12);
        assertThat(entry.receiveQueueBytes()).isEqualTo(5);
        assertThat(entry.timer()).isEqualTo(ProcTcpEntry.Timer.RETRANSMIT);
        assertThat(entry.timerRemaining()).isEqualTo(Duration.ofMillis(200));
        assertThat(entry.retransmits()).isEqualTo(2);
    }

    @Test
    void v4MappedAddressesReadAsInetNtopWritesThem() {
        String line = "   2: 0000000000000000FFFF00000100007F:2328 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0";
        assertThat(ProcNetTcp.parse(line).orElseThrow().local()).isEqualTo(new Endpoint("::ffff:127.0.0.1", 9000));
    }

    @Test
    void theHeaderAndBrokenLinesAreNotEntries() {
        assertThat(ProcNetTcp.parse("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
                + "   uid  timeout inode")).isEmpty();
        assertThat(ProcNetTcp.parse("   0: 0100007F:2328")).isEmpty();
    }
}

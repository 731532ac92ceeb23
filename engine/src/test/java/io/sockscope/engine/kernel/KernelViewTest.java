package io.sockscope.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Engine;
import io.sockscope.engine.Family;
import io.sockscope.engine.LeakCheck;
import io.sockscope.engine.OptValue;
import io.sockscope.engine.Sock;
import io.sockscope.engine.SockOpt;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TCP states, queues and RTT as the kernel reports them, through TCP_INFO, ioctl and /proc. */
@ExtendWith(LeakCheck.class)
class KernelViewTest {
    private final Engine engine = new Engine();

    @AfterEach
    void close() {
        engine.close();
    }

    private Sock open(String name, Family family) {
        assertThat(engine.socket(name, family).ok()).isTrue();
        return engine.sock(name).orElseThrow();
    }

    private static void ok(CallEvent event) {
        assertThat(event.failure()).as("%s %s", event.op(), event.args()).isEmpty();
    }

    @Test
    void statesThroughAConnectionsLife() {
        Sock server = open("server", Family.INET);
        ok(server.bind("127.0.0.1", 0));
        assertThat(server.kernelView().orElseThrow().state()).isEqualTo(TcpState.CLOSE);
        ok(server.listen(5));
        KernelView listening = server.kernelView().orElseThrow();
        assertThat(listening.state()).isEqualTo(TcpState.LISTEN);
        assertThat(listening.sendQueueBytes()).as("backlog").isEqualTo(5);
        int port = server.lastLocal().orElseThrow().port();

        Sock c = open("c", Family.INET);
        ok(c.connect("127.0.0.1", port));
        ok(server.accept("conn"));
        Sock conn = engine.sock("conn").orElseThrow();
        KernelView established = c.kernelView().orElseThrow();
        assertThat(established.state()).isEqualTo(TcpState.ESTABLISHED);
        assertThat(established.rttMicros()).isPositive();
        assertThat(established.tcpInfo().sendCwnd()).isPositive();
        assertThat(established.tcpInfo().options() & TcpInfo.OPTION_SACK).isNotZero();

        ok(c.sendall(new byte[100]));
        await(() -> conn.kernelView().orElseThrow().receiveQueueBytes() == 100);

        ok(c.shutdown(Sock.How.SHUT_WR));
        await(() -> c.kernelView().orElseThrow().state() == TcpState.FIN_WAIT2);
        await(() -> conn.kernelView().orElseThrow().state() == TcpState.CLOSE_WAIT);
        assertThat(conn.kernelState()).isInstanceOf(KernelState.Open.class);

        Endpoint clientEnd = c.lastLocal().orElseThrow();
        ok(conn.recv(1000));
        ok(conn.close());
        await(() -> ProcNetTcp.find(clientEnd, new Endpoint("127.0.0.1", port))
                .map(entry -> entry.state() == TcpState.TIME_WAIT).orElse(false));
        ProcTcpEntry timeWait = ProcNetTcp.find(clientEnd, new Endpoint("127.0.0.1", port)).orElseThrow();
        assertThat(timeWait.timer()).isEqualTo(ProcTcpEntry.Timer.TIME_WAIT);
        assertThat(timeWait.inode()).isZero();
        assertThat(ProcNetTcp.byLocalPort(clientEnd.port())).extracting(ProcTcpEntry::remote, ProcTcpEntry::state)
                .contains(org.assertj.core.groups.Tuple.tuple(new Endpoint("127.0.0.1", port), TcpState.TIME_WAIT));
        assertThat(c.kernelView().orElseThrow().state())
                .as("the fd's socket is CLOSE: the kernel moved the connection to a TIME_WAIT entry")
                .isEqualTo(TcpState.CLOSE);
        ok(c.close());
        assertThat(c.kernelState()).isInstanceOfSatisfying(KernelState.Lingering.class,
                lingering -> assertThat(lingering.entry().state()).isEqualTo(TcpState.TIME_WAIT));
        assertThat(conn.kernelState()).isInstanceOf(KernelState.Gone.class);
    }

    @Test
    void ipv6LoopbackConnectionsAppearInProcNetTcp6() {
        Sock server = open("server", Family.INET6);
        ok(server.bind("::1", 0));
        ok(server.listen(1));
        Endpoint listening = server.lastLocal().orElseThrow();
        assertThat(listening.host()).isEqualTo("::1");
        Sock c = open("c", Family.INET6);
        ok(c.connect("::1", listening.port()));
        Endpoint local = c.lastLocal().orElseThrow();
        assertThat(ProcNetTcp.find(local, listening)).hasValueSatisfying(entry ->
                assertThat(entry.state()).isEqualTo(TcpState.ESTABLISHED));
        assertThat(ProcNetTcp.find(listening, new Endpoint("::", 0))).hasValueSatisfying(entry ->
                assertThat(entry.state()).isEqualTo(TcpState.LISTEN));
    }

    @Test
    void optionValuesAsTheKernelReportsThem() {
        Sock s = open("s", Family.INET);
        ok(s.setsockopt(SockOpt.SO_SNDBUF, new OptValue.IntValue(65536)));
        assertThat(intOption(s, SockOpt.SO_SNDBUF)).as("Linux doubles SO_SNDBUF").isEqualTo(131072);
        ok(s.setsockopt(SockOpt.SO_RCVBUF, new OptValue.IntValue(32768)));
        assertThat(intOption(s, SockOpt.SO_RCVBUF)).as("Linux doubles SO_RCVBUF").isEqualTo(65536);
        for (SockOpt flag : new SockOpt[] {SockOpt.SO_REUSEADDR, SockOpt.SO_REUSEPORT, SockOpt.SO_KEEPALIVE,
                SockOpt.TCP_NODELAY}) {
            assertThat(intOption(s, flag)).isZero();
            ok(s.setsockopt(flag, new OptValue.IntValue(1)));
            assertThat(intOption(s, flag)).isEqualTo(1);
        }
        ok(s.setsockopt(SockOpt.TCP_KEEPIDLE, new OptValue.IntValue(30)));
        ok(s.setsockopt(SockOpt.TCP_KEEPINTVL, new OptValue.IntValue(5)));
        ok(s.setsockopt(SockOpt.TCP_KEEPCNT, new OptValue.IntValue(3)));
        assertThat(intOption(s, SockOpt.TCP_KEEPIDLE)).isEqualTo(30);
        assertThat(intOption(s, SockOpt.TCP_KEEPINTVL)).isEqualTo(5);
        assertThat(intOption(s, SockOpt.TCP_KEEPCNT)).isEqualTo(3);
        ok(s.setsockopt(SockOpt.TCP_QUICKACK, new OptValue.IntValue(1)));
        assertThat(intOption(s, SockOpt.SO_ERROR)).isZero();

        ok(s.setsockopt(SockOpt.SO_LINGER, new OptValue.Linger(true, 7)));
        CallEvent raw = s.getsockopt(SockOpt.SO_LINGER, 8);
        assertThat(raw.result()).isEqualTo(new CallResult.Option(new OptValue.Raw(new OptValue.Linger(true, 7).toBytes())));
        assertThat(intOption(s, SockOpt.SO_LINGER)).as("Python reads l_onoff as the int").isEqualTo(1);

        CallEvent shortLinger = s.setsockopt(SockOpt.SO_LINGER, new OptValue.IntValue(1));
        assertThat(shortLinger.errno().orElseThrow().name()).as("an int is too short for struct linger").isEqualTo("EINVAL");
    }

    private static int intOption(Sock sock, SockOpt option) {
        CallEvent event = sock.getsockopt(option);
        ok(event);
        return ((OptValue.IntValue) ((CallResult.Option) event.result()).value()).value();
    }

    private static void await(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(condition.get()).as("condition within 5 s").isTrue();
    }
}

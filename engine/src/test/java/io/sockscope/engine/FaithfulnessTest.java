package io.sockscope.engine;

import static io.sockscope.engine.Calls.client;
import static io.sockscope.engine.Calls.data;
import static io.sockscope.engine.Calls.fails;
import static io.sockscope.engine.Calls.listener;
import static io.sockscope.engine.Calls.ok;
import static io.sockscope.engine.Calls.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.kernel.KernelState;
import io.sockscope.engine.kernel.ProcTcpEntry;
import io.sockscope.engine.kernel.TcpState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kernel behaviours sockscope exists to show, each on real loopback sockets. */
@ExtendWith(LeakCheck.class)
class FaithfulnessTest {
    private final Engine engine = new Engine();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void connectToBoundButNotListeningPortIsRefused() {
        ok(engine.socket("server", Family.INET));
        Sock server = engine.sock("server").orElseThrow();
        ok(server.bind("127.0.0.1", 0));
        ok(engine.socket("c", Family.INET));
        Sock c = engine.sock("c").orElseThrow();

        CallEvent connect = fails(c.connect("127.0.0.1", port(server)), "ECONNREFUSED");
        assertThat(connect.errno().orElseThrow().number()).isEqualTo(111);
        assertThat(connect.errno().orElseThrow().message()).isEqualTo("Connection refused");
        assertThat(connect.remote()).hasValue(new Endpoint("127.0.0.1", port(server)));

        ok(engine.socket("d", Family.INET));
        CallEvent connectEx = ok(engine.sock("d").orElseThrow().connectEx("127.0.0.1", port(server)));
        assertThat(connectEx.result()).isEqualTo(new CallResult.ErrorCode(111));
    }

    @Test
    void aBlockingSocketRefusedOnceConnectsOnItsNextTry() {
        Sock server = listener(engine, "server", 1);
        ok(engine.socket("c", Family.INET));
        Sock c = engine.sock("c").orElseThrow();
        int closed = port(listener(engine, "gone", 1));
        ok(engine.sock("gone").orElseThrow().close());

        fails(c.connect("127.0.0.1", closed), "ECONNREFUSED");
        assertThat(c.connectEx("127.0.0.1", closed).result()).isEqualTo(new CallResult.ErrorCode(111));
        ok(c.connect("127.0.0.1", port(server)));
        assertThat(c.kernelView().orElseThrow().state()).isEqualTo(TcpState.ESTABLISHED);
    }

    @Test
    void connectOnAConnectedBlockingSocketFailsWithEisconn() {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        CallEvent again = fails(c.connect("127.0.0.1", port(server)), "EISCONN");
        assertThat(again.errno().orElseThrow().message()).isEqualTo("Transport endpoint is already connected");
        assertThat(c.connectEx("127.0.0.1", 1).result()).isEqualTo(new CallResult.ErrorCode(106));
    }

    @Test
    void withATimeoutASecondConnectBehavesAsCpythonsDoes() {
        Sock server = listener(engine, "server", 1);
        ok(engine.socket("c", Family.INET));
        Sock c = engine.sock("c").orElseThrow();
        ok(c.settimeout(OptionalDouble.of(2)));
        int closed = port(listener(engine, "gone", 1));
        ok(engine.sock("gone").orElseThrow().close());

        fails(c.connect("127.0.0.1", closed), "ECONNREFUSED");
        fails(c.connect("127.0.0.1", port(server)), "ECONNABORTED");
        ok(c.connect("127.0.0.1", port(server)));
    }

    @Test
    void afterListenTheKernelCompletesTheHandshakeBeforeAccept() {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        assertThat(c.kernelView().orElseThrow().state()).isEqualTo(TcpState.ESTABLISHED);
        assertThat(server.kernelView().orElseThrow().receiveQueueBytes()).as("connections waiting for accept").isEqualTo(1);
        ok(c.sendall("early".getBytes(StandardCharsets.US_ASCII)));

        CallEvent accept = ok(server.accept("conn"));
        CallResult.Accepted accepted = (CallResult.Accepted) accept.result();
        assertThat(accepted.peer()).isEqualTo(c.lastLocal().orElseThrow());
        assertThat(data(engine.sock("conn").orElseThrow().recv(1024))).asString().isEqualTo("early");
    }

    @Test
    void bindOverTimeWaitNeedsReuseAddrOnBothSockets() {
        int port = timeWaitOn(false);
        ok(engine.socket("again", Family.INET));
        Sock again = engine.sock("again").orElseThrow();
        ok(again.setsockopt(SockOpt.SO_REUSEADDR, new OptValue.IntValue(1)));
        CallEvent bind = fails(again.bind("127.0.0.1", port), "EADDRINUSE");
        assertThat(bind.errno().orElseThrow().message()).isEqualTo("Address already in use");

        int reusablePort = timeWaitOn(true);
        ok(engine.socket("plain", Family.INET));
        fails(engine.sock("plain").orElseThrow().bind("127.0.0.1", reusablePort), "EADDRINUSE");
        ok(engine.socket("reusing", Family.INET));
        Sock reusing = engine.sock("reusing").orElseThrow();
        ok(reusing.setsockopt(SockOpt.SO_REUSEADDR, new OptValue.IntValue(1)));
        ok(reusing.bind("127.0.0.1", reusablePort));
    }

    /** A connection whose server side closed first, so the server's port is held in TIME_WAIT. */
    private int timeWaitOn(boolean reuseAddr) {
        String prefix = reuseAddr ? "r" : "p";
        ok(engine.socket(prefix + "server", Family.INET));
        Sock server = engine.sock(prefix + "server").orElseThrow();
        if (reuseAddr) {
            ok(server.setsockopt(SockOpt.SO_REUSEADDR, new OptValue.IntValue(1)));
        }
        ok(server.bind("127.0.0.1", 0));
        ok(server.listen(1));
        int port = port(server);
        Sock c = client(engine, prefix + "c", server);
        ok(server.accept(prefix + "conn"));
        Sock conn = engine.sock(prefix + "conn").orElseThrow();
        ok(conn.close());
        ok(server.close());
        assertThat(data(c.recv(10))).isEmpty();
        ok(c.close());

        KernelState state = conn.kernelState();
        assertThat(state).isInstanceOf(KernelState.Lingering.class);
        ProcTcpEntry entry = ((KernelState.Lingering) state).entry();
        assertThat(entry.state()).isEqualTo(TcpState.TIME_WAIT);
        assertThat(entry.timer()).isEqualTo(ProcTcpEntry.Timer.TIME_WAIT);
        assertThat(entry.timerRemaining()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
        return port;
    }

    @Test
    void nonBlockingSendIsShortThenSendallDeliversOnceThePeerReads() throws Exception {
        Sock server = listener(engine, "server", 1);
        ok(engine.socket("c", Family.INET));
        Sock c = engine.sock("c").orElseThrow();
        ok(c.setsockopt(SockOpt.SO_SNDBUF, new OptValue.IntValue(1)));
        ok(c.connect("127.0.0.1", port(server)));
        ok(server.accept("conn"));
        Sock conn = engine.sock("conn").orElseThrow();
        ok(c.setblocking(false));

        byte[] big = new byte[1 << 20];
        CallEvent send = ok(c.send(big));
        CallResult.Sent sent = (CallResult.Sent) send.result();
        assertThat(sent.requested()).isEqualTo(big.length);
        assertThat(sent.sent()).isPositive().isLessThan(big.length);
        long queued = sent.sent();
        CallEvent next = c.send(big);
        for (int i = 0; i < 1000 && next.ok(); i++) {
            queued += ((CallResult.Sent) next.result()).sent();
            next = c.send(big);
        }
        CallEvent full = fails(next, "EAGAIN");
        assertThat(full.errno().orElseThrow().message()).isEqualTo("Resource temporarily unavailable");
        long alreadyQueued = queued;

        ok(c.setblocking(true));
        byte[] payload = new byte[300_000];
        Arrays.fill(payload, (byte) 'x');
        Thread reader = Thread.ofVirtual().start(() -> {
            long want = alreadyQueued + payload.length;
            long got = 0;
            while (got < want) {
                got += data(conn.recv(65536)).length;
            }
        });
        CallEvent sendall = ok(c.sendall(payload));
        assertThat(sendall.result()).isEqualTo(new CallResult.SentAll(payload.length));
        reader.join();
    }

    @Test
    void closeWithUnreadBytesResetsThePeer() {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        ok(server.accept("conn"));
        Sock conn = engine.sock("conn").orElseThrow();
        ok(c.sendall(new byte[12]));
        awaitUnread(conn, 12);

        CallEvent close = ok(conn.close());
        assertThat(close.closing()).hasValueSatisfying(closing -> {
            assertThat(closing.unreadBytes()).isEqualTo(12);
            assertThat(closing.resets()).isTrue();
        });
        fails(c.recv(1024), "ECONNRESET");
    }

    @Test
    void lingerZeroThenCloseAborts() {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        ok(server.accept("conn"));
        Sock conn = engine.sock("conn").orElseThrow();
        byte[] linger = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder()).putInt(1).putInt(0).array();
        ok(conn.setsockopt(SockOpt.SO_LINGER, new OptValue.Raw(linger)));

        CallEvent close = ok(conn.close());
        assertThat(close.closing()).hasValue(new Closing(0, new OptValue.Linger(true, 0)));
        fails(c.recv(1024), "ECONNRESET");
    }

    @Test
    void shutdownWriteSendsEofWhileThisSideStillReceives() {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        ok(server.accept("conn"));
        Sock conn = engine.sock("conn").orElseThrow();
        ok(c.sendall("request".getBytes(StandardCharsets.US_ASCII)));
        ok(c.shutdown(Sock.How.SHUT_WR));

        CallEvent all = ok(conn.recvUntilEof(4));
        assertThat(all.result()).isEqualTo(new CallResult.Received("request".getBytes(StandardCharsets.US_ASCII), true));
        ok(conn.sendall("reply".getBytes(StandardCharsets.US_ASCII)));
        ok(conn.close());
        ok(c.settimeout(OptionalDouble.of(5)));
        assertThat(data(c.recvUntilEof(1024))).asString().isEqualTo("reply");
    }

    private static void awaitUnread(Sock sock, long bytes) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sock.kernelView().orElseThrow().receiveQueueBytes() < bytes && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sock.kernelView().orElseThrow().receiveQueueBytes()).isEqualTo(bytes);
    }
}

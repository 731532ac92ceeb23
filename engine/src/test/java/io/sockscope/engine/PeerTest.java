package io.sockscope.engine;

import static io.sockscope.engine.Calls.data;
import static io.sockscope.engine.Calls.fails;
import static io.sockscope.engine.Calls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.peer.Peer;
import io.sockscope.engine.peer.PeerConnection;
import io.sockscope.engine.peer.PeerKind;
import io.sockscope.engine.peer.PeerStart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The built-in peers, each driven by real client sockets of the engine. */
@ExtendWith(LeakCheck.class)
class PeerTest {
    private final Engine engine = new Engine();
    private final List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());

    PeerTest() {
        engine.addListener(events::add);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Peer serve(String name, PeerKind kind, String host) {
        PeerStart start = engine.serve(name, kind, host, 0);
        assertThat(start).isInstanceOf(PeerStart.Started.class);
        Peer peer = ((PeerStart.Started) start).peer();
        assertThat(peer.endpoint().port()).isPositive();
        return peer;
    }

    private Sock connect(String name, Peer peer) {
        Family family = peer.endpoint().family();
        ok(engine.socket(name, family));
        Sock sock = engine.sock(name).orElseThrow();
        ok(sock.settimeout(OptionalDouble.of(10)));
        ok(sock.connect(peer.endpoint().host(), peer.endpoint().port()));
        return sock;
    }

    @Test
    void echoServesSeveralClientsAtOnce() throws Exception {
        Peer echo = serve("echo", PeerKind.ECHO, "127.0.0.1");
        int clients = 6;
        List<Sock> socks = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            socks.add(connect("c" + i, echo));
        }
        awaitConnections(echo, clients);
        assertThat(echo.connections()).extracting(PeerConnection::local).containsOnly(echo.endpoint());
        assertThat(echo.connections()).extracting(PeerConnection::remote)
                .containsExactlyInAnyOrderElementsOf(socks.stream().map(s -> s.lastLocal().orElseThrow()).toList());

        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Sock sock = socks.get(i);
            byte[] message = ("client " + i + " ").repeat(5000).getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<String> reply = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                ok(sock.sendall(message));
                ok(sock.shutdown(Sock.How.SHUT_WR));
                reply.complete(new String(data(sock.recvUntilEof(4096)), StandardCharsets.US_ASCII));
            });
            replies.add(reply);
        }
        for (int i = 0; i < clients; i++) {
            assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(("client " + i + " ").repeat(5000));
        }
        awaitConnections(echo, 0);
        assertThat(engine.stopPeer("echo")).isTrue();
        assertThat(engine.peers()).isEmpty();

        synchronized (events) {
            assertThat(events.stream().filter(e -> e instanceof EngineEvent.PeerConnected)).hasSize(clients);
            assertThat(events.stream().filter(e -> e instanceof EngineEvent.PeerDisconnected)).hasSize(clients);
            assertThat(events.getFirst()).isEqualTo(new EngineEvent.PeerStarted("echo", PeerKind.ECHO, echo.endpoint()));
            assertThat(events.getLast()).isEqualTo(new EngineEvent.PeerStopped("echo"));
            assertThat(events.stream().filter(e -> e instanceof CallEvent).map(e -> ((CallEvent) e).socket()))
                    .as("peers make no call events").allMatch(name -> name.startsWith("c"));
        }
    }

    @Test
    void echoListensOnIpv6Loopback() {
        Peer echo = serve("echo6", PeerKind.ECHO, "::1");
        assertThat(echo.endpoint().host()).isEqualTo("::1");
        Sock c = connect("c", echo);
        CallEvent name = ok(c.getsockname());
        assertThat(((CallResult.Address) name.result()).endpoint().host()).isEqualTo("::1");
        assertThat(name.remote()).hasValue(echo.endpoint());
        ok(c.sendall("six".getBytes(StandardCharsets.US_ASCII)));
        assertThat(data(c.recv(16))).asString().isEqualTo("six");
    }

    @Test
    void discardReadsEverythingAndClosesAtEof() {
        Peer discard = serve("discard", PeerKind.DISCARD, "127.0.0.1");
        Sock c = connect("c", discard);
        ok(c.sendall(new byte[200_000]));
        ok(c.shutdown(Sock.How.SHUT_WR));
        CallEvent rest = ok(c.recvUntilEof(1024));
        assertThat(rest.result()).isEqualTo(new CallResult.Received(new byte[0], true));
    }

    @Test
    void chargenSendsTheRfc864Pattern() {
        Peer chargen = serve("chargen", PeerKind.CHARGEN, "127.0.0.1");
        Sock c = connect("c", chargen);
        ok(c.sendall("ignored".getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (received.size() < 74 * 96) {
            received.writeBytes(data(c.recv(4096)));
        }
        String[] lines = received.toString(StandardCharsets.US_ASCII).split("\r\n");
        assertThat(lines[0]).isEqualTo("!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefg"
                .transform(s -> " " + s.substring(0, 71)));
        assertThat(lines[1]).isEqualTo(lines[0].substring(1) + "h");
        assertThat(lines[95]).as("the pattern repeats after 95 lines").isEqualTo(lines[0]);
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(72));
    }

    @Test
    void sinkNeverReadsSoANonBlockingSenderFillsTheWindowsAndItClosesWhenTheClientResets() {
        Peer sink = serve("sink", PeerKind.SINK, "127.0.0.1");
        Sock c = connect("c", sink);
        ok(c.setblocking(false));
        CallEvent send = c.send(new byte[1 << 20]);
        for (int i = 0; i < 10_000 && send.ok(); i++) {
            send = c.send(new byte[1 << 20]);
        }
        fails(send, "EAGAIN");
        assertThat(c.kernelView().orElseThrow().sendQueueBytes()).isPositive();
        ok(c.setsockopt(SockOpt.SO_LINGER, new OptValue.Linger(true, 0)));
        ok(c.close());
        awaitConnections(sink, 0);
    }

    @Test
    void peersAreListedStoppedByNameAndRefuseTakenNamesAndPorts() {
        Peer echo = serve("a", PeerKind.ECHO, "127.0.0.1");
        serve("b", PeerKind.CHARGEN, "127.0.0.1");
        assertThat(engine.peers()).extracting(Peer::name).containsExactly("a", "b");
        assertThat(engine.peer("a")).containsSame(echo);

        assertThat(engine.serve("a", PeerKind.SINK, "127.0.0.1", 0))
                .isEqualTo(new PeerStart.NotStarted(new Failure.NameInUse("a")));
        PeerStart taken = engine.serve("c", PeerKind.SINK, "127.0.0.1", echo.endpoint().port());
        assertThat(((PeerStart.NotStarted) taken).failure()).isEqualTo(Failure.os(98));

        Sock c = connect("c", engine.peer("b").orElseThrow());
        assertThat(data(c.recv(10))).hasSize(10);
        assertThat(engine.stopPeer("b")).isTrue();
        assertThat(engine.stopPeer("b")).isFalse();
        CallEvent after = c.recvUntilEof(1 << 16);
        assertThat(after.ok() ? ((CallResult.Received) after.result()).eof() : after.errno().orElseThrow().name())
                .as("the client sees the stopped chargen's FIN or RST").isIn(true, "ECONNRESET");
        assertThat(engine.peers()).extracting(Peer::name).containsExactly("a");
    }

    private static void awaitConnections(Peer peer, int count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (peer.connections().size() != count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(peer.connections()).hasSize(count);
    }
}

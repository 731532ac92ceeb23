package io.sockscope.engine;

import static io.sockscope.engine.Calls.client;
import static io.sockscope.engine.Calls.data;
import static io.sockscope.engine.Calls.fails;
import static io.sockscope.engine.Calls.listener;
import static io.sockscope.engine.Calls.ok;
import static io.sockscope.engine.Calls.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.EngineEvent.CallStarted;
import io.sockscope.engine.kernel.TcpState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Python's timeout modes, and ending a blocking call from another thread. */
@ExtendWith(LeakCheck.class)
class TimeoutAndCancelTest {
    private final Engine engine = new Engine();
    private final BlockingQueue<CallStarted> started = new LinkedBlockingQueue<>();

    TimeoutAndCancelTest() {
        engine.addListener(event -> {
            if (event instanceof CallStarted call && call.op().mayBlock()) {
                started.add(call);
            }
        });
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void recvWithATimeoutOnASilentConnectionTimesOutThenStillWorks() {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        ok(server.accept("conn"));
        ok(c.settimeout(OptionalDouble.of(0.2)));
        assertThat(c.timeout()).hasValue(0.2);

        CallEvent recv = c.recv(1024);
        assertThat(recv.failure()).hasValue(new Failure.TimedOut());
        assertThat(recv.errno()).isEmpty();
        assertThat(recv.durationMicros()).isBetween(200_000L, 5_000_000L);

        ok(engine.sock("conn").orElseThrow().sendall("late".getBytes(StandardCharsets.US_ASCII)));
        assertThat(data(c.recv(1024))).asString().isEqualTo("late");
    }

    @Test
    void nonBlockingCallsReportEagainAndEinprogress() {
        Sock server = listener(engine, "server", 1);
        ok(server.setblocking(false));
        assertThat(server.timeout()).hasValue(0.0);
        fails(server.accept("conn"), "EAGAIN");

        ok(engine.socket("c", Family.INET));
        Sock c = engine.sock("c").orElseThrow();
        ok(c.setblocking(false));
        assertThat(ok(c.connectEx("127.0.0.1", port(server))).result()).isEqualTo(new CallResult.ErrorCode(115));
        ok(server.settimeout(OptionalDouble.of(5)));
        ok(server.accept("conn"));
        fails(c.recv(10), "EAGAIN");
    }

    @Test
    void cancelEndsABlockingAcceptAndTheListenerStaysUsable() throws Exception {
        Sock server = listener(engine, "server", 1);
        CompletableFuture<CallEvent> accept = inBackground(() -> server.accept("conn"));
        CallStarted call = started.poll(5, TimeUnit.SECONDS);
        assertThat(call.op()).isEqualTo(Op.ACCEPT);
        assertThat(engine.runningCalls()).extracting(CallStarted::id).contains(call.id());

        assertThat(engine.cancel(call.id())).isTrue();
        CallEvent cancelled = accept.get(5, TimeUnit.SECONDS);
        assertThat(cancelled.failure()).hasValue(new Failure.Cancelled());
        assertThat(engine.runningCalls()).isEmpty();
        assertThat(engine.cancel(call.id())).isFalse();

        client(engine, "c", server);
        ok(server.accept("conn"));
    }

    @Test
    void cancelEndsABlockingRecvAndTheConnectionStaysUsable() throws Exception {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        ok(server.accept("conn"));
        CompletableFuture<CallEvent> recv = inBackground(() -> c.recv(1024));
        started.poll(5, TimeUnit.SECONDS);
        assertThat(engine.cancelAll()).isEqualTo(1);
        assertThat(recv.get(5, TimeUnit.SECONDS).failure()).hasValue(new Failure.Cancelled());

        ok(engine.sock("conn").orElseThrow().sendall("after".getBytes(StandardCharsets.US_ASCII)));
        assertThat(data(c.recv(1024))).asString().isEqualTo("after");
    }

    @Test
    void interruptingTheWaitingThreadCancelsTheCall() throws Exception {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        CompletableFuture<CallEvent> result = new CompletableFuture<>();
        started.clear();
        Thread waiting = Thread.ofVirtual().start(() -> result.complete(c.recv(1024)));
        started.poll(5, TimeUnit.SECONDS);
        waiting.interrupt();
        assertThat(result.get(5, TimeUnit.SECONDS).failure()).hasValue(new Failure.Cancelled());
        waiting.join();
    }

    @Test
    void closingFromAnotherThreadEndsABlockingRecvWithEbadf() throws Exception {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        CompletableFuture<CallEvent> recv = inBackground(() -> c.recv(1024));
        started.poll(5, TimeUnit.SECONDS);
        ok(c.close());
        fails(recv.get(5, TimeUnit.SECONDS), "EBADF");
    }

    @Test
    void aConnectWhoseSynIsDroppedByAFullBacklogCanBeCancelledOrTimeOut() throws Exception {
        Sock server = listener(engine, "server", 0);
        client(engine, "first", server);
        ok(engine.socket("c", Family.INET));
        Sock c = engine.sock("c").orElseThrow();

        CompletableFuture<CallEvent> connect = inBackground(() -> c.connect("127.0.0.1", port(server)));
        CallStarted call = started.poll(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (c.kernelView().orElseThrow().state() != TcpState.SYN_SENT && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(c.kernelView().orElseThrow().state()).isEqualTo(TcpState.SYN_SENT);
        engine.cancel(call.id());
        CallEvent cancelled = connect.get(5, TimeUnit.SECONDS);
        assertThat(cancelled.failure()).hasValue(new Failure.Cancelled());
        assertThat(cancelled.remote()).hasValue(new Endpoint("127.0.0.1", port(server)));
        assertThat(cancelled.local()).isPresent();
        assertThat(c.kernelView().orElseThrow().state()).as("the kernel goes on trying").isEqualTo(TcpState.SYN_SENT);

        ok(engine.socket("d", Family.INET));
        Sock d = engine.sock("d").orElseThrow();
        ok(d.settimeout(OptionalDouble.of(0.3)));
        assertThat(d.connect("127.0.0.1", port(server)).failure()).hasValue(new Failure.TimedOut());
        ok(engine.socket("e", Family.INET));
        Sock e = engine.sock("e").orElseThrow();
        ok(e.settimeout(OptionalDouble.of(0.3)));
        assertThat(ok(e.connectEx("127.0.0.1", port(server))).result())
                .as("CPython's connect_ex reports a timeout as EWOULDBLOCK").isEqualTo(new CallResult.ErrorCode(11));
    }

    @Test
    void sendallWithATimeoutReportsHowMuchItQueued() {
        Sock server = listener(engine, "server", 1);
        Sock c = client(engine, "c", server);
        ok(server.accept("conn"));
        ok(c.settimeout(OptionalDouble.of(0.3)));
        CallEvent sendall = c.sendall(new byte[64 << 20]);
        assertThat(sendall.failure()).hasValue(new Failure.TimedOut());
        assertThat(((CallResult.SentAll) sendall.result()).sent()).isPositive().isLessThan(64 << 20);
    }

    @Test
    void manyBlockedCallsOnVirtualThreadsDoNotStarveOtherVirtualThreads() throws Exception {
        Sock server = listener(engine, "server", 32);
        int count = 4 * Runtime.getRuntime().availableProcessors() + 4;
        List<Sock> clients = new ArrayList<>();
        List<CompletableFuture<CallEvent>> recvs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Sock c = client(engine, "c" + i, server);
            ok(server.accept("conn" + i));
            clients.add(c);
        }
        started.clear();
        for (Sock c : clients) {
            CompletableFuture<CallEvent> result = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> result.complete(c.recv(16)));
            recvs.add(result);
        }
        for (int i = 0; i < count; i++) {
            assertThat(started.poll(5, TimeUnit.SECONDS)).isNotNull();
        }
        CompletableFuture<Void> senders = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < count; i++) {
                ok(engine.sock("conn" + i).orElseThrow().sendall(new byte[] {(byte) i}));
            }
        }, command -> Thread.ofVirtual().start(command));
        senders.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            assertThat(data(recvs.get(i).get(10, TimeUnit.SECONDS))).containsExactly((byte) i);
        }
    }

    /** Runs {@code call} on a virtual thread, after forgetting the starts of earlier calls. */
    private <T> CompletableFuture<T> inBackground(Supplier<T> call) {
        started.clear();
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> result.complete(call.get()));
        return result;
    }
}

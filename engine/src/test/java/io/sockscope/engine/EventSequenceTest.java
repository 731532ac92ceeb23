package io.sockscope.engine;

import static io.sockscope.engine.Calls.fails;
import static io.sockscope.engine.Calls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sockscope.engine.EngineEvent.CallStarted;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The exact events a session emits: ids, ops, arguments, results, errors, times, endpoints. */
@ExtendWith(LeakCheck.class)
class EventSequenceTest {
    private final Engine engine = new Engine();
    private final List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());

    EventSequenceTest() {
        engine.addListener(events::add);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aClientServerExchangeIsOneStartedAndOneFinishedEventPerCall() {
        long before = Engine.nowMicros();
        ok(engine.socket("server", Family.INET));
        Sock server = engine.sock("server").orElseThrow();
        ok(server.bind("127.0.0.1", 0));
        ok(server.listen(1));
        int port = server.lastLocal().orElseThrow().port();
        ok(engine.socket("s", Family.INET));
        Sock s = engine.sock("s").orElseThrow();
        ok(s.connect("127.0.0.1", port));
        ok(server.accept("conn"));
        Sock conn = engine.sock("conn").orElseThrow();
        ok(s.send("hello\n".getBytes(StandardCharsets.US_ASCII)));
        ok(conn.recv(1024));
        ok(s.getsockname());
        ok(s.getpeername());
        ok(s.fileno());
        ok(s.settimeout(OptionalDouble.of(2.0)));
        ok(s.setblocking(false));
        ok(s.setsockopt(SockOpt.SO_LINGER, new OptValue.Linger(true, 0)));
        ok(s.getsockopt(SockOpt.TCP_NODELAY));
        ok(s.shutdown(Sock.How.SHUT_WR));
        ok(s.close());
        long after = Engine.nowMicros();

        List<CallEvent> calls = calls();
        assertThat(calls).extracting(CallEvent::id, CallEvent::socket, e -> e.op().wireName()).containsExactly(
                tuple(1L, "server", "socket"), tuple(2L, "server", "bind"), tuple(3L, "server", "listen"),
                tuple(4L, "s", "socket"), tuple(5L, "s", "connect"), tuple(6L, "server", "accept"),
                tuple(7L, "s", "send"), tuple(8L, "conn", "recv"), tuple(9L, "s", "getsockname"),
                tuple(10L, "s", "getpeername"), tuple(11L, "s", "fileno"), tuple(12L, "s", "settimeout"),
                tuple(13L, "s", "setblocking"), tuple(14L, "s", "setsockopt"), tuple(15L, "s", "getsockopt"),
                tuple(16L, "s", "shutdown"), tuple(17L, "s", "close"));
        assertThat(calls).extracting(CallEvent::args).containsExactly(
                Map.of("family", "AF_INET", "type", "SOCK_STREAM"), Map.of("host", "127.0.0.1", "port", 0),
                Map.of("backlog", 1), Map.of("family", "AF_INET", "type", "SOCK_STREAM"),
                Map.of("host", "127.0.0.1", "port", port), Map.of("as", "conn"),
                Map.of("len", 6, "repr", "b'hello\\n'"), Map.of("bufsize", 1024), Map.of(), Map.of(), Map.of(),
                Map.of("seconds", 2.0), Map.of("flag", false),
                Map.of("level", "SOL_SOCKET", "option", "SO_LINGER", "value", List.of(1, 0)),
                Map.of("level", "IPPROTO_TCP", "option", "TCP_NODELAY"), Map.of("how", "SHUT_WR"), Map.of());
        assertThat(new ArrayList<>(calls.get(0).args().keySet())).containsExactly("family", "type");
        assertThat(new ArrayList<>(calls.get(13).args().keySet())).containsExactly("level", "option", "value");

        for (CallEvent call : calls) {
            assertThat(call.startMicros()).isBetween(before, call.endMicros());
            assertThat(call.endMicros()).isLessThanOrEqualTo(after);
        }
        Endpoint client = calls.get(4).local().orElseThrow();
        Endpoint listening = new Endpoint("127.0.0.1", port);
        assertThat(calls.get(4).remote()).hasValue(listening);
        assertThat(calls.get(5).result()).isEqualTo(new CallResult.Accepted("conn", client, listening));
        assertThat(calls.get(6).result()).isEqualTo(new CallResult.Sent(6, 6));
        assertThat(calls.get(7).result()).isEqualTo(new CallResult.Received("hello\n".getBytes(StandardCharsets.US_ASCII), false));
        assertThat(calls.get(7).local()).hasValue(listening);
        assertThat(calls.get(7).remote()).hasValue(client);
        assertThat(calls.get(8).result()).isEqualTo(new CallResult.Address(client));
        assertThat(calls.get(9).result()).isEqualTo(new CallResult.Address(listening));
        assertThat(((CallResult.Fd) calls.get(10).result()).fd()).isEqualTo(((CallResult.Fd) calls.get(3).result()).fd());
        assertThat(calls.get(14).result()).isEqualTo(new CallResult.Option(new OptValue.IntValue(0)));
        assertThat(calls.get(16).local()).hasValue(client);
        assertThat(calls.get(16).remote()).hasValue(listening);
        assertThat(calls.get(16).closing()).hasValue(new Closing(0, new OptValue.Linger(true, 0)));

        List<CallStarted> started = events.stream().filter(e -> e instanceof CallStarted).map(e -> (CallStarted) e).toList();
        assertThat(started).extracting(CallStarted::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L,
                13L, 14L, 15L, 16L, 17L);
        for (int i = 0; i < events.size(); i += 2) {
            CallStarted start = (CallStarted) events.get(i);
            CallEvent end = (CallEvent) events.get(i + 1);
            assertThat(end.id()).isEqualTo(start.id());
            assertThat(end.startMicros()).isBetween(start.startMicros(), end.endMicros());
            assertThat(end.args()).isEqualTo(start.args());
        }
    }

    @Test
    void failuresCarryErrnoOrPythonsOwnError() {
        ok(engine.socket("s", Family.INET));
        Sock s = engine.sock("s").orElseThrow();
        CallEvent overflow = s.bind("127.0.0.1", 70000);
        assertThat(overflow.failure()).hasValue(new Failure.BadArgument(Failure.PythonException.OVERFLOW_ERROR,
                "bind(): port must be 0-65535."));
        assertThat(s.recv(-1).failure()).hasValue(new Failure.BadArgument(Failure.PythonException.VALUE_ERROR,
                "negative buffersize in recv"));
        assertThat(s.settimeout(OptionalDouble.of(-1)).failure()).hasValue(new Failure.BadArgument(
                Failure.PythonException.VALUE_ERROR, "Timeout value out of range"));
        assertThat(s.getsockopt(SockOpt.SO_LINGER, 2000).failure()).hasValue(new Failure.BadArgument(
                Failure.PythonException.OS_ERROR, "getsockopt buflen out of range"));
        assertThat(s.connect("no-such-host.invalid", 80).failure()).hasValueSatisfying(f ->
                assertThat(f).isEqualTo(new Failure.AddressError(-2, "EAI_NONAME", "Name or service not known")));
        fails(s.getpeername(), "ENOTCONN");
        assertThat(engine.socket("s", Family.INET).failure()).hasValue(new Failure.NameInUse("s"));

        ok(engine.socket("six", Family.INET6));
        CallEvent wrongFamily = engine.sock("six").orElseThrow().connect("127.0.0.1", 80);
        assertThat(wrongFamily.failure()).hasValue(new Failure.AddressError(-9, "EAI_ADDRFAMILY",
                "Address family for hostname not supported"));

        ok(s.close());
        ok(s.close());
        assertThat(ok(s.fileno()).result()).isEqualTo(new CallResult.Fd(-1));
        fails(s.send(new byte[1]), "EBADF");
        fails(s.setblocking(true), "EBADF");
        assertThat(s.timeout()).isEmpty();
        assertThat(ok(engine.socket("s", Family.INET)).socket()).as("a closed socket's name can be reused").isEqualTo("s");

        assertThat(calls()).allSatisfy(call -> assertThat(call.startMicros()).isLessThanOrEqualTo(call.endMicros()));
        assertThat(calls()).extracting(CallEvent::id).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void sendArgumentsAbbreviateTheReprPast64Bytes() {
        ok(engine.socket("s", Family.INET));
        byte[] data = new byte[100];
        java.util.Arrays.fill(data, (byte) 'x');
        CallEvent send = fails(engine.sock("s").orElseThrow().send(data), "EPIPE");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("len", 100);
        expected.put("repr", "b'" + "x".repeat(64) + "'...");
        assertThat(send.args()).isEqualTo(expected);
        assertThat(send.local()).isEmpty();
        assertThat(send.remote()).isEmpty();
    }

    @Test
    void settimeoutNoneIsANullArgument() {
        ok(engine.socket("s", Family.INET));
        CallEvent none = ok(engine.sock("s").orElseThrow().settimeout(OptionalDouble.empty()));
        assertThat(none.args()).containsEntry("seconds", null).hasSize(1);
    }

    private List<CallEvent> calls() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof CallEvent).map(e -> (CallEvent) e).toList();
        }
    }
}

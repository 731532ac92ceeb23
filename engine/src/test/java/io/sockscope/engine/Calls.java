package io.sockscope.engine;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on call events shared by the engine tests. */
final class Calls {
    private Calls() {
    }

    /** Asserts the call succeeded and returns it. */
    static CallEvent ok(CallEvent event) {
        assertThat(event.failure()).as("%s %s %s", event.socket(), event.op().wireName(), event.args()).isEmpty();
        return event;
    }

    /** Asserts the call failed with errno {@code name} and returns it. */
    static CallEvent fails(CallEvent event, String name) {
        assertThat(event.errno()).as("%s %s", event.op().wireName(), event.failure())
                .hasValueSatisfying(errno -> assertThat(errno.name()).isEqualTo(name));
        return event;
    }

    /** The ephemeral port a socket is bound to. */
    static int port(Sock sock) {
        return sock.lastLocal().orElseThrow().port();
    }

    /** A listener on 127.0.0.1, port 0, listening with {@code backlog}. */
    static Sock listener(Engine engine, String name, int backlog) {
        ok(engine.socket(name, Family.INET));
        Sock sock = engine.sock(name).orElseThrow();
        ok(sock.bind("127.0.0.1", 0));
        ok(sock.listen(backlog));
        return sock;
    }

    /** A client connected to {@code server}'s port. */
    static Sock client(Engine engine, String name, Sock server) {
        ok(engine.socket(name, Family.INET));
        Sock sock = engine.sock(name).orElseThrow();
        ok(sock.connect("127.0.0.1", port(server)));
        return sock;
    }

    /** The data of a recv result. */
    static byte[] data(CallEvent event) {
        return ((CallResult.Received) ok(event).result()).data();
    }
}

package io.sockscope.inspector.live;

import io.sockscope.engine.Sock;

/**
 * A connection between two of the session's own sockets: {@code srv} listens, {@code client}
 * connects, {@code conn} is accepted. Every call is settled through the run.
 */
record Pair(Sock listener, Sock client, Sock server) {

    static Pair open(LiveRun run) {
        Sock srv = run.socket("srv");
        run.settle(srv.bind("127.0.0.1", 0));
        run.settle(srv.listen(1));
        Sock client = run.socket("client");
        run.settle(client.connect("127.0.0.1", srv.lastLocal().orElseThrow().port()));
        run.settle(srv.accept("conn"));
        return new Pair(srv, client, run.engine.sock("conn").orElseThrow());
    }
}

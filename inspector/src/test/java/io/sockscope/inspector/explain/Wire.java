package io.sockscope.inspector.explain;

import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Endpoint;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes synthetic segments of one connection as tshark would number them: relative seq/ack
 * kept per side, frames numbered from 1, time advanced explicitly. Each method sends one
 * segment from the client ({@code c...}) or the server ({@code s...}) and returns it.
 */
final class Wire {

    static final Endpoint CLIENT = new Endpoint("127.0.0.1", 51234, 4);
    static final Endpoint SERVER = new Endpoint("127.0.0.1", 9000, 4);
    static final Endpoint REMOTE_CLIENT = new Endpoint("10.0.0.1", 51234, 4);
    static final Endpoint REMOTE_SERVER = new Endpoint("10.0.0.2", 9000, 4);
    private static final byte[] SYN_OPTIONS = {2, 4, (byte) 0xFF, (byte) 0xD7, 4, 2, 8, 10, 0, 0,
        0, 1, 0, 0, 0, 0, 1, 3, 3, 7};

    static final int S = TcpFlags.SYN;
    static final int A = TcpFlags.ACK;
    static final int P = TcpFlags.PSH | TcpFlags.ACK;
    static final int F = TcpFlags.FIN | TcpFlags.ACK;
    static final int R = TcpFlags.RST | TcpFlags.ACK;

    private final Endpoint client;
    private final Endpoint server;
    private final int stream;
    private final List<Segment> sent = new ArrayList<>();
    private long frame;
    private long nanos = 1_700_000_000_000_000_000L;
    /** Next relative sequence number of each side. */
    private long clientSeq;
    private long serverSeq;

    Wire() {
        this(CLIENT, SERVER, 0);
    }

    Wire(Endpoint client, Endpoint server, int stream) {
        this.client = client;
        this.server = server;
        this.stream = stream;
    }

    /** Continues frame numbers and time from {@code before} (a later connection). */
    Wire after(Wire before) {
        frame = before.frame;
        nanos = before.nanos;
        return this;
    }

    Wire pause(long micros) {
        nanos += micros * 1000;
        return this;
    }

    long nowNanos() {
        return nanos;
    }

    List<Segment> sent() {
        return sent;
    }

    /** SYN, SYN+ACK, ACK, 20 µs apart. */
    Wire handshake() {
        c(S, 0, 65495, 0);
        s(S | A, 0, 65483, 0);
        c(A, 0, 512 * 128, 0);
        return this;
    }

    Segment c(int flags, int length, int analysis) {
        return c(flags, length, 512 * 128, analysis);
    }

    Segment s(int flags, int length, int analysis) {
        return s(flags, length, 512 * 128, analysis);
    }

    Segment c(int flags, int length, long window, int analysis) {
        return send(true, flags, -1, length, window, analysis);
    }

    Segment s(int flags, int length, long window, int analysis) {
        return send(false, flags, -1, length, window, analysis);
    }

    /** A segment from the client with an explicit sequence number (a resend or a probe). */
    Segment cAt(long seq, int flags, int length, int analysis) {
        return send(true, flags, seq, length, 512 * 128, analysis);
    }

    private Segment send(boolean fromClient, int flags, long explicitSeq, int length, long window,
            int analysis) {
        nanos += 20_000;
        frame++;
        long seq = explicitSeq >= 0 ? explicitSeq : fromClient ? clientSeq : serverSeq;
        boolean syn = (flags & S) != 0;
        boolean fin = (flags & TcpFlags.FIN) != 0;
        long next = seq + length + (syn || fin ? 1 : 0);
        if (explicitSeq < 0) {
            if (fromClient) {
                clientSeq = next;
            } else {
                serverSeq = next;
            }
        }
        long ack = (flags & A) == 0 ? 0 : fromClient ? serverSeq : clientSeq;
        int raw = (int) (syn ? window : window >> 7);
        TcpOptions options = syn ? TcpOptions.of(SYN_OPTIONS, 0) : TcpOptions.NONE;
        Segment segment = new Segment(frame, nanos, fromClient ? client : server,
                fromClient ? server : client, stream, flags, seq, ack, next, length, raw, 0,
                syn ? raw : window, syn ? Segment.NO_SCALE_FACTOR : 128, options, analysis, 0, 0,
                seq, ack);
        sent.add(segment);
        return segment;
    }

    static int flags(AnalysisFlag... flags) {
        int bits = 0;
        for (AnalysisFlag flag : flags) {
            bits |= flag.bit();
        }
        return bits;
    }
}

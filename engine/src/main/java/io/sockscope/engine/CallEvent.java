package io.sockscope.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One socket call, finished: the record every face renders and the inspector ties segments to.
 *
 * @param id          session-wide call number, from 1, one per call
 * @param socket      the name of the socket called ({@code s}, {@code server}); for socket(),
 *                    the name of the new socket
 * @param op          which call
 * @param args        the arguments, ordered, JSON-able (String, Number, Boolean, List, null),
 *                    named as in docs/ARCHITECTURE.md ({@code host}, {@code port}, {@code len}...)
 * @param startMicros when the call began (after its {@code CallStarted} was seen, so never
 *                    before that event's time), µs since the epoch (CLOCK_REALTIME, as pcap)
 * @param endMicros   when it returned, same clock; {@code startMicros <= endMicros}
 * @param result      the typed result (see {@link CallResult} for what a failure carries)
 * @param failure     why it failed; empty when it succeeded
 * @param local       the socket's local endpoint when the call ended; empty while unbound. For
 *                    close: just before it, or the last one known if the connection had ended
 * @param remote      its remote endpoint when the call ended; empty while not connected. For a
 *                    connect that did not connect: the address it tried. For close: as local
 * @param closing     for close() of an open socket: unread bytes and SO_LINGER just before
 */
public record CallEvent(long id, String socket, Op op, Map<String, Object> args, long startMicros,
                        long endMicros, CallResult result, Optional<Failure> failure,
                        Optional<Endpoint> local, Optional<Endpoint> remote, Optional<Closing> closing)
        implements EngineEvent {

    public CallEvent {
        args = frozen(args);
    }

    /** True when the call succeeded (connect_ex succeeds whatever code it returns). */
    public boolean ok() {
        return failure.isEmpty();
    }

    /** The errno of an {@link Failure.OsError}; empty for success and for other failures. */
    public Optional<Errno> errno() {
        return failure.flatMap(f -> f instanceof Failure.OsError os ? Optional.of(os.errno()) : Optional.empty());
    }

    /** Elapsed time, µs. */
    public long durationMicros() {
        return endMicros - startMicros;
    }

    static Map<String, Object> frozen(Map<String, Object> args) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
}

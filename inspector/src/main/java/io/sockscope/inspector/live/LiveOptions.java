package io.sockscope.inspector.live;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a live session captures.
 *
 * @param iface capture only on this interface ({@code -i}), instead of the interfaces the
 *              session's sockets use
 * @param write keep every captured frame in this pcap file ({@code -w}); capture then keeps
 *              whole frames rather than headers only
 */
public record LiveOptions(Optional<String> iface, Optional<Path> write) {

    /** Capture where the sockets are, keeping headers only, writing no file. */
    public static LiveOptions defaults() {
        return new LiveOptions(Optional.empty(), Optional.empty());
    }
}

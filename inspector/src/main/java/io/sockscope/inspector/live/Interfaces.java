package io.sockscope.inspector.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.Op;
import io.sockscope.inspector.capture.CaptureInterfaces;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which interfaces the session's sockets use, so that capture runs there: {@code lo} from the
 * start; for a connect() to another host, the interface of the route to it, opened before the
 * SYN leaves (the kernel's choice of source address, learnt from an unsent UDP "connect"); for a
 * socket bound to another local address, that address's interface; for one bound to the
 * wildcard address, the interface of the default route too. With {@code -i} only that interface
 * is captured.
 */
final class Interfaces {

    private static final String LOOPBACK = "lo";

    private final SessionCapture capture;
    private final Optional<String> fixed;

    Interfaces(SessionCapture capture, Optional<String> fixed) {
        this.capture = capture;
        this.fixed = fixed;
    }

    /** A call is about to run: a connect() elsewhere needs its interface captured first. */
    void starting(EngineEvent.CallStarted started) {
        if (fixed.isPresent() || (started.op() != Op.CONNECT && started.op() != Op.CONNECT_EX)
                || !(started.args().get("port") instanceof Number port)) {
            return;
        }
        literal(String.valueOf(started.args().get("host")))
                .filter(address -> !address.isLoopbackAddress() && !address.isAnyLocalAddress())
                .flatMap(address -> route(address, port.intValue()))
                .ifPresent(capture::ensure);
    }

    /** A call ended: a socket now bound or connected elsewhere needs that interface captured. */
    void ended(CallEvent event) {
        if (fixed.isPresent() || !event.ok() || event.local().isEmpty()) {
            return;
        }
        Optional<InetAddress> local = literal(event.local().get().host());
        if (local.isEmpty() || local.get().isLoopbackAddress()) {
            return;
        }
        if (local.get().isAnyLocalAddress()) {
            if (event.op() == Op.BIND) {
                String route = CaptureInterfaces.defaultInterface();
                if (!route.equals(LOOPBACK)) {
                    capture.ensure(route);
                }
            }
            return;
        }
        CaptureInterfaces.forLocalAddress(local.get()).ifPresent(capture::ensure);
    }

    /** The interfaces whose frames {@code call} may have caused; empty means all of them. */
    Collection<String> of(CallEvent call) {
        if (fixed.isPresent() || call.local().isEmpty()) {
            return fixed.isPresent() ? List.of() : List.of(LOOPBACK);
        }
        Endpoint local = call.local().get();
        Optional<InetAddress> address = literal(local.host());
        if (address.isEmpty() || address.get().isLoopbackAddress()) {
            return List.of(LOOPBACK);
        }
        if (address.get().isAnyLocalAddress()) {
            return List.of();
        }
        return CaptureInterfaces.forLocalAddress(address.get()).<Collection<String>>map(List::of)
                .orElse(List.of());
    }

    private static Optional<InetAddress> literal(String host) {
        try {
            return Optional.of(InetAddress.ofLiteral(Books.normalized(host)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The interface the kernel would send to {@code address} from, without sending anything. */
    private static Optional<String> route(InetAddress address, int port) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.connect(new InetSocketAddress(address, Math.max(1, Math.min(port, 0xffff))));
            InetSocketAddress local = (InetSocketAddress) probe.getLocalAddress();
            return CaptureInterfaces.forLocalAddress(local.getAddress());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package io.sockscope.inspector.live;

import static io.sockscope.inspector.live.LiveWording.call;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.kernel.ProcTcpEntry;
import io.sockscope.engine.kernel.TcpState;
import io.sockscope.inspector.explain.ExplanationCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code addr_in_use}: a bind() refused with EADDRINUSE puts nothing on the wire, so the
 * explanation comes from the kernel's table (/proc/net/tcp): which connection or listener holds
 * the port, whether it is one of the session's sockets, how long a TIME_WAIT has left, and the
 * SO_REUSEADDR rule as Linux applies it (the new socket and the old one must both have set it).
 */
final class AddressInUse {

    private static final int EADDRINUSE = 98;

    private AddressInUse() {
    }

    static Optional<LiveExplanation> of(CallEvent bind, SocketBook book, Books books) {
        if (bind.errno().isEmpty() || bind.errno().get().number() != EADDRINUSE
                || !(bind.args().get("port") instanceof Number port)) {
            return Optional.empty();
        }
        List<ProcTcpEntry> holders = ProcNetTcp.byLocalPort(port.intValue());
        Optional<ProcTcpEntry> listener = holders.stream()
                .filter(e -> e.state() == TcpState.LISTEN).findFirst();
        Optional<ProcTcpEntry> waiting = holders.stream()
                .filter(e -> e.state() == TcpState.TIME_WAIT).findFirst();
        String opening = call(bind) + " failed with EADDRINUSE (Address already in use): ";
        String text;
        if (listener.isPresent()) {
            text = opening + "a socket listens on port " + port + " already ("
                    + owner(listener.get(), books).orElse("another program's") + ", "
                    + listener.get().local() + "). SO_REUSEADDR does not help against a live"
                    + " listener. Fix: stop that server, or bind another port (port 0 lets the"
                    + " kernel choose one).";
        } else if (waiting.isPresent()) {
            ProcTcpEntry held = waiting.get();
            Optional<SocketBook> old = oldSocket(held, books);
            String whose = old.map(o -> ", " + o.name() + "'s,").orElse("");
            long seconds = (held.timerRemaining().toMillis() + 999) / 1000;
            String rule = book.reuseAddress
                    ? " This socket set SO_REUSEADDR, but " + old.map(SocketBook::name)
                            .orElse("the old socket") + " did not: Linux lets the port of a"
                            + " TIME_WAIT connection be bound again only when both did."
                    : " While it lasts, bind() to that port fails unless SO_REUSEADDR was set"
                            + " on both sockets: on the new one before bind(), and on the old"
                            + " one before it closed (Linux asks both).";
            text = opening + "the connection " + held.local() + " → " + held.remote() + whose
                    + " is in TIME_WAIT for " + seconds + " s more: the side that closes first"
                    + " keeps its port pair for 60 s to absorb late segments." + rule
                    + " Fix: setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) on every server socket"
                    + " before bind(), or wait until TIME_WAIT ends.";
        } else if (!holders.isEmpty()) {
            ProcTcpEntry held = holders.getFirst();
            text = opening + "the connection " + held.local() + " → " + held.remote() + " ("
                    + held.state() + ", " + owner(held, books).orElse("another program's")
                    + ") uses port " + port + ". Fix: bind another port, or port 0 to let the"
                    + " kernel choose one.";
        } else {
            text = opening + "another socket held port " + port + " at that moment (it is gone"
                    + " from the kernel's table now). Fix: bind another port, or port 0 to let"
                    + " the kernel choose one.";
        }
        return Optional.of(LiveExplanation.told(ExplanationCode.ADDR_IN_USE, bind.id(),
                OptionalInt.empty(), List.of(), text));
    }

    private static Optional<String> owner(ProcTcpEntry entry, Books books) {
        for (SocketBook b : books.sockets()) {
            if (!b.closed && b.local != null && b.local.port() == entry.local().port()
                    && (b.listening || same(b.remote, entry.remote()))) {
                return Optional.of(b.name() + ", of this session");
            }
        }
        return Optional.empty();
    }

    private static Optional<SocketBook> oldSocket(ProcTcpEntry entry, Books books) {
        List<SocketBook> matches = new ArrayList<>();
        for (SocketBook b : books.sockets()) {
            if (b.closed && same(b.local, entry.local()) && same(b.remote, entry.remote())) {
                matches.add(b);
            }
        }
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.getLast());
    }

    private static boolean same(Endpoint a, Endpoint b) {
        return a != null && b != null && Books.key(a).equals(Books.key(b));
    }
}

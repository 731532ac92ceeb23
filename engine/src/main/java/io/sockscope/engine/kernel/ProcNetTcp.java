package io.sockscope.engine.kernel;

import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Family;
import io.sockscope.engine.posix.Sockaddr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads /proc/net/tcp and /proc/net/tcp6, the kernel's table of every TCP socket in this network
 * namespace, to see connections no fd reaches any more: after close(), a connection may live on
 * in FIN_WAIT, LAST_ACK or TIME_WAIT (and holds its port, so a later bind() can fail).
 *
 * <p>Format (net/ipv4/tcp_ipv4.c, get_tcp4_sock and get_timewait4_sock): addresses are hex words
 * in the host's byte order, ports hex, timer "when" in clock ticks of USER_HZ (100 on Linux
 * x86-64 and arm64).
 */
public final class ProcNetTcp {
    private static final Path TCP = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    private static final long USER_HZ = 100;

    private ProcNetTcp() {
    }

    /** Every TCP socket of both tables. */
    public static List<ProcTcpEntry> read() {
        List<ProcTcpEntry> entries = new ArrayList<>();
        readInto(TCP, entries);
        readInto(TCP6, entries);
        return entries;
    }

    /** The connection with this 4-tuple, if the kernel still has it. */
    public static Optional<ProcTcpEntry> find(Endpoint local, Endpoint remote) {
        return read().stream().filter(e -> e.local().equals(local) && e.remote().equals(remote)).findFirst();
    }

    /** Every socket whose local port is {@code port} (listeners, connections, TIME_WAIT). */
    public static List<ProcTcpEntry> byLocalPort(int port) {
        return read().stream().filter(e -> e.local().port() == port).toList();
    }

    private static void readInto(Path table, List<ProcTcpEntry> entries) {
        if (!Files.exists(table)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table, e);
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            parse(line).ifPresent(entries::add);
        }
    }

    /** One table line; empty when it does not have the expected shape. */
    static Optional<ProcTcpEntry> parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10) {
            return Optional.empty();
        }
        try {
            Endpoint local = endpoint(f[1]);
            Endpoint remote = endpoint(f[2]);
            Optional<TcpState> state = TcpState.of(Integer.parseInt(f[3], 16));
            String[] queues = f[4].split(":");
            String[] timer = f[5].split(":");
            if (state.isEmpty() || queues.length != 2 || timer.length != 2) {
                return Optional.empty();
            }
            long ticks = Long.parseLong(timer[1], 16);
            return Optional.of(new ProcTcpEntry(local, remote, state.get(),
                    Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16),
                    ProcTcpEntry.Timer.of(Integer.parseInt(timer[0], 16)),
                    Duration.ofMillis(ticks * 1000 / USER_HZ),
                    Integer.parseInt(f[6], 16), Integer.parseInt(f[7]), Long.parseLong(f[9])));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static Endpoint endpoint(String hex) {
        int colon = hex.indexOf(':');
        String address = hex.substring(0, colon);
        int port = Integer.parseInt(hex.substring(colon + 1), 16);
        ByteBuffer bytes = ByteBuffer.allocate(address.length() / 2).order(ByteOrder.nativeOrder());
        for (int i = 0; i < address.length(); i += 8) {
            bytes.putInt((int) Long.parseLong(address.substring(i, i + 8), 16));
        }
        Family family = bytes.capacity() == 4 ? Family.INET : Family.INET6;
        return new Endpoint(Sockaddr.text(family, bytes.array()), port);
    }
}

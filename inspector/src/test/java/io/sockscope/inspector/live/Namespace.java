package io.sockscope.inspector.live;

import io.sockscope.inspector.capture.CaptureRequirement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace joined to this one by a veth pair, for traffic that leaves loopback:
 * {@code hostAddress} on {@code hostSide} here, {@code peerAddress} in the namespace. Made with
 * {@code ip} (root); where namespaces cannot be made the test is aborted with the reason.
 * {@link #close} deletes it, which deletes the pair.
 */
final class Namespace implements AutoCloseable {

    final String name;
    final String hostSide;
    final String hostAddress;
    final String peerAddress;

    private Namespace(String name, String hostSide, String hostAddress, String peerAddress) {
        this.name = name;
        this.hostSide = hostSide;
        this.hostAddress = hostAddress;
        this.peerAddress = peerAddress;
    }

    static Namespace create() {
        long id = ProcessHandle.current().pid() % 100_000;
        int net = (int) (id % 250) + 1;
        Namespace ns = new Namespace("sockscope-" + id, "ssv" + id + "a", "10.77." + net + ".1",
                "10.77." + net + ".2");
        String made = ns.run("ip", "netns", "add", ns.name);
        CaptureRequirement.assumeThat(made.isEmpty(), "network namespaces unavailable: " + made);
        String peerSide = "ssv" + id + "b";
        List<List<String>> steps = List.of(
                List.of("ip", "link", "add", ns.hostSide, "type", "veth", "peer", "name", peerSide),
                List.of("ip", "link", "set", peerSide, "netns", ns.name),
                List.of("ip", "addr", "add", ns.hostAddress + "/30", "dev", ns.hostSide),
                List.of("ip", "link", "set", ns.hostSide, "up"),
                List.of("ip", "netns", "exec", ns.name, "ip", "addr", "add",
                        ns.peerAddress + "/30", "dev", peerSide),
                List.of("ip", "netns", "exec", ns.name, "ip", "link", "set", peerSide, "up"),
                List.of("ip", "netns", "exec", ns.name, "ip", "link", "set", "lo", "up"));
        for (List<String> step : steps) {
            String failed = ns.run(step.toArray(String[]::new));
            if (!failed.isEmpty()) {
                ns.close();
                throw new IllegalStateException(String.join(" ", step) + ": " + failed);
            }
        }
        return ns;
    }

    /**
     * Starts, in the namespace, a server on {@code peerAddress} that echoes one connection until
     * it closes; returns it with the port it listens on.
     */
    Server echo() throws IOException {
        String program = "import socket\n"
                + "s = socket.socket()\n"
                + "s.bind(('" + peerAddress + "', 0))\n"
                + "s.listen()\n"
                + "print(s.getsockname()[1], flush=True)\n"
                + "c, _ = s.accept()\n"
                + "while data := c.recv(1024):\n"
                + "    c.sendall(data)\n"
                + "c.close()\n";
        Process process = new ProcessBuilder("ip", "netns", "exec", name, "/usr/bin/python3", "-c",
                program).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String port = out.readLine();
        if (port == null || !port.matches("\\d+")) {
            process.destroyForcibly();
            throw new IllegalStateException("the server in " + name + " did not start: " + port);
        }
        return new Server(process, Integer.parseInt(port));
    }

    /** A server process in the namespace. */
    record Server(Process process, int port) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() {
        run("ip", "netns", "del", name);
        run("ip", "link", "del", hostSide);
    }

    /** Runs a command; empty when it succeeded, else what it printed. */
    private String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? "" : output.isBlank() ? "exit " + p.exitValue() : output.strip();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static List<String> names(List<Ending.InterfaceCount> counts) {
        List<String> names = new ArrayList<>();
        counts.forEach(c -> names.add(c.iface()));
        return names;
    }
}

package io.sockscope.shell.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code explain} in-process through picocli, as {@code sockscope explain ...} would. */
final class Explain {

    static final List<String> CORPUS = List.of("bind_no_listen", "close_wait_leak",
            "close_with_unread_data", "connect_refused", "half_close", "handshake_echo",
            "ipv6_echo", "keepalive", "large_transfer_lo64k", "linger_zero_abort",
            "nagle_delayed_ack", "retransmission_loss", "short_send_small_buffer",
            "time_wait_rebind", "zero_window");

    /** What a run printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private Explain() {
    }

    static Run run(String... args) {
        return run(Map.of(), false, args);
    }

    /** Runs with the given environment, as if standard output were a terminal when asked. */
    static Run run(Map<String, String> environment, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine command = new CommandLine(new ExplainCommand(out, errStream, environment,
                terminal));
        command.setErr(new PrintWriter(errStream, true));
        command.setOut(new PrintWriter(errStream, true));
        int exit = command.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with standard output going to {@code out}. */
    static Run runTo(OutputStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new ExplainCommand(out, errStream, Map.of(), false))
                .execute(args);
        return new Run(exit, "", err.toString(StandardCharsets.UTF_8));
    }

    /** A corpus file ({@code NAME.pcap}, {@code NAME.tsv}) copied out of the test classpath. */
    static Path corpus(Path dir, String file) {
        Path target = dir.resolve(file);
        if (Files.exists(target)) {
            return target;
        }
        try (InputStream in = Explain.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no corpus file " + file + " on the classpath");
            }
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

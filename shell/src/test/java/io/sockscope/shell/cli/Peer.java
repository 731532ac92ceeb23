package io.sockscope.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A program sockscope did not make, talking TCP on 127.0.0.1: {@code peer.py} in a python3
 * process with plain sockets. It listens on a free port and waits; {@link #go} runs its
 * scenarios (exchange, reset, many N, bulk BYTES, refused) and {@link #awaitDone} waits for them.
 * The shell's capture tests use it, and the tests module's end-to-end ones through the shell test-jar.
 */
public final class Peer implements AutoCloseable {

    private final Process process;
    private final BufferedReader lines;
    private final Writer input;
    private final CompletableFuture<String> errors;
    /** The port it listens on, on 127.0.0.1. */
    public final int port;

    private Peer(Process process) throws IOException {
        this.process = process;
        this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        this.input = new java.io.OutputStreamWriter(process.getOutputStream(),
                StandardCharsets.UTF_8);
        InputStream err = process.getErrorStream();
        this.errors = CompletableFuture.supplyAsync(() -> {
            try (err) {
                return new String(err.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String first = lines.readLine();
        assertThat(first).as("the peer's port (stderr: %s)", first == null ? errors.join() : "")
                .isNotNull().matches("[0-9]+");
        this.port = Integer.parseInt(first);
    }

    /** Starts the peer with {@code scenarios}; it listens and waits for {@link #go}. */
    public static Peer start(Path dir, String... scenarios) throws IOException {
        Path script = dir.resolve("peer.py");
        if (!Files.exists(script)) {
            try (InputStream in = Peer.class.getResourceAsStream("peer.py")) {
                Files.copy(in, script);
            }
        }
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(scenarios));
        return new Peer(new ProcessBuilder(command).start());
    }

    /** Runs the scenarios now. */
    public void go() throws IOException {
        input.write("go\n");
        input.flush();
    }

    /** Waits until the scenarios ran, and checks that they did as expected. */
    public void awaitDone() throws IOException, InterruptedException {
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the peer finished").isTrue();
        assertThat(lines.readLine()).as("the peer's last line (stderr: %s)", errors.join())
                .isEqualTo("done");
        assertThat(process.exitValue()).isZero();
    }

    /** Ends the process if it still runs and closes the pipes to it. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        lines.close();
        input.close();
        errors.join();
    }
}

package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
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
 * A program sockscope did not make: {@code capture/peer.py} in a python3 process, plain sockets
 * on 127.0.0.1. It listens on a free port and waits; {@link #go} runs its scenarios (exchange,
 * reset, many N, bulk BYTES, refused).
 */
final class PythonPeer implements AutoCloseable {
  private final Process process;
  private final BufferedReader lines;
  private final Writer input;
  private final CompletableFuture<String> errors;
  final int port;

  private PythonPeer(Process process) throws IOException {
    this.process = process;
    this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    InputStream err = process.getErrorStream();
    this.errors = CompletableFuture.supplyAsync(() -> {
      try (err) {
        return new String(err.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    String first = lines.readLine();
    assertThat(first).as("the peer's port").isNotNull().matches("[0-9]+");
    this.port = Integer.parseInt(first);
  }

  static PythonPeer start(Path dir, String... scenarios) throws IOException {
    Path script = dir.resolve("peer.py");
    if (!Files.exists(script)) {
      Files.copy(Sockscope.resource("capture/peer.py"), script);
    }
    List<String> command = new ArrayList<>(List.of("python3", script.toString()));
    command.addAll(List.of(scenarios));
    return new PythonPeer(new ProcessBuilder(command).start());
  }

  void go() throws IOException {
    input.write("go\n");
    input.flush();
  }

  void awaitDone() throws IOException, InterruptedException {
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the peer finished").isTrue();
    assertThat(lines.readLine()).as("the peer's last line (stderr: %s)", errors.join())
        .isEqualTo("done");
    assertThat(process.exitValue()).isZero();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    lines.close();
    input.close();
    errors.join();
  }
}

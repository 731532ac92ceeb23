package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code sockscope} command (dist's jar and its libraries, as the launcher runs
 * them) in a child JVM, and what it printed and returned.
 */
final class Sockscope {
  static final Path DIST = Path.of("").toAbsolutePath().resolveSibling("dist").resolve("target");

  private Sockscope() {}

  /** What a run came to. */
  record Result(int exitCode, String stdout, String stderr) {
    List<String> lines() {
      return stdout.lines().toList();
    }
  }

  /** A started child: its process, and its output gathered as it comes. */
  record Running(Process process, CompletableFuture<String> stdout,
      CompletableFuture<String> stderr) {

    Result await() {
      try {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("sockscope finished").isTrue();
        return new Result(process.exitValue(), stdout.join(), stderr.join());
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for sockscope", e);
      }
    }
  }

  static Result run(String... args) {
    return start("", args).await();
  }

  static Result runWithInput(String stdin, String... args) {
    return start(stdin, args).await();
  }

  static Running start(String stdin, String... args) {
    Path jar = DIST.resolve("sockscope-dist.jar");
    assertThat(jar).as("the built command (dist package)").exists();
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-cp", jar + ":" + DIST.resolve("lib") + "/*", "io.sockscope.dist.Main"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).start();
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      return new Running(process, gather(process.getInputStream()),
          gather(process.getErrorStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  private static CompletableFuture<String> gather(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** A test resource of this module as a file path. */
  static Path resource(String name) {
    Path path = Path.of("src/test/resources/io/sockscope/tests").resolve(name).toAbsolutePath();
    assertThat(path).exists();
    return path;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

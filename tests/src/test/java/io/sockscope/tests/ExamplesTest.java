package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.capture.CaptureRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command file in {@code examples/} (the tutorial and its pitfalls), run by the built
 * command with live capture: each says what it teaches, meets all its expectations, and prints
 * what its golden transcript shows ({@link GoldenTranscript} says what is left out). The golden
 * files are rewritten from the actual output with {@code -Dsockscope.regenerate=true} and then
 * reviewed like code.
 */
class ExamplesTest {
  private static final boolean REGENERATE = Boolean.getBoolean("sockscope.regenerate");
  private static final Path EXAMPLES = Path.of("").toAbsolutePath().resolveSibling("examples");
  private static final Path GOLDEN = Path.of("src/test/resources/io/sockscope/tests/examples")
      .toAbsolutePath();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".py")).sorted().toList().stream();
    }
  }

  @Test
  void theTutorialAndEachPitfallAreThere() throws IOException {
    assertThat(examples().map(f -> f.getFileName().toString())).contains("01-client.py",
        "02-read-until-done.py", "03-send-until-done.py", "04-echo-server.py",
        "pitfall-coalesced-recv.py", "pitfall-short-send.py", "pitfall-forgotten-close.py",
        "pitfall-time-wait-reuseaddr.py", "pitfall-close-unread.py");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void saysWhatItTeachesAndHasExpectations(Path example) {
    List<String> lines = Sockscope.read(example).lines().toList();
    assertThat(lines.getFirst()).startsWith("# ");
    assertThat(lines.stream().takeWhile(l -> l.startsWith("#"))).anyMatch(l ->
        l.startsWith("# What it teaches: "));
    assertThat(lines).anyMatch(l -> l.strip().startsWith("expect "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void runsWithCaptureAndPrintsItsGoldenTranscript(Path example) throws IOException {
    CaptureRequirement.assumeAvailable();
    Sockscope.Result result = Sockscope.run("run", example.toString());
    assertThat(result.exitCode()).as("exit code; stdout:%n%s%nstderr:%n%s", result.stdout(),
        result.stderr()).isZero();
    assertThat(result.stderr()).isEmpty();
    assertThat(result.lines()).noneMatch(l -> l.startsWith("  ✗ "));
    String name = example.getFileName().toString().replaceFirst("\\.py$", ".txt");
    String actual = GoldenTranscript.normalized(result.stdout());
    Path golden = GOLDEN.resolve(name);
    if (REGENERATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual);
    }
    assertThat(golden).as("golden transcript (make it with -Dsockscope.regenerate=true)")
        .exists();
    assertThat(actual).isEqualTo(Sockscope.read(golden));
  }
}

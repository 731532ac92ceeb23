package io.sockscope.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interpreter against CPython 3.11 itself: each case of python-cases.txt holds a snippet,
 * what CPython printed for it and the last line of the traceback it raised, as written by
 * regenerate-python-cases.py. The interpreter must print the same and raise the same.
 */
class PythonSemanticsTest {

  record Case(String name, String code, String stdout, String raises) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    String text;
    try (InputStream in = PythonSemanticsTest.class.getResourceAsStream("python-cases.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> cases = new ArrayList<>();
    for (String block : text.split("(?m)^=== ")) {
      if (block.isBlank()) {
        continue;
      }
      int nameEnd = block.indexOf('\n');
      int stdout = block.indexOf("--- stdout\n");
      int raises = block.indexOf("--- raises\n");
      cases.add(new Case(block.substring(0, nameEnd), block.substring(nameEnd + 1, stdout),
          block.substring(stdout + "--- stdout\n".length(), raises),
          block.substring(raises + "--- raises\n".length()).strip()));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsAndRaisesWhatCPythonDoes(Case c) {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run(c.code());
      assertThat(runs.stdout()).as("stdout of %s", c.name()).isEqualTo(c.stdout());
      if (c.raises().isEmpty()) {
        assertThat(outcome).as("outcome of %s; errors %s", c.name(), runs.errors())
            .isInstanceOf(Outcome.Completed.class);
      } else if (c.raises().startsWith("SystemExit: ")) {
        assertThat(outcome).isEqualTo(
            new Outcome.Exited(Integer.parseInt(c.raises().substring("SystemExit: ".length()))));
      } else {
        assertThat(outcome).isInstanceOf(Outcome.Stopped.class);
        assertThat(runs.errors()).containsExactly(c.raises());
      }
    }
  }
}

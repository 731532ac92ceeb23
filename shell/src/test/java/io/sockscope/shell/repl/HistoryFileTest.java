package io.sockscope.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history file follows the XDG state directory rule. */
class HistoryFileTest {

  private final Path home = Path.of("/home/ada");

  @Test
  void stateHomeWhenSetAndAbsolute() {
    assertThat(HistoryFile.of(Map.of("XDG_STATE_HOME", "/var/state"), home))
        .isEqualTo(Path.of("/var/state/sockscope/history"));
  }

  @Test
  void homeLocalStateOtherwise() {
    Path fallback = Path.of("/home/ada/.local/state/sockscope/history");
    assertThat(HistoryFile.of(Map.of(), home)).isEqualTo(fallback);
    assertThat(HistoryFile.of(Map.of("XDG_STATE_HOME", ""), home)).isEqualTo(fallback);
    assertThat(HistoryFile.of(Map.of("XDG_STATE_HOME", "relative/dir"), home))
        .isEqualTo(fallback);
  }
}

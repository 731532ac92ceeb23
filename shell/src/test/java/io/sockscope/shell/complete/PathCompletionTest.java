package io.sockscope.shell.complete;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files after {@code @} come from the real directory, relative to the session's. */
class PathCompletionTest {

  @TempDir Path dir;

  private Completions at(String text) {
    return new TabCompletion(SessionNames.empty(), dir).complete(text, text.length());
  }

  @Test
  void filesAndDirectoriesOfTheSessionDirectory() throws IOException {
    Files.writeString(dir.resolve("request.bin"), "GET / HTTP/1.0\r\n\r\n");
    Files.writeString(dir.resolve("reply.txt"), "x");
    Files.createDirectory(dir.resolve("requests"));
    Files.writeString(dir.resolve(".hidden"), "");

    Completions c = at("send s @re");
    assertThat(c.from()).isEqualTo("send s @".length());
    assertThat(c.values()).containsExactly("reply.txt", "request.bin", "requests/");
    assertThat(c.candidates()).filteredOn(k -> k.value().equals("requests/")).singleElement()
        .satisfies(k -> assertThat(k.closed()).isFalse());
    assertThat(c.candidates()).filteredOn(k -> k.value().equals("reply.txt")).singleElement()
        .satisfies(k -> {
          assertThat(k.closed()).isTrue();
          assertThat(k.description()).isEqualTo("1 byte");
        });
    assertThat(at("send s @").values()).doesNotContain(".hidden");
    assertThat(at("send s @.h").values()).containsExactly(".hidden");
  }

  @Test
  void subdirectoryPathKeepsItsDirectoryPart() throws IOException {
    Files.createDirectories(dir.resolve("data/in"));
    Files.writeString(dir.resolve("data/in/one.bin"), "1");
    Completions c = at("sendall s @data/in/o");
    assertThat(c.from()).isEqualTo("sendall s @".length());
    assertThat(c.values()).containsExactly("data/in/one.bin");
  }

  @Test
  void missingDirectoryOffersNothing() {
    assertThat(at("send s @nowhere/x").values()).isEmpty();
  }
}

package io.sockscope.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.shell.complete.SessionNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line editor, driven as a person drives it: keys into a real JLine reader over pipes. */
class LineEditorTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private TerminalPipes pipes;
  private LineReader reader;
  private Thread readerThread;
  private final BlockingQueue<Object> results = new ArrayBlockingQueue<>(16);

  private static final SessionNames NAMES = new SessionNames() {
    @Override
    public List<Known> sockets() {
      return List.of(new Known("s", "fd 5"));
    }

    @Override
    public List<Known> variables() {
      return List.of();
    }

    @Override
    public List<Known> peers() {
      return List.of();
    }
  };

  private void start(boolean colour, Optional<Path> history) throws Exception {
    pipes = new TerminalPipes("xterm-256color");
    reader = LineEditor.build(pipes.terminal(), NAMES, dir, colour, history);
    readerThread = Thread.ofPlatform().name("reader").start(() -> {
      while (true) {
        try {
          results.put(reader.readLine(LineEditor.PROMPT));
        } catch (UserInterruptException | EndOfFileException e) {
          if (!results.offer(e)) {
            return;
          }
          if (e instanceof EndOfFileException) {
            return;
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          results.offer(e);
          return;
        }
      }
    });
  }

  /** Waits for the {@code n}th prompt, so keys go to the reader and not to its start-up. */
  private void awaitPrompt(int n) {
    pipes.awaitScreen(s -> s.split(">>> ", -1).length > n, WAIT, "prompt number " + n);
  }

  private Object next() throws InterruptedException {
    Object r = results.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(r).as("an entry within " + WAIT).isNotNull();
    return r;
  }

  @AfterEach
  void stop() throws Exception {
    if (pipes != null) {
      pipes.close();
    }
    if (readerThread != null) {
      readerThread.join(WAIT.toMillis());
      assertThat(readerThread.isAlive()).as("reader thread ended").isFalse();
    }
  }

  @Test
  void blockEntryShowsContinuationPromptIndentsAndClosesOnABlankLine() throws Exception {
    start(false, Optional.empty());
    awaitPrompt(1);
    pipes.type("with socket.socket() as s:\r");
    pipes.awaitScreen(s -> s.contains("... "), WAIT, "the continuation prompt");
    assertThat(results).isEmpty();
    pipes.type("s.close()\r");
    pipes.type("\r");
    assertThat(next()).isEqualTo("with socket.socket() as s:\n    s.close()\n    ");
    pipes.awaitScreen(s -> s.contains(">>> with socket.socket() as s:\n...     s.close()\n... "),
        WAIT, "the entry under its two prompts");
  }

  @Test
  void openBracketContinuesUntilClosed() throws Exception {
    start(false, Optional.empty());
    awaitPrompt(1);
    pipes.type("s.send(b\"x\" *\r");
    pipes.awaitScreen(s -> s.contains("... "), WAIT, "the continuation prompt");
    pipes.type("3)\r");
    assertThat(next()).isEqualTo("s.send(b\"x\" *\n3)");
  }

  @Test
  void tabCompletesAMethodAfterASocketName() throws Exception {
    start(false, Optional.empty());
    awaitPrompt(1);
    pipes.type("s.rec\t");
    pipes.awaitScreen(s -> s.contains("s.recv("), WAIT, "s.recv( completed");
    pipes.type("1024)\r");
    assertThat(next()).isEqualTo("s.recv(1024)");
  }

  @Test
  void tabCompletesAShortFormWordWithItsSpace() throws Exception {
    start(false, Optional.empty());
    awaitPrompt(1);
    pipes.type("opt s reusea\t1\r");
    assertThat(next()).isEqualTo("opt s reuseaddr 1");
  }

  @Test
  void ambiguousTabListsTheCandidatesWithDescriptions() throws Exception {
    start(false, Optional.empty());
    awaitPrompt(1);
    pipes.type("expect error ECONNRE\t");
    pipes.awaitScreen(s -> s.contains("ECONNREFUSED") && s.contains("ECONNRESET"), WAIT,
        "both candidates");
    pipes.awaitScreen(s -> s.contains("Connection refused"), WAIT, "the description");
    pipes.type("FUSED\r");
    assertThat(next()).isEqualTo("expect error ECONNREFUSED");
  }

  @Test
  void colourOnHighlightsColourOffDoesNot() throws Exception {
    start(true, Optional.empty());
    awaitPrompt(1);
    pipes.type("connect s :9000\r");
    assertThat(next()).isEqualTo("connect s :9000");
    assertThat(pipes.screen()).contains("\u001B[34;1mconnect");
    pipes.close();
    readerThread.join(WAIT.toMillis());

    results.clear();
    start(false, Optional.empty());
    awaitPrompt(1);
    pipes.type("connect s :9000\r");
    assertThat(next()).isEqualTo("connect s :9000");
    assertThat(pipes.screen()).doesNotContain("34m").doesNotContain("36m");
  }

  @Test
  void ctrlCAtThePromptInterruptsTheLineAndCtrlDOnAnEmptyLineEnds() throws Exception {
    start(false, Optional.empty());
    awaitPrompt(1);
    pipes.type("half a line\u0003");
    assertThat(next()).isInstanceOf(UserInterruptException.class);
    awaitPrompt(2);
    pipes.type("\u0004");
    assertThat(next()).isInstanceOf(EndOfFileException.class);
  }

  @Test
  void historyIsSavedToTheFileAndRecalledWithCtrlR() throws Exception {
    Path file = dir.resolve("state/sockscope/history");
    Files.createDirectories(file.getParent());
    start(false, Optional.of(file));
    awaitPrompt(1);
    pipes.type("sleep 0.1\r");
    assertThat(next()).isEqualTo("sleep 0.1");
    awaitPrompt(2);
    pipes.type("sockets\r");
    assertThat(next()).isEqualTo("sockets");
    awaitPrompt(3);
    pipes.type("\u0012slee\r\r");
    assertThat(next()).isEqualTo("sleep 0.1");
    reader.getHistory().save();
    assertThat(Files.readString(file)).contains("sleep 0.1", "sockets");
  }
}

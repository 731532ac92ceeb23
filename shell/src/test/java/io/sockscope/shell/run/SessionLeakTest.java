package io.sockscope.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.sockscope.shell.cli.RunCommand;
import io.sockscope.shell.render.Styler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run leaves nothing behind: no socket or eventfd descriptor, no sockscope thread (the poller,
 * peers' threads, background jobs' virtual threads), even with a job still waiting at the end.
 */
class SessionLeakTest {
  private static final Pattern THREAD_NAME = Pattern.compile("\"name\": \"(sockscope-[^\"]*)\"");

  private static final String BUSY_SCRIPT = """
      serve echo
      serve sink
      a = socket.create_connection(echo)
      a.sendall(b"x" * 100000)
      b = socket.create_connection(sink)
      b.setblocking(False)
      try:
          while True:
              b.send(b"y" * 65536)
      except BlockingIOError:
          pass
      server = socket.socket()
      server.bind(("127.0.0.1", 0))
      server.listen(1)
      conn, addr = server.accept() &
      c = socket.create_connection(server.getsockname())
      conn.recv(1) &
      waiting = a.recv(1 << 20) &
      """;

  @Test
  void aSessionClosesEverySocketAndJoinsEveryThread() throws Exception {
    List<String> fdsBefore = fds();
    assertThat(threads()).as("sockscope threads before").isEmpty();
    try (Runs runs = new Runs()) {
      runs.ok(BUSY_SCRIPT);
    }
    awaitClean(fdsBefore);
  }

  @Test
  void aRunOfTheCommandLeavesNothingBehind() throws Exception {
    List<String> fdsBefore = fds();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    RunCommand command = new RunCommand(NoCapture.FACTORY, Styler.PLAIN,
        new ByteArrayInputStream(BUSY_SCRIPT.getBytes()), new PrintStream(sink), new PrintStream(sink));
    assertThat(new CommandLine(command).execute("--json", "--no-capture", "-")).isZero();
    assertThat(sink.toString()).contains("\"event\":\"done\",\"end\":\"cancelled\"");
    awaitClean(fdsBefore);
  }

  private static void awaitClean(List<String> fdsBefore) throws IOException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> fds = fds();
    List<String> threads = threads();
    while ((fds.size() > fdsBefore.size() || !threads.isEmpty()) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      fds = fds();
      threads = threads();
    }
    assertThat(fds).as("socket and eventfd descriptors after").hasSameSizeAs(fdsBefore);
    assertThat(threads).as("sockscope threads after").isEmpty();
  }

  private static List<String> fds() throws IOException {
    List<String> targets = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:") || target.contains("eventfd")) {
            targets.add(target);
          }
        } catch (IOException closedMeanwhile) {
          // closed between listing and reading: nothing to count
        }
      }
    }
    return targets;
  }

  private static List<String> threads() throws IOException {
    Path dump = Files.createTempFile("threads", ".json");
    try {
      Files.delete(dump);
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
          .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
      Matcher names = THREAD_NAME.matcher(Files.readString(dump));
      List<String> found = new ArrayList<>();
      while (names.find()) {
        found.add(names.group(1));
      }
      return found;
    } finally {
      Files.deleteIfExists(dump);
    }
  }
}

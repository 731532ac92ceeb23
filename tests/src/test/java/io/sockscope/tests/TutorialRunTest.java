package io.sockscope.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.kernel.TcpState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The socket tutorial's echo client and echo server, pasted as they are (only the port number
 * changed to one that is free), run by the built command.
 */
class TutorialRunTest {
  @TempDir Path dir;

  /** A port the kernel just handed out for port 0 and that nothing holds now. */
  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private Path tutorial(String name, int port, String before) throws IOException {
    String text = Sockscope.read(Sockscope.resource("tutorial/" + name));
    assertThat(text).contains("PORT = 65432");
    return Files.writeString(dir.resolve(name),
        before + text.replace("PORT = 65432", "PORT = " + port));
  }

  @Test
  void theEchoClientRunsAsPastedAgainstServeEcho() throws IOException {
    int port = freePort();
    Path client = tutorial("echo-client.py", port, "serve echo 127.0.0.1:" + port + "\n");
    Sockscope.Result result = Sockscope.run("run", "--no-capture", client.toString());
    assertThat(result.stderr()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.lines()).contains("Received b'Hello, world'");
    assertThat(result.lines()).filteredOn(l -> l.startsWith("[")).extracting(l -> l.replaceAll(
        "\\s{2,}.*", "")).containsExactly(
            "[1] with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:",
            "[2] s.connect((HOST, PORT))",
            "[3] s.sendall(b\"Hello, world\")",
            "[4] data = s.recv(1024)",
            "[5] s.close()");
  }

  @Test
  void theEchoServerAndTheEchoClientRunAsPastedInTwoRuns() throws IOException {
    int port = freePort();
    Path server = tutorial("echo-server.py", port, "");
    Path client = tutorial("echo-client.py", port, "");
    Sockscope.Running serving = Sockscope.start("", "run", "--no-capture", server.toString());
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (ProcNetTcp.byLocalPort(port).stream().noneMatch(e -> e.state() == TcpState.LISTEN)) {
      assertThat(serving.process().isAlive()).as("the server runs").isTrue();
      assertThat(System.nanoTime()).as("the server listens in time").isLessThan(deadline);
      Thread.onSpinWait();
    }
    Sockscope.Result clientRun = Sockscope.run("run", "--no-capture", client.toString());
    Sockscope.Result serverRun = serving.await();
    assertThat(clientRun.exitCode()).isZero();
    assertThat(clientRun.lines()).contains("Received b'Hello, world'");
    assertThat(serverRun.exitCode()).as("server stderr: %s", serverRun.stderr()).isZero();
    assertThat(serverRun.lines()).anyMatch(l -> l.matches("Connected by \\('127\\.0\\.0\\.1', \\d+\\)"));
    assertThat(serverRun.lines()).anyMatch(l -> l.startsWith("[") && l.contains("conn.sendall(data)")
        && l.contains(" ok "));
  }
}

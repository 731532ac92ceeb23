package io.sockscope.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connections the kernel still holds after their sockets' close() (or after both FINs, with the
 * fd still open) keep being shown: in the {@code sockets} table, and in the state line.
 */
class LingeringSocketsTest {

  private static final String SERVER_CLOSES_FIRST = """
      srv = socket.socket()
      srv.bind(("127.0.0.1", 0))
      srv.listen()
      c = socket.create_connection(srv.getsockname())
      conn, _ = srv.accept()
      conn.shutdown(socket.SHUT_WR)
      c.close()
      expect state conn TIME_WAIT
      """;

  @Test
  void anOpenSocketWhoseConnectionIsInTimeWaitSaysSo() {
    try (Runs runs = new Runs().ok(SERVER_CLOSES_FIRST + "conn.getsockname()\n")) {
      List<TranscriptRecord.State> states = runs.all(TranscriptRecord.State.class).stream()
          .filter(s -> s.socket().equals("conn")).toList();
      TranscriptRecord.State last = states.getLast();
      assertThat(last.tcpState()).isEqualTo("TIME_WAIT");
      assertThat(last.fdOpen()).isTrue();
      assertThat(last.heldFor()).hasValueSatisfying(d -> assertThat(d.toSeconds())
          .isBetween(1L, 60L));
    }
  }

  @Test
  void socketsListsAClosedSocketWhileTheKernelHoldsItsConnection() {
    try (Runs runs = new Runs().ok(SERVER_CLOSES_FIRST + "conn.close()\nsockets\n")) {
      List<TranscriptRecord.SocketRow> rows = runs.all(TranscriptRecord.Sockets.class).getLast()
          .rows();
      assertThat(rows).anySatisfy(row -> {
        assertThat(row.name()).isEqualTo("conn");
        assertThat(row.fd()).isEqualTo(-1);
        assertThat(row.tcpState()).isEqualTo("TIME_WAIT");
      });
      assertThat(rows).noneMatch(row -> row.name().equals("c"));
      assertThat(rows).anyMatch(row -> row.name().equals("srv") && row.fd() >= 0);
    }
  }
}

package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallResult;
import io.sockscope.engine.Op;
import io.sockscope.shell.run.TranscriptRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SocketTableTest {

  private static List<String> rows(SocketTable t, int width) {
    return t.visible(width, true).stream().map(r -> (r.selected() ? "*" : "")
        + Rows.plain(r.spans())).toList();
  }

  private static SocketTable connected() {
    SocketTable t = new SocketTable();
    t.height(5);
    t.accept(Calls.call(2, "s", Op.CONNECT, "s.connect(...)", new CallResult.NoResult(),
        Calls.at(51234), Calls.at(9000)));
    t.accept(Calls.state("s", "ESTABLISHED", 0, 3));
    return t;
  }

  @Test
  void aNarrowPaneShowsPortsAndSsStateNames() {
    assertThat(rows(connected(), 34)).containsExactly("*s  :51234→:9000  ESTAB  0/3 B");
  }

  @Test
  void aWidePaneHasAHeaderAndEveryColumn() {
    assertThat(rows(connected(), 90)).containsExactly(
        "name  local            remote          state        send-q  recv-q  rtt",
        "*s     127.0.0.1:51234  127.0.0.1:9000  ESTABLISHED  0 B     3 B     31 µs");
  }

  @Test
  void aClosedSocketInTimeWaitStaysUntilTheKernelLetsGo() {
    SocketTable t = connected();
    t.accept(new TranscriptRecord.State("s", "TIME_WAIT", 0, 0, OptionalLong.empty(), false,
        Optional.of(Duration.ofSeconds(60))));
    assertThat(rows(t, 34)).containsExactly("*s  :51234→:9000  TIME-WAIT 60 s");
    t.snapshot(List.of(new SocketLine("s", Optional.of("127.0.0.1:51234"),
        Optional.of("127.0.0.1:9000"), "TIME_WAIT", 0, 0, OptionalLong.empty(), false,
        Optional.of(Duration.ofSeconds(42)))));
    assertThat(rows(t, 34)).containsExactly("*s  :51234→:9000  TIME-WAIT 42 s");
    t.snapshot(List.of());
    assertThat(rows(t, 34)).containsExactly("no sockets yet");
  }

  @Test
  void aSnapshotReplacesTheTableAndAListenerCountsWaitingConnections() {
    SocketTable t = connected();
    t.snapshot(List.of(
        new SocketLine("srv", Optional.of("127.0.0.1:7000"), Optional.empty(), "LISTEN", 1, 2,
            OptionalLong.empty(), true, Optional.empty()),
        new SocketLine("s", Optional.of("127.0.0.1:51234"), Optional.of("127.0.0.1:9000"),
            "CLOSE_WAIT", 0, 0, OptionalLong.of(1500), true, Optional.empty())));
    assertThat(rows(t, 40)).containsExactly("*srv  :7000         LISTEN      2 wait",
        "s    :51234→:9000  CLOSE-WAIT  0/0 B");
    t.move(1);
    assertThat(t.selected().orElseThrow().name()).isEqualTo("s");
    assertThat(rows(t, 90).getLast()).endsWith("1.50 ms");
  }

  @Test
  void aSocketClosedWithNothingLeftLeavesTheTable() {
    SocketTable t = connected();
    t.accept(new TranscriptRecord.State("s", "CLOSE", 0, 0, OptionalLong.empty(), false,
        Optional.empty()));
    assertThat(t.lines()).isEmpty();
  }

  @Test
  void aRenamedSocketKeepsItsRow() {
    SocketTable t = connected();
    t.accept(new TranscriptRecord.Renamed("s", "s#1"));
    assertThat(t.lines()).extracting(SocketLine::name).containsExactly("s#1");
  }
}

package io.sockscope.tui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallResult;
import io.sockscope.engine.Op;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptViewTest {

  private static List<String> rows(TranscriptView t, int width, int height) {
    return Rows.plain(t.visible(width, height));
  }

  private static TranscriptView connected() {
    TranscriptView t = new TranscriptView();
    t.submitted("s.connect((\"127.0.0.1\", 9000))");
    t.accept(Calls.call(2, "s", Op.CONNECT, "s.connect((\"127.0.0.1\", 9000))",
        new CallResult.NoResult(), Calls.at(51234), Calls.at(9000)));
    t.accept(Calls.state("s", "ESTABLISHED", 0, 3));
    t.entryEnded();
    return t;
  }

  @Test
  void aNarrowPaneShowsTheStateOnTheCallsOutcomeRow() {
    assertThat(rows(connected(), 34, 10)).containsExactly(
        "[2] s.connect((\"127.0.0.1\", 9000))",
        "    ok  0.21 ms  ESTABLISHED q 0/3",
        "    B");
  }

  @Test
  void aWidePaneShowsTheTextTranscriptsStateLine() {
    assertThat(rows(connected(), 100, 10)).containsExactly(
        "[2] s.connect((\"127.0.0.1\", 9000))  ok  0.21 ms",
        "    state s ESTABLISHED  send-q 0 B  recv-q 3 B  rtt 31 µs");
  }

  @Test
  void anEntryWhoseFirstRecordIsItsOwnCallIsNotEchoed() {
    assertThat(rows(connected(), 100, 10)).noneMatch(r -> r.startsWith(">>>"));
  }

  @Test
  void aBackgroundEntryIsNotEchoedBesideItsJobLine() {
    TranscriptView t = new TranscriptView();
    t.submitted("c.recv(100) &");
    t.accept(new TranscriptRecord.JobStarted(1, "c.recv(100)", 1));
    t.entryEnded();
    assertThat(rows(t, 100, 10)).containsExactly(
        "[&1] c.recv(100) &  running in the background");
  }

  @Test
  void anEntryThatMakesNoCallIsEchoedAndItsOutputFollows() {
    TranscriptView t = new TranscriptView();
    t.submitted("x = 5");
    t.entryEnded();
    t.submitted("print(\"a\", end=\"\")\nprint(\"b\")");
    t.accept(new TranscriptRecord.Output(TranscriptRecord.Stream.STDOUT, "a"));
    t.accept(new TranscriptRecord.Output(TranscriptRecord.Stream.STDOUT, "b\n"));
    t.entryEnded();
    assertThat(rows(t, 40, 10)).containsExactly(">>> x = 5", ">>> print(\"a\", end=\"\")",
        "... print(\"b\")", "ab");
  }

  @Test
  void anUnfinishedOutputLineShowsAndAnErrorEndsIt() {
    TranscriptView t = new TranscriptView();
    t.accept(new TranscriptRecord.Output(TranscriptRecord.Stream.STDOUT, "waiting"));
    assertThat(rows(t, 40, 10)).containsExactly("waiting");
    t.accept(new TranscriptRecord.Error("<stdin>", 1, TranscriptRecord.ErrorKind.EXCEPTION,
        Optional.of("ConnectionRefusedError"),
        "ConnectionRefusedError: [Errno 111] Connection refused"));
    assertThat(rows(t, 80, 10)).containsExactly("waiting",
        "<stdin>:1: ConnectionRefusedError: [Errno 111] Connection refused");
  }

  @Test
  void scrollsBackAndFollowsAgainAtTheBottom() {
    TranscriptView t = new TranscriptView();
    for (int i = 1; i <= 30; i++) {
      t.note("line " + i, Tone.PLAIN);
    }
    assertThat(rows(t, 20, 5)).containsExactly("line 26", "line 27", "line 28", "line 29",
        "line 30");
    t.scroll(4);
    assertThat(rows(t, 20, 5).getFirst()).isEqualTo("line 22");
    t.scroll(100);
    assertThat(rows(t, 20, 5).getFirst()).isEqualTo("line 1");
    t.note("line 31", Tone.PLAIN);
    assertThat(rows(t, 20, 5).getFirst()).isEqualTo("line 1");
    t.toBottom();
    assertThat(rows(t, 20, 5).getLast()).isEqualTo("line 31");
  }

  @Test
  void keepsTheNewestItemsOnly() {
    TranscriptView t = new TranscriptView();
    for (int i = 0; i < TranscriptView.LIMIT + 10; i++) {
      t.note("n" + i, Tone.PLAIN);
    }
    List<Line> lines = t.lines(40);
    assertThat(lines).hasSize(TranscriptView.LIMIT);
    assertThat(lines.getFirst().plain()).isEqualTo("n10");
  }

  @Test
  void aClosedSocketsStateSaysHowLongTheKernelHoldsIt() {
    assertThat(TranscriptView.compact(new TranscriptRecord.State("s", "TIME_WAIT", 0, 0,
        java.util.OptionalLong.empty(), false, Optional.of(java.time.Duration.ofMillis(59_100)))))
        .isEqualTo("TIME_WAIT 60 s, fd closed");
    assertThat(TranscriptView.compact(Calls.state("s", "CLOSE", 0, 0))).isEmpty();
  }
}

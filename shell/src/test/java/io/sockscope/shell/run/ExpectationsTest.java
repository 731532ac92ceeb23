package io.sockscope.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Engine;
import io.sockscope.engine.Op;
import io.sockscope.shell.lang.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code expect} statements, and the live inspector's seam through which segments will come. */
class ExpectationsTest {

  @Test
  void expectRecvComparesTheBytesOfTheLastRecv() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run("""
          serve echo
          s = socket.create_connection(echo)
          s.sendall(b"hi")
          s.recv(10)
          expect recv b"hi"
          s.sendall(b"ho")
          s.recv(10)
          expect recv "hu"
          """);
      List<TranscriptRecord.Expect> expects = runs.all(TranscriptRecord.Expect.class);
      assertThat(expects).extracting(TranscriptRecord.Expect::met).containsExactly(true, false);
      assertThat(expects.get(1).expected()).isEqualTo("b'hu'");
      assertThat(expects.get(1).got()).isEqualTo("b'ho'");
      assertThat(((Outcome.Stopped) outcome).error().text()).isEqualTo(
          "expectation not met: expect recv \"hu\": expected b'hu', got b'ho'");
    }
  }

  @Test
  void expectStateWaitsForTheKernelAndSeesClosedSocketsInTimeWait() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          serve echo
          s = socket.create_connection(echo)
          expect state ESTABLISHED
          s.close()
          expect state s TIME_WAIT
          """);
      assertThat(runs.all(TranscriptRecord.Expect.class)).extracting(TranscriptRecord.Expect::got)
          .containsExactly("s in ESTABLISHED", "s in TIME_WAIT");
    }
  }

  @Test
  void anExpectationWithNothingBeforeItIsNotMet() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run("expect ok\n");
      assertThat(outcome.exitCode()).isEqualTo(1);
      assertThat(runs.all(TranscriptRecord.Expect.class)).singleElement()
          .satisfies(e -> assertThat(e.got()).isEqualTo("there is no statement before it"));
    }
  }

  @Test
  void expectStateOfAnUnknownSocketSaysSo() {
    try (Runs runs = new Runs()) {
      runs.run("x = 1\nexpect state nosuch LISTEN\n");
      assertThat(runs.all(TranscriptRecord.Expect.class)).singleElement()
          .satisfies(e -> assertThat(e.got()).isEqualTo("no socket called nosuch"));
    }
  }

  @Test
  void expectSegmentWithoutCaptureStopsWithExitCodeThree() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run("s = socket.socket()\nexpect segment > S\n");
      assertThat(outcome.exitCode()).isEqualTo(3);
      assertThat(((Outcome.Stopped) outcome).error()).satisfies(e -> {
        assertThat(e.kind()).isEqualTo(TranscriptRecord.ErrorKind.CAPTURE);
        assertThat(e.text()).isEqualTo(
            "expect segment > S needs live capture: capture is off (--no-capture)");
      });
    }
  }

  /** A live inspector that records what the session asks of it, standing in for capture. */
  static final class Recording implements LiveInspector {
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<List<CallEvent>> checkedCalls = new ArrayList<>();
    Engine engine;

    @Override
    public CaptureStatus start(Engine engine, TranscriptSink transcript) {
      this.engine = engine;
      log.add("start");
      return new CaptureStatus.Active();
    }

    @Override
    public void afterCall(CallEvent call, TranscriptSink transcript) {
      log.add("after " + call.id());
      transcript.emit(new TranscriptRecord.Note("segments of call " + call.id()));
    }

    @Override
    public LiveCheck check(Expectation expectation, List<CallEvent> calls, Optional<String> socket) {
      checkedCalls.add(calls);
      log.add("check " + socket.orElse("?"));
      return calls.stream().anyMatch(c -> c.op() == Op.CONNECT)
          ? new LiveCheck.Met("segment > S", "127.0.0.1.1 > 127.0.0.1.2: Flags [S]")
          : new LiveCheck.NotMet("segment > S", "no segment");
    }

    @Override
    public void stop(TranscriptSink transcript) {
      log.add("stop");
      transcript.emit(new TranscriptRecord.Capture("ok", Optional.of("lo"), Optional.empty(),
          java.util.OptionalLong.of(3), java.util.OptionalLong.of(0)));
    }
  }

  @Test
  void theLiveInspectorAddsRecordsBetweenACallAndItsStateAndJudgesSegments() {
    Recording live = new Recording();
    Runs runs = new Runs(live);
    runs.ok("serve echo\nconnect_to = echo\nc = socket.socket()\nc.connect(connect_to)\n"
        + "expect segment > S\n");
    runs.close();
    assertThat(live.engine).isSameAs(runs.session().engine());
    assertThat(live.log).containsExactly("start", "after 1", "after 2", "check c", "after 3",
        "stop");
    assertThat(live.checkedCalls).singleElement()
        .satisfies(calls -> assertThat(calls).extracting(CallEvent::op).containsExactly(Op.CONNECT));
    List<TranscriptRecord> records = runs.records();
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i) instanceof TranscriptRecord.Call call) {
        assertThat(records.get(i + 1)).isEqualTo(
            new TranscriptRecord.Note("segments of call " + call.event().id()));
        assertThat(records.get(i + 2)).isInstanceOf(TranscriptRecord.State.class);
      }
    }
    assertThat(runs.all(TranscriptRecord.Expect.class)).singleElement().satisfies(e -> {
      assertThat(e.met()).isTrue();
      assertThat(e.got()).isEqualTo("127.0.0.1.1 > 127.0.0.1.2: Flags [S]");
    });
    assertThat(records.getLast()).isInstanceOf(TranscriptRecord.Capture.class);
  }
}

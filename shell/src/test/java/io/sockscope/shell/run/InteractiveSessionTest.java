package io.sockscope.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session as the line shell uses it: one entry at a time, going on after a failure. */
class InteractiveSessionTest {

  @Test
  void entriesShareVariablesEchoValuesAndSurviveFailures() {
    List<TranscriptRecord> records = new ArrayList<>();
    try (Session session = Session.interactive(records::add, new NoCapture(new CaptureStatus.Off()))) {
      assertThat(session.run(Runs.parse("<stdin>", "server = socket.socket()\n"
          + "server.bind(('127.0.0.1', 0))\nx = 40\n"))).isInstanceOf(Outcome.Completed.class);
      assertThat(session.run(Runs.parse("<stdin>", "x + 2\n")))
          .isInstanceOf(Outcome.Completed.class);
      assertThat(session.run(Runs.parse("<stdin>", "server.fileno()\n")))
          .isInstanceOf(Outcome.Completed.class);
      Outcome refused = session.run(Runs.parse("<stdin>",
          "c = socket.socket()\nc.connect(server.getsockname())\n"));
      assertThat(refused).isInstanceOf(Outcome.Stopped.class);
      assertThat(session.run(Runs.parse("<stdin>", "expect error ECONNREFUSED\n")))
          .isInstanceOf(Outcome.Completed.class);
    }
    List<String> output = records.stream().filter(TranscriptRecord.Output.class::isInstance)
        .map(r -> ((TranscriptRecord.Output) r).text()).toList();
    assertThat(output).containsExactly("42\n");
    assertThat(records).filteredOn(TranscriptRecord.Expect.class::isInstance)
        .singleElement().satisfies(r -> assertThat(((TranscriptRecord.Expect) r).met()).isTrue());
  }
}

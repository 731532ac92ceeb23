package io.sockscope.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements ending in {@code &}: calls on virtual threads, and the variables that wait. */
class BackgroundJobsTest {

  /** The tutorial's echo server, with its accept in the background and a client after it. */
  @Test
  void anAcceptInTheBackgroundLetsTheSameScriptConnectAndServe() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          import socket
          HOST = "127.0.0.1"
          with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
              s.bind((HOST, 0))
              s.listen()
              conn, addr = s.accept() &
              client = socket.create_connection(s.getsockname())
              client.sendall(b"ping")
              client.shutdown(socket.SHUT_WR)
              with conn:
                  print(f"Connected by {addr == client.getsockname()}")
                  while True:
                      data = conn.recv(1024)
                      if not data:
                          break
                      conn.sendall(data)
              print(client.recv(1024))
          """);
      assertThat(runs.stdout()).isEqualTo("Connected by True\nb'ping'\n");
      assertThat(runs.all(TranscriptRecord.JobStarted.class)).singleElement().satisfies(j -> {
        assertThat(j.job()).isEqualTo(1);
        assertThat(j.source()).isEqualTo("conn, addr = s.accept()");
        assertThat(j.line()).isEqualTo(6);
      });
      TranscriptRecord.Call accept = runs.callRecords(c -> c.event().op() == Op.ACCEPT).getFirst();
      assertThat(accept.job()).hasValue(1);
      assertThat(accept.source()).isEqualTo("conn, addr = s.accept() &");
      assertThat(runs.all(TranscriptRecord.JobDone.class)).singleElement()
          .satisfies(d -> assertThat(d.end()).isEqualTo(TranscriptRecord.JobEnd.OK));
    }
  }

  @Test
  void aFailedJobStopsTheScriptWhereItsResultIsNeeded() {
    try (Runs runs = new Runs()) {
      Outcome outcome = runs.run("""
          server = socket.socket()
          server.bind(("127.0.0.1", 0))
          client = socket.socket()
          result = client.connect(server.getsockname()) &
          print(result)
          """);
      assertThat(outcome).isInstanceOfSatisfying(Outcome.Stopped.class, stopped -> {
        assertThat(stopped.error().line()).isEqualTo(4);
        assertThat(stopped.error().text())
            .isEqualTo("ConnectionRefusedError: [Errno 111] Connection refused");
      });
      assertThat(runs.stdout()).isEmpty();
      assertThat(runs.all(TranscriptRecord.JobDone.class)).singleElement().satisfies(d -> {
        assertThat(d.end()).isEqualTo(TranscriptRecord.JobEnd.FAILED);
        assertThat(d.error()).contains("ConnectionRefusedError: [Errno 111] Connection refused");
      });
    }
  }

  @Test
  void anExpectAfterABackgroundStatementWaitsForItAndJudgesIt() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          server = socket.socket()
          server.bind(("127.0.0.1", 0))
          client = socket.socket()
          client.connect(server.getsockname()) &
          expect error ECONNREFUSED
          print("went on")
          """);
      assertThat(runs.stdout()).isEqualTo("went on\n");
      assertThat(runs.all(TranscriptRecord.Expect.class)).singleElement()
          .satisfies(e -> assertThat(e.met()).isTrue());
    }
  }

  @Test
  void readingAVariableAJobWillAssignWaitsForTheJob() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          serve echo
          s = socket.create_connection(echo)
          reply = s.recv(100) &
          s.sendall(b"late")
          print(reply)
          """);
      assertThat(runs.stdout()).isEqualTo("b'late'\n");
    }
  }

  @Test
  void jobsListsWhatEachJobWaitsIn() {
    try (Runs runs = new Runs()) {
      runs.ok("""
          serve echo
          s = socket.create_connection(echo)
          reply = s.recv(100) &
          """);
      awaitRunning(runs);
      runs.ok("jobs\ns.sendall(b'x')\nprint(reply)\n");
      TranscriptRecord.JobRow row = runs.all(TranscriptRecord.Jobs.class).getFirst().rows()
          .getFirst();
      assertThat(row.job()).isEqualTo(1);
      assertThat(row.status()).isEqualTo("running");
      assertThat(row.source()).isEqualTo("reply = s.recv(100)");
      assertThat(row.running()).hasValueSatisfying(r -> assertThat(r).endsWith("recv on s"));
    }
  }

  @Test
  void theEndOfTheSessionCancelsAJobStillWaiting() {
    Runs runs = new Runs();
    runs.ok("serve sink\ns = socket.create_connection(sink)\nnever = s.recv(10) &\n");
    awaitRunning(runs);
    runs.close();
    assertThat(runs.all(TranscriptRecord.JobDone.class)).singleElement()
        .satisfies(d -> assertThat(d.end()).isEqualTo(TranscriptRecord.JobEnd.CANCELLED));
    CallEvent recv = runs.calls().stream().filter(c -> c.op() == Op.RECV).findFirst().orElseThrow();
    assertThat(recv.failure()).hasValueSatisfying(f ->
        assertThat(f).isInstanceOf(io.sockscope.engine.Failure.Cancelled.class));
    List<TranscriptRecord> records = runs.records();
    int done = records.indexOf(runs.all(TranscriptRecord.JobDone.class).getFirst());
    int close = records.indexOf(runs.callRecords(c -> c.event().op() == Op.CLOSE).getFirst());
    assertThat(done).isLessThan(close);
  }

  /** Waits, with a deadline, until the session's job waits in its call. */
  private static void awaitRunning(Runs runs) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (runs.session().engine().runningCalls().isEmpty()) {
      assertThat(System.nanoTime()).as("the job's call started").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}

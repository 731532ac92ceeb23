package io.sockscope.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.shell.lang.ParseResult;
import io.sockscope.shell.lang.Parser;
import io.sockscope.shell.lang.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs statement-language text in a real session (real sockets, real peers) and keeps every
 * transcript record, for tests. Close it to end the session.
 */
final class Runs implements AutoCloseable {
  private final List<TranscriptRecord> records = new ArrayList<>();
  private final Session session;

  Runs() {
    this(new NoCapture(new CaptureStatus.Off()));
  }

  Runs(LiveInspector live) {
    this.session = Session.start(this::add, live);
  }

  private synchronized void add(TranscriptRecord r) {
    records.add(r);
  }

  static Program parse(String name, String text) {
    ParseResult result = Parser.parseFile(name, text);
    assertThat(result).as("parse of %s", name).isInstanceOf(ParseResult.Complete.class);
    return ((ParseResult.Complete) result).program();
  }

  Outcome run(String text) {
    return session.run(parse("test.py", text));
  }

  /** Runs {@code text}, failing the test unless every statement ran. */
  Runs ok(String text) {
    Outcome outcome = run(text);
    assertThat(outcome).as("outcome; records: %s", records()).isInstanceOf(Outcome.Completed.class);
    return this;
  }

  Session session() {
    return session;
  }

  synchronized List<TranscriptRecord> records() {
    return List.copyOf(records);
  }

  <T extends TranscriptRecord> List<T> all(Class<T> type) {
    return records().stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<CallEvent> calls() {
    return all(TranscriptRecord.Call.class).stream().map(TranscriptRecord.Call::event).toList();
  }

  List<TranscriptRecord.Call> callRecords(Predicate<TranscriptRecord.Call> which) {
    return all(TranscriptRecord.Call.class).stream().filter(which).toList();
  }

  /** Everything printed on standard output, in order. */
  String stdout() {
    StringBuilder out = new StringBuilder();
    for (TranscriptRecord.Output o : all(TranscriptRecord.Output.class)) {
      if (o.stream() == TranscriptRecord.Stream.STDOUT) {
        out.append(o.text());
      }
    }
    return out.toString();
  }

  List<String> errors() {
    return all(TranscriptRecord.Error.class).stream().map(TranscriptRecord.Error::text).toList();
  }

  @Override
  public void close() {
    session.close();
  }
}

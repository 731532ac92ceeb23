package io.sockscope.shell.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.engine.Endpoint;
import io.sockscope.shell.run.TranscriptRecord;
import io.sockscope.shell.run.TranscriptSink;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The transcript as JSON lines (SPEC §5, docs/JSON.md): one object per record. Segments and
 * explanations are written by {@link SegmentJson} and {@link ExplainJson}, as {@code sockscope
 * explain} writes them, with a segment's origin added at the end of its record.
 */
public final class TranscriptJson implements TranscriptSink {
  private final JsonLines out;
  private final LiveJson live = new LiveJson();

  public TranscriptJson(PrintStream out) {
    this.out = new JsonLines(out);
  }

  @Override
  public void emit(TranscriptRecord record) {
    switch (record) {
      case TranscriptRecord.Segment s -> out.writeLine(live.segment(s));
      case TranscriptRecord.Explain x -> out.writeLine(live.explanation(x));
      default -> out.write(g -> write(g, record));
    }
  }

  /** The JSON object of {@code record}, as one line. */
  public static String line(TranscriptRecord record) {
    return switch (record) {
      case TranscriptRecord.Segment s -> new LiveJson().segment(s);
      case TranscriptRecord.Explain x -> new LiveJson().explanation(x);
      default -> JsonLines.object(g -> write(g, record));
    };
  }

  private static void write(JsonGenerator g, TranscriptRecord record) throws IOException {
    switch (record) {
      case TranscriptRecord.Call c -> CallJson.write(g, c.event());
      case TranscriptRecord.State s -> {
        g.writeStringField("type", "state");
        g.writeStringField("socket", s.socket());
        g.writeStringField("tcp_state", s.tcpState());
        g.writeNumberField("send_q", s.sendQueueBytes());
        g.writeNumberField("recv_q", s.receiveQueueBytes());
        number(g, "rtt_us", s.rttMicros());
      }
      case TranscriptRecord.Output o -> {
        g.writeStringField("type", "output");
        g.writeStringField("stream", o.stream().name().toLowerCase(Locale.ROOT));
        g.writeStringField("text", o.text());
      }
      case TranscriptRecord.Expect e -> {
        g.writeStringField("type", "expect");
        g.writeStringField("file", e.file());
        g.writeNumberField("line", e.line());
        g.writeStringField("source", e.source());
        g.writeBooleanField("ok", e.met());
        g.writeStringField("expected", e.expected());
        g.writeStringField("got", e.got());
      }
      case TranscriptRecord.Peer p -> {
        g.writeStringField("type", "peer");
        g.writeStringField("event", p.event().name().toLowerCase(Locale.ROOT));
        g.writeStringField("peer", p.name());
        g.writeStringField("kind", p.kind());
        g.writeStringField("address", p.endpoint().toString());
        g.writeBooleanField("exposed", p.exposed());
      }
      case TranscriptRecord.Renamed r -> {
        g.writeStringField("type", "rename");
        g.writeStringField("from", r.from());
        g.writeStringField("to", r.to());
      }
      case TranscriptRecord.Note n -> {
        g.writeStringField("type", "note");
        g.writeStringField("text", n.text());
      }
      case TranscriptRecord.Error e -> {
        g.writeStringField("type", "error");
        g.writeStringField("file", e.file());
        g.writeNumberField("line", e.line());
        g.writeStringField("kind", e.kind().name().toLowerCase(Locale.ROOT));
        string(g, "exception", e.exception());
        g.writeStringField("text", e.text());
      }
      case TranscriptRecord.JobStarted j -> {
        g.writeStringField("type", "job");
        g.writeNumberField("job", j.job());
        g.writeStringField("event", "started");
        g.writeStringField("source", j.source());
        g.writeNumberField("line", j.line());
      }
      case TranscriptRecord.JobDone j -> {
        g.writeStringField("type", "job");
        g.writeNumberField("job", j.job());
        g.writeStringField("event", "done");
        g.writeStringField("end", j.end().name().toLowerCase(Locale.ROOT));
        string(g, "error", j.error());
      }
      case TranscriptRecord.Capture c -> {
        g.writeStringField("type", "capture");
        if (c.iface().isPresent()) {
          g.writeStringField("iface", c.iface().get());
        }
        g.writeStringField("status", c.status());
        if (c.reason().isPresent()) {
          g.writeStringField("reason", c.reason().get());
        }
        if (c.received().isPresent()) {
          g.writeNumberField("received", c.received().getAsLong());
        }
        if (c.dropped().isPresent()) {
          g.writeNumberField("dropped", c.dropped().getAsLong());
        }
      }
      case TranscriptRecord.Sockets s -> {
        g.writeStringField("type", "sockets");
        g.writeArrayFieldStart("sockets");
        for (TranscriptRecord.SocketRow r : s.rows()) {
          g.writeStartObject();
          g.writeStringField("name", r.name());
          if (r.fd() < 0) {
            g.writeNullField("fd");
          } else {
            g.writeNumberField("fd", r.fd());
          }
          endpoint(g, "local", r.local());
          endpoint(g, "remote", r.remote());
          g.writeStringField("tcp_state", r.tcpState());
          g.writeNumberField("send_q", r.sendQueueBytes());
          g.writeNumberField("recv_q", r.receiveQueueBytes());
          number(g, "rtt_us", r.rttMicros());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      case TranscriptRecord.Peers p -> {
        g.writeStringField("type", "peers");
        g.writeArrayFieldStart("peers");
        for (TranscriptRecord.PeerRow r : p.rows()) {
          g.writeStartObject();
          g.writeStringField("peer", r.name());
          g.writeStringField("kind", r.kind());
          g.writeStringField("address", r.endpoint().toString());
          g.writeNumberField("connections", r.connections());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      case TranscriptRecord.Jobs j -> {
        g.writeStringField("type", "jobs");
        g.writeArrayFieldStart("jobs");
        for (TranscriptRecord.JobRow r : j.rows()) {
          g.writeStartObject();
          g.writeNumberField("job", r.job());
          g.writeStringField("source", r.source());
          g.writeStringField("status", r.status());
          string(g, "waiting_in", r.running());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      case TranscriptRecord.Help h -> {
        g.writeStringField("type", "help");
        g.writeStringField("text", h.text());
      }
      case TranscriptRecord.Released r -> {
        g.writeStringField("type", "state");
        g.writeStringField("socket", r.socket());
        g.writeStringField("tcp_state", "CLOSE");
        g.writeNumberField("send_q", 0);
        g.writeNumberField("recv_q", 0);
        g.writeNullField("rtt_us");
      }
      case TranscriptRecord.SegmentsFolded f -> {
        g.writeStringField("type", "segments_folded");
        number(g, "call", f.call());
        g.writeNumberField("count", f.count());
        g.writeNumberField("first_frame", f.firstFrame());
        g.writeNumberField("last_frame", f.lastFrame());
      }
      case TranscriptRecord.Segment s -> throw new IllegalStateException("written by LiveJson");
      case TranscriptRecord.Explain x -> throw new IllegalStateException("written by LiveJson");
    }
  }

  private static void number(JsonGenerator g, String field, OptionalLong value) throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(field, value.getAsLong());
    } else {
      g.writeNullField(field);
    }
  }

  private static void string(JsonGenerator g, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    } else {
      g.writeNullField(field);
    }
  }

  private static void endpoint(JsonGenerator g, String field, Optional<Endpoint> value)
      throws IOException {
    string(g, field, value.map(Endpoint::toString));
  }
}

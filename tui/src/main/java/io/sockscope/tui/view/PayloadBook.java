package io.sockscope.tui.view;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Op;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.shell.run.TranscriptRecord;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bytes each of the session's sockets has sent and received, as its calls report them, so
 * the detail pane can show a segment's payload when the capture hands over none: a segment
 * {@code seq a:b} that a socket sent is bytes {@code a-1} to {@code b-1} of what its send() and
 * sendall() calls passed (their arguments show the data, whole up to 64 bytes); one it received
 * is those bytes of what its recv() calls returned, once read. Each direction of each socket
 * keeps its newest {@link #LIMIT} bytes.
 */
public final class PayloadBook {

  static final int LIMIT = 1 << 20;

  /** Known bytes of a stream: {@code bytes} from stream offset {@code offset}. */
  private record Chunk(long offset, byte[] bytes) {}

  /** One direction of one socket: its length so far and the bytes known of it. */
  private static final class Stream {
    long length;
    long kept;
    final Deque<Chunk> chunks = new ArrayDeque<>();

    void add(long count, Optional<byte[]> known) {
      if (known.isPresent() && known.get().length > 0) {
        byte[] b = known.get();
        chunks.addLast(new Chunk(length, b));
        kept += b.length;
        while (kept > LIMIT && chunks.size() > 1) {
          kept -= chunks.removeFirst().bytes().length;
        }
      }
      length += count;
    }

    Optional<byte[]> range(long from, int count) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(count);
      long at = from;
      for (Chunk c : chunks) {
        long end = c.offset() + c.bytes().length;
        if (end <= at || c.offset() > at) {
          continue;
        }
        int start = (int) (at - c.offset());
        int take = (int) Math.min(end - at, from + count - at);
        out.write(c.bytes(), start, take);
        at += take;
        if (at == from + count) {
          return Optional.of(out.toByteArray());
        }
      }
      return Optional.empty();
    }
  }

  private final Map<String, Stream> sent = new HashMap<>();
  private final Map<String, Stream> received = new HashMap<>();

  /** Learns the bytes a call sent or received. */
  public void learn(TranscriptRecord record) {
    switch (record) {
      case TranscriptRecord.Call c -> learn(c.event());
      case TranscriptRecord.Renamed r -> {
        rename(sent, r.from(), r.to());
        rename(received, r.from(), r.to());
      }
      default -> {
        // no bytes in other records
      }
    }
  }

  private static void rename(Map<String, Stream> streams, String from, String to) {
    Stream s = streams.remove(from);
    if (s != null) {
      streams.put(to, s);
    }
  }

  private void learn(CallEvent e) {
    if (e.op() == Op.SEND || e.op() == Op.SENDALL) {
      long count = switch (e.result()) {
        case CallResult.Sent s -> s.sent();
        case CallResult.SentAll s -> s.sent();
        default -> 0;
      };
      Optional<byte[]> data = e.args().get("repr") instanceof String repr
          ? ReprBytes.decode(repr) : Optional.empty();
      Optional<byte[]> known = data.filter(d -> d.length >= count)
          .map(d -> java.util.Arrays.copyOf(d, (int) count));
      sent.computeIfAbsent(e.socket(), k -> new Stream()).add(count, known);
    } else if (e.op() == Op.RECV && e.result() instanceof CallResult.Received r) {
      received.computeIfAbsent(e.socket(), k -> new Stream()).add(r.length(),
          Optional.of(r.data()));
    }
  }

  /**
   * The payload of {@code s}, which socket {@code socket} sent ({@code outbound}) or received,
   * if its calls have shown all of those bytes.
   */
  public Optional<byte[]> payload(Segment s, String socket, boolean outbound) {
    if (s.length() == 0 || s.seq() < 1) {
      return Optional.empty();
    }
    Stream stream = (outbound ? sent : received).get(socket);
    return stream == null ? Optional.empty() : stream.range(s.seq() - 1, s.length());
  }
}

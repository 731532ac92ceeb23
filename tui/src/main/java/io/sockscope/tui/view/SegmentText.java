package io.sockscope.tui.view;

import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.shell.render.Palette;
import java.util.Locale;

/**
 * How a segment reads in one row of the segments pane: tcpdump's flag letters, then the numbers
 * that matter ({@code P.  seq 1:4 ack 1 len 3}), and its tone: SYN green, FIN blue, RST red, loss
 * yellow, flow-control trouble magenta, data plain, pure ACKs dim (the line shell's palette).
 */
public final class SegmentText {

  private static final int[] LETTER_BITS = {TcpFlags.FIN, TcpFlags.SYN, TcpFlags.RST,
      TcpFlags.PSH, TcpFlags.ACK, TcpFlags.URG, TcpFlags.ECE, TcpFlags.CWR};
  private static final char[] LETTERS = {'F', 'S', 'R', 'P', '.', 'U', 'E', 'W'};

  private SegmentText() {}

  /** tcpdump's letters for the control bits: {@code S}, {@code S.}, {@code P.}, {@code R}. */
  public static String flags(Segment s) {
    StringBuilder out = new StringBuilder(4);
    for (int i = 0; i < LETTER_BITS.length; i++) {
      if (s.has(LETTER_BITS[i])) {
        out.append(LETTERS[i]);
      }
    }
    return out.isEmpty() ? "none" : out.toString();
  }

  /** {@code P.  seq 1:4 ack 1 len 3}, {@code S   seq 0 win 65495}, {@code .   ack 4}. */
  public static String label(Segment s) {
    StringBuilder out = new StringBuilder(40);
    String flags = flags(s);
    out.append(flags);
    out.append(" ".repeat(Math.max(1, 4 - flags.length())));
    int length = s.length();
    boolean control = s.has(TcpFlags.SYN) || s.has(TcpFlags.FIN) || s.has(TcpFlags.RST);
    if (length > 0 || control) {
      out.append("seq ").append(s.seq());
      if (length > 0) {
        out.append(':').append((s.seq() + length) & 0xFFFFFFFFL);
      }
      out.append(' ');
    }
    if (s.has(TcpFlags.ACK)) {
      out.append("ack ").append(s.ack()).append(' ');
    }
    if (s.has(TcpFlags.SYN) || s.window() == 0 && !s.has(TcpFlags.RST)) {
      out.append("win ").append(s.calculatedWindow()).append(' ');
    }
    if (length > 0) {
      out.append("len ").append(length).append(' ');
    }
    return out.toString().stripTrailing();
  }

  /** The segment's tone: the role the line shell's palette colours it by. */
  public static Tone tone(Segment s) {
    return Tone.of(Palette.role(s));
  }

  /**
   * Time since {@code originNanos} as {@code +0.000212}: seconds with microseconds, the way
   * tcpdump's relative timestamps read.
   */
  public static String relativeTime(long atNanos, long originNanos) {
    long micros = Math.max(0, (atNanos - originNanos) / 1000);
    return String.format(Locale.ROOT, "+%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }
}

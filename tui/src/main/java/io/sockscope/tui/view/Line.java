package io.sockscope.tui.view;

import java.util.ArrayList;
import java.util.List;

/**
 * One logical line of a pane: its pieces, and a {@code tail} that goes two blanks after them when
 * the row is wide enough and on a row of its own, indented, when it is not. That is how a call's
 * outcome sits beside the call on a wide screen and under it on a narrow one ({@code [2]
 * s.connect(...)} then {@code ok 0.21 ms}). {@link #rows} lays a line out for a width.
 */
public record Line(List<Span> spans, List<Span> tail) {

  /** Rows a wrapped line continues on are indented this much. */
  public static final int WRAP_INDENT = 4;

  public Line {
    spans = List.copyOf(spans);
    tail = List.copyOf(tail);
  }

  public static Line of(String text, Tone tone) {
    return new Line(List.of(new Span(text, tone)), List.of());
  }

  public static Line of(Span... spans) {
    return new Line(List.of(spans), List.of());
  }

  public static Line empty() {
    return new Line(List.of(), List.of());
  }

  /** The text without tones, tail included after two blanks. */
  public String plain() {
    StringBuilder out = new StringBuilder();
    spans.forEach(s -> out.append(s.text()));
    if (!tail.isEmpty()) {
      out.append("  ");
      tail.forEach(s -> out.append(s.text()));
    }
    return out.toString();
  }

  /** This line with its tail added after its pieces, as one run. */
  public Line joined() {
    if (tail.isEmpty()) {
      return this;
    }
    List<Span> all = new ArrayList<>(spans);
    all.add(new Span("  ", Tone.PLAIN));
    all.addAll(tail);
    return new Line(all, List.of());
  }

  /** Columns the pieces take, tail left out. */
  public int width() {
    return width(spans);
  }

  static int width(List<Span> spans) {
    int w = 0;
    for (Span s : spans) {
      w += s.width();
    }
    return w;
  }

  /**
   * The rows this line takes at {@code width} columns: the pieces wrapped (continuation rows
   * indented by {@link #WRAP_INDENT}), the tail after two blanks when it fits on the last row,
   * else wrapped on rows of its own at the same indent.
   */
  public List<List<Span>> rows(int width) {
    if (width <= 0) {
      return List.of();
    }
    int tailWidth = width(tail);
    if (!tail.isEmpty() && width(spans) + 2 + tailWidth <= width) {
      return wrap(joined().spans, width);
    }
    List<List<Span>> rows = new ArrayList<>(wrap(spans, width));
    if (!tail.isEmpty()) {
      List<Span> indented = new ArrayList<>();
      indented.add(new Span(" ".repeat(Math.min(WRAP_INDENT, width - 1)), Tone.PLAIN));
      indented.addAll(tail);
      rows.addAll(wrap(indented, width));
    }
    return rows;
  }

  /**
   * {@code spans} cut into rows of at most {@code width} columns, at a blank where there is one
   * in the row's second half (the blank dropped), else where the row is full.
   */
  static List<List<Span>> wrap(List<Span> spans, int width) {
    List<List<Span>> rows = new ArrayList<>();
    int indent = width > WRAP_INDENT * 2 ? WRAP_INDENT : 0;
    List<Span> rest = new ArrayList<>(spans);
    boolean first = true;
    while (true) {
      int room = first ? width : width - indent;
      if (width(rest) <= room) {
        rows.add(first ? rest : prefixed(indent, rest));
        return rows;
      }
      int cut = breakAt(rest, room);
      List<Span> row = new ArrayList<>();
      List<Span> after = new ArrayList<>();
      int used = 0;
      for (Span s : rest) {
        int w = s.width();
        if (used >= cut) {
          after.add(s);
        } else if (used + w <= cut) {
          row.add(s);
        } else {
          int at = s.text().offsetByCodePoints(0, cut - used);
          row.add(new Span(s.text().substring(0, at), s.tone()));
          after.add(new Span(s.text().substring(at), s.tone()));
        }
        used += w;
      }
      rows.add(first ? row : prefixed(indent, row));
      rest = dropLeadingBlank(after);
      first = false;
    }
  }

  private static List<Span> prefixed(int indent, List<Span> row) {
    List<Span> out = new ArrayList<>(row.size() + 1);
    if (indent > 0) {
      out.add(new Span(" ".repeat(indent), Tone.PLAIN));
    }
    out.addAll(row);
    return out;
  }

  /** Columns of {@code spans} to put on a row of {@code room}: after the last fitting blank. */
  private static int breakAt(List<Span> spans, int room) {
    StringBuilder text = new StringBuilder();
    for (Span s : spans) {
      text.append(s.text());
      if (text.codePointCount(0, text.length()) > room) {
        break;
      }
    }
    String plain = text.toString();
    int limit = plain.offsetByCodePoints(0, Math.min(room, plain.codePointCount(0,
        plain.length())));
    if (limit < plain.length() && plain.charAt(limit) == ' ') {
      return Math.max(1, room);
    }
    int blank = plain.lastIndexOf(' ', limit);
    if (blank > limit / 2 && blank > 0) {
      return plain.codePointCount(0, blank);
    }
    return Math.max(1, room);
  }

  private static List<Span> dropLeadingBlank(List<Span> spans) {
    List<Span> out = new ArrayList<>(spans);
    while (!out.isEmpty() && out.getFirst().text().startsWith(" ")) {
      String t = out.getFirst().text().stripLeading();
      if (t.isEmpty()) {
        out.removeFirst();
      } else {
        out.set(0, new Span(t, out.getFirst().tone()));
        break;
      }
    }
    if (out.isEmpty()) {
      out.add(new Span("", Tone.PLAIN));
    }
    return out;
  }

  /** {@code spans} cut to {@code width} columns, an ellipsis marking a cut. */
  public static List<Span> clip(List<Span> spans, int width) {
    if (width(spans) <= width) {
      return spans;
    }
    List<Span> out = new ArrayList<>();
    int used = 0;
    for (Span s : spans) {
      int room = width - 1 - used;
      if (room <= 0) {
        break;
      }
      if (s.width() <= room) {
        out.add(s);
        used += s.width();
      } else {
        out.add(new Span(s.text().substring(0, s.text().offsetByCodePoints(0, room)), s.tone()));
        used += room;
      }
    }
    out.add(new Span("…", Tone.DIM));
    return out;
  }
}

package io.sockscope.tui.view;

import java.util.List;

/** Rows of the view as plain text, for assertions; a selected row starts with {@code *}. */
final class Rows {

  private Rows() {}

  static List<String> of(List<SessionView.Row> rows) {
    return rows.stream().map(Rows::text).toList();
  }

  static String text(SessionView.Row row) {
    return (row.highlighted() ? "*" : "") + plain(row.spans());
  }

  static String plain(List<Span> spans) {
    StringBuilder b = new StringBuilder();
    spans.forEach(s -> b.append(s.text()));
    return b.toString();
  }

  static List<String> plain(Iterable<List<Span>> rows) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    rows.forEach(r -> out.add(plain(r)));
    return out;
  }
}

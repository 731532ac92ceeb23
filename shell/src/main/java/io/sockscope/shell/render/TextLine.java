package io.sockscope.shell.render;

import java.util.ArrayList;
import java.util.List;

/** One line of the text transcript as styled pieces; {@link #render} dresses them. */
public record TextLine(List<Styled> pieces) {
  /** Where a call's outcome starts, counting from 0, when the call text leaves room. */
  public static final int OUTCOME_COLUMN = 60;

  public TextLine {
    pieces = List.copyOf(pieces);
  }

  public static TextLine of(Styled... pieces) {
    return new TextLine(List.of(pieces));
  }

  /** The line without styling. */
  public String plain() {
    StringBuilder out = new StringBuilder();
    pieces.forEach(p -> out.append(p.text()));
    return out.toString();
  }

  public String render(Styler styler) {
    StringBuilder out = new StringBuilder();
    for (Styled p : pieces) {
      out.append(p.text().isEmpty() || p.role() == Role.PLAIN ? p.text()
          : styler.apply(p.text(), p.role()));
    }
    return out.toString();
  }

  /**
   * {@code left}, then {@code right} starting at {@link #OUTCOME_COLUMN} (or two blanks after a
   * longer left part), pieces of {@code right} separated by two blanks.
   */
  public static TextLine columns(List<Styled> left, List<Styled> right) {
    List<Styled> all = new ArrayList<>(left);
    int width = left.stream().mapToInt(p -> p.text().codePointCount(0, p.text().length())).sum();
    all.add(new Styled(" ".repeat(Math.max(2, OUTCOME_COLUMN - width)), Role.PLAIN));
    for (int i = 0; i < right.size(); i++) {
      if (i > 0) {
        all.add(new Styled("  ", Role.PLAIN));
      }
      all.add(right.get(i));
    }
    return new TextLine(all);
  }
}

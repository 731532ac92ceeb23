package io.sockscope.shell.repl;

import io.sockscope.shell.complete.Highlighting;
import io.sockscope.shell.complete.SessionNames;
import java.util.Set;
import java.util.stream.Collectors;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the entry as it is typed, from {@link Highlighting}'s classification: statements and
 * keywords bold, sockets cyan, constants yellow, literals green, numbers magenta, comments dim,
 * errors red and underlined. With colour off (NO_COLOR, {@code --color=never}, not a terminal)
 * the text comes back plain.
 */
final class EntryHighlighter implements Highlighter {

  private final SessionNames names;
  private final boolean colour;

  EntryHighlighter(SessionNames names, boolean colour) {
    this.names = names;
    this.colour = colour;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    if (!colour) {
      return new AttributedString(buffer);
    }
    Set<String> sockets =
        names.sockets().stream().map(SessionNames.Known::name).collect(Collectors.toSet());
    AttributedStringBuilder out = new AttributedStringBuilder(buffer.length() + 32);
    int at = 0;
    for (Highlighting.Run run : Highlighting.classify(buffer, sockets::contains)) {
      out.append(buffer, at, run.start());
      out.styled(style(run.style()), buffer.substring(run.start(), run.end()));
      at = run.end();
    }
    out.append(buffer, at, buffer.length());
    return out.toAttributedString();
  }

  static AttributedStyle style(Highlighting.Style style) {
    AttributedStyle plain = AttributedStyle.DEFAULT;
    return switch (style) {
      case KEYWORD -> plain.bold().foreground(AttributedStyle.MAGENTA);
      case COMMAND -> plain.bold().foreground(AttributedStyle.BLUE);
      case SOCKET -> plain.foreground(AttributedStyle.CYAN);
      case NAME, OPERATOR -> plain;
      case CONSTANT -> plain.foreground(AttributedStyle.YELLOW);
      case STRING -> plain.foreground(AttributedStyle.GREEN);
      case NUMBER -> plain.foreground(AttributedStyle.MAGENTA);
      case COMMENT -> plain.faint();
      case ERROR -> plain.foreground(AttributedStyle.RED).underline();
    };
  }
}

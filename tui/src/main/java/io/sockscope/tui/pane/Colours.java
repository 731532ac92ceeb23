package io.sockscope.tui.pane;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.sockscope.tui.view.Tone;
import java.util.EnumSet;

/**
 * The terminal's colours for each {@link Tone}: the 16 ANSI colours (they follow the user's
 * terminal theme) on the terminal's own background, or, without colour ({@code NO_COLOR},
 * {@code --color=never}), bold and reverse video only.
 */
public final class Colours {

  /** Colour by tone. */
  public static final Colours ANSI = new Colours(true);
  /** No colour: bold for emphasis, reverse video for the selection. */
  public static final Colours MONOCHROME = new Colours(false);

  private final boolean colour;

  private Colours(boolean colour) {
    this.colour = colour;
  }

  /** Sets {@code g} up for text of {@code tone}, reversed for a selected row. */
  public void apply(TextGraphics g, Tone tone, boolean selected) {
    g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    g.setForegroundColor(colour ? foreground(tone) : TextColor.ANSI.DEFAULT);
    EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
    if (bold(tone)) {
      sgr.add(SGR.BOLD);
    }
    if (selected) {
      sgr.add(SGR.REVERSE);
    }
    g.setModifiers(sgr);
  }

  /** Sets {@code g} up for a pane's frame, brighter when the pane has the focus. */
  public void frame(TextGraphics g, boolean focused) {
    g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    g.setForegroundColor(colour && focused ? TextColor.ANSI.CYAN_BRIGHT : TextColor.ANSI.DEFAULT);
    g.setModifiers(focused ? EnumSet.of(SGR.BOLD) : EnumSet.noneOf(SGR.class));
  }

  /** Sets {@code g} up for the status bar. */
  public void bar(TextGraphics g) {
    g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    g.setForegroundColor(TextColor.ANSI.DEFAULT);
    g.setModifiers(EnumSet.of(SGR.REVERSE));
  }

  private static boolean bold(Tone tone) {
    return switch (tone) {
      case STRONG, HEADER, CALL_ID, FAILURE, RST, PROMPT, RUNNING, COMMAND, EXPECT_FAILED -> true;
      default -> false;
    };
  }

  private static TextColor foreground(Tone tone) {
    return switch (tone) {
      case PLAIN, SOURCE, STRONG, HEADER, DATA, NAME, OPERATOR -> TextColor.ANSI.DEFAULT;
      case DIM, DURATION, ACK, COMMENT -> TextColor.ANSI.BLACK_BRIGHT;
      case CALL_ID, SOCKET, STATE, EXPLAIN -> TextColor.ANSI.CYAN;
      case OK, EXPECT_MET, SYN, PROMPT, STRING -> TextColor.ANSI.GREEN;
      case VALUE, NOTE, RUNNING, LOSS, CONSTANT, NUMBER -> TextColor.ANSI.YELLOW;
      case FAILURE, EXPECT_FAILED, RST, ERROR -> TextColor.ANSI.RED;
      case PEER, FLOW_CONTROL, KEYWORD -> TextColor.ANSI.MAGENTA;
      case FIN, COMMAND -> TextColor.ANSI.BLUE_BRIGHT;
    };
  }
}

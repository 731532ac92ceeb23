package io.sockscope.tui.pane;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.sockscope.tui.view.Key;
import java.util.Optional;

/** The terminal's key strokes as the view's {@link Key}s; empty for what the view ignores. */
public final class KeyStrokes {

  private KeyStrokes() {}

  public static Optional<Key> of(KeyStroke k) {
    return Optional.ofNullable(switch (k.getKeyType()) {
      case Character -> character(k);
      case Enter -> Key.Named.ENTER;
      case Tab -> Key.Named.TAB;
      case ReverseTab -> Key.Named.BACK_TAB;
      case ArrowUp -> Key.Named.UP;
      case ArrowDown -> Key.Named.DOWN;
      case ArrowLeft -> k.isCtrlDown() || k.isAltDown() ? Key.Named.CTRL_LEFT : Key.Named.LEFT;
      case ArrowRight -> k.isCtrlDown() || k.isAltDown() ? Key.Named.CTRL_RIGHT
          : Key.Named.RIGHT;
      case PageUp -> Key.Named.PAGE_UP;
      case PageDown -> Key.Named.PAGE_DOWN;
      case Home -> Key.Named.HOME;
      case End -> Key.Named.END;
      case Backspace -> Key.Named.BACKSPACE;
      case Delete -> Key.Named.DELETE;
      case Escape -> Key.Named.ESCAPE;
      case F1 -> Key.Named.F1;
      case F4 -> Key.Named.F4;
      case F10 -> Key.Named.F10;
      default -> null;
    });
  }

  private static Key character(KeyStroke k) {
    char c = k.getCharacter();
    if (k.isCtrlDown() && !k.isAltDown()) {
      return new Key.Ctrl(Character.toLowerCase(c));
    }
    if (k.isAltDown()) {
      return new Key.Alt(c);
    }
    return new Key.Typed(c);
  }

  /** Whether the terminal's input has ended (it was closed). */
  public static boolean endOfInput(KeyStroke k) {
    return k.getKeyType() == KeyType.EOF;
  }
}

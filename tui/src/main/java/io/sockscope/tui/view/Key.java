package io.sockscope.tui.view;

/**
 * A key the user pressed, as the view understands it: a printable character, a control or Alt
 * chord, or a named key. The panes translate the terminal's key strokes into these, so every
 * key's effect is tested without a terminal.
 */
public sealed interface Key {

  /** A printable character (shifted letters arrive as their capitals). */
  record Typed(char c) implements Key {}

  /** Ctrl and a letter, the letter in lower case ({@code Ctrl('c')} for Ctrl-C). */
  record Ctrl(char c) implements Key {}

  /** Alt (Meta) and a character ({@code Alt('b')} for M-b). */
  record Alt(char c) implements Key {}

  /** The named keys. */
  enum Named implements Key {
    ENTER,
    TAB,
    BACK_TAB,
    UP,
    DOWN,
    LEFT,
    RIGHT,
    PAGE_UP,
    PAGE_DOWN,
    HOME,
    END,
    BACKSPACE,
    DELETE,
    ESCAPE,
    CTRL_LEFT,
    CTRL_RIGHT,
    F1,
    F4,
    F10
  }
}

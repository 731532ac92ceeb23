package io.sockscope.tui.view;

import java.util.List;
import java.util.Optional;

/**
 * The segment filter being typed in the status bar (F4, or {@code /} outside the shell pane). The
 * segments pane follows the draft at every key; Enter keeps it, Esc goes back to the filter there
 * was before. Closed, it shows nothing and takes no keys.
 */
final class FilterPrompt {

  /** What a key did to the prompt. */
  enum Outcome {
    EDITED,
    APPLIED,
    CANCELLED
  }

  private final SegmentList segments;
  private Optional<String> draft = Optional.empty();
  private SegmentFilter before = SegmentFilter.NONE;

  FilterPrompt(SegmentList segments) {
    this.segments = segments;
  }

  /** Starts editing the segments pane's filter. */
  void open() {
    before = segments.filter();
    draft = Optional.of(before.text());
  }

  boolean isOpen() {
    return draft.isPresent();
  }

  /** Applies a key to the open prompt; Enter and Esc close it. */
  Outcome press(Key key) {
    String text = draft.orElseThrow();
    switch (key) {
      case Key.Typed(char c) -> text += c;
      case Key.Named n when n == Key.Named.BACKSPACE -> text = text.isEmpty() ? ""
          : text.substring(0, text.length() - 1);
      case Key.Ctrl(char c) when c == 'u' -> text = "";
      case Key.Named n when n == Key.Named.ENTER -> {
        draft = Optional.empty();
        return Outcome.APPLIED;
      }
      case Key.Named n when n == Key.Named.ESCAPE -> {
        draft = Optional.empty();
        segments.filter(before);
        return Outcome.CANCELLED;
      }
      default -> {
        return Outcome.EDITED;
      }
    }
    draft = Optional.of(text);
    segments.filter(SegmentFilter.parse(text));
    return Outcome.EDITED;
  }

  /** The status bar while the prompt is open: the draft, a cursor, what a filter may name. */
  List<Span> spans() {
    return List.of(new Span(" filter: ", Tone.STRONG),
        new Span(draft.orElse("") + "▌", Tone.PLAIN),
        new Span("  socket, flag (S. R syn), code (handshake), peer, kernel, [call]; "
            + "Enter applies, Esc cancels", Tone.DIM));
  }
}

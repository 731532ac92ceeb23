package io.sockscope.tui.view;

import io.sockscope.inspector.live.LiveExplanation;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /} typed: words that each must match a row for the row to show. A word matches a
 * segment by its socket's name ({@code s}), its flags as tcpdump writes them ({@code S.},
 * {@code R}) or by name ({@code syn}, {@code rst}, {@code fin}, in any case), the code of an
 * explanation that rests on it ({@code handshake}), its call ({@code [3]} or {@code 3}), tshark's
 * note on it ({@code retransmission}), or who sent it ({@code peer}, {@code kernel}, the peer's
 * name); an explanation row by its code, socket or call. Socket names and tcpdump's letters are
 * matched as written ({@code s} is a socket, {@code S} a SYN).
 */
public record SegmentFilter(List<String> words) {

  public static final SegmentFilter NONE = new SegmentFilter(List.of());

  public SegmentFilter {
    words = List.copyOf(words);
  }

  /** The filter typed as {@code text}: words split at blanks. */
  public static SegmentFilter parse(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words.isEmpty() ? NONE : new SegmentFilter(words);
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  /** The filter as typed, words joined by a blank. */
  public String text() {
    return String.join(" ", words);
  }

  /** Whether the segment row {@code w}, with the explanations resting on it, passes. */
  public boolean matches(SegmentRow.Wire w, List<LiveExplanation> explanations) {
    for (String word : words) {
      if (!matchesWire(word, w, explanations)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the row of segments left out passes: only a filter by their call lets it. */
  public boolean matches(SegmentRow.Folded folded) {
    for (String word : words) {
      if (folded.call().isEmpty() || callWord(word) != folded.call().getAsLong()) {
        return false;
      }
    }
    return true;
  }

  /** Whether the explanation row passes. */
  public boolean matches(SegmentRow.Why why) {
    for (String word : words) {
      boolean code = why.explanation().code().wireName().equalsIgnoreCase(word);
      boolean socket = why.socket().map(word::equals).orElse(false);
      boolean call = why.explanation().call().isPresent()
          && callWord(word) == why.explanation().call().getAsLong();
      if (!code && !socket && !call) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesWire(String word, SegmentRow.Wire w,
      List<LiveExplanation> explanations) {
    if (w.side().isPresent() && w.side().get().socket().equals(word)) {
      return true;
    }
    if (SegmentText.flags(w.wire().segment()).equals(word)) {
      return true;
    }
    for (String name : w.wire().segment().flagNames()) {
      if (name.equalsIgnoreCase(word)) {
        return true;
      }
    }
    for (String name : w.wire().segment().analysisNames()) {
      if (name.equalsIgnoreCase(word)) {
        return true;
      }
    }
    for (LiveExplanation e : explanations) {
      if (e.code().wireName().equalsIgnoreCase(word)) {
        return true;
      }
    }
    if (w.call().isPresent() && callWord(word) == w.call().getAsLong()) {
      return true;
    }
    return switch (w.wire().origin()) {
      case CALL -> false;
      case KERNEL -> word.equalsIgnoreCase("kernel");
      case PEER -> word.equalsIgnoreCase("peer") || w.peer().map(word::equals).orElse(false);
    };
  }

  /** The call id a word names ({@code [3]}, {@code 3}), or -1. */
  private static long callWord(String word) {
    String digits = word.startsWith("[") && word.endsWith("]")
        ? word.substring(1, word.length() - 1) : word;
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(digits);
  }
}

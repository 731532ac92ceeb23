package io.sockscope.shell.run;

/** The live inspector's verdict on an {@code expect segment} or {@code expect explain}. */
public sealed interface LiveCheck {

  /** It held; {@code got} is what matched (a segment's tcpdump line, an explanation code). */
  record Met(String expected, String got) implements LiveCheck {}

  /** It did not hold: what was expected and what the statement's calls caused instead. */
  record NotMet(String expected, String got) implements LiveCheck {}

  /** It cannot be judged because capture is not running; {@code reason} says why. */
  record NeedsCapture(String reason) implements LiveCheck {}
}

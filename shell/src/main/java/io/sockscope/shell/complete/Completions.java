package io.sockscope.shell.complete;

import java.util.List;

/**
 * What Tab offers at a cursor: the candidates, each of which replaces the text from offset
 * {@code from} up to the cursor. No candidates means Tab has nothing to offer there.
 */
public record Completions(int from, List<Candidate> candidates) {

  public Completions {
    candidates = List.copyOf(candidates);
  }

  /** Nothing to offer; {@code at} is the cursor. */
  public static Completions none(int at) {
    return new Completions(at, List.of());
  }

  /** The candidates' values, in order: what a test compares. */
  public List<String> values() {
    return candidates.stream().map(Candidate::value).toList();
  }
}

package io.sockscope.shell.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The words of a vocabulary close to a misspelt one, for messages such as "unknown explanation
 * code 'rst_unread'; did you mean rst_unread_data?": by edit distance, and by prefix.
 */
public final class NearMatches {

  private static final int MOST = 3;

  private NearMatches() {}

  /** Up to three candidates near {@code word}, nearest first, ignoring case. */
  public static List<String> of(String word, Collection<String> candidates) {
    String key = word.toLowerCase(Locale.ROOT);
    int allowed = key.length() <= 3 ? 1 : key.length() <= 6 ? 2 : 3;
    record Scored(String candidate, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (String candidate : candidates) {
      String lower = candidate.toLowerCase(Locale.ROOT);
      int distance = distance(key, lower);
      if (distance <= allowed) {
        scored.add(new Scored(candidate, distance));
      } else if (key.length() >= 3 && (lower.startsWith(key) || key.startsWith(lower))) {
        scored.add(new Scored(candidate, allowed + 1));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score));
    return scored.stream().limit(MOST).map(Scored::candidate).toList();
  }

  /** " did you mean a, b or c?" for a message, or "" when nothing is near. */
  static String suggestion(String word, Collection<String> candidates) {
    List<String> near = of(word, candidates);
    if (near.isEmpty()) {
      return "";
    }
    if (near.size() == 1) {
      return "; did you mean " + near.getFirst() + "?";
    }
    return "; did you mean " + String.join(", ", near.subList(0, near.size() - 1)) + " or "
        + near.getLast() + "?";
  }

  /** Levenshtein distance, with a transposition counting as one edit. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

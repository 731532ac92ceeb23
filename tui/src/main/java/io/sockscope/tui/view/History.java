package io.sockscope.tui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entries typed so far, oldest first, as Up/Down and Ctrl-R walk them: the line shell's
 * history file's entries at the start, then each entry of this session. An entry equal to the
 * one before it is not added again (the line shell's rule), and only the newest {@link #LIMIT}
 * are kept.
 */
public final class History {

  static final int LIMIT = 2000;

  private final List<String> entries = new ArrayList<>();

  public History(List<String> loaded) {
    loaded.forEach(this::add);
  }

  /** Adds an entry; false when it repeats the newest one. */
  public boolean add(String entry) {
    if (entry.isBlank() || (!entries.isEmpty() && entries.getLast().equals(entry))) {
      return false;
    }
    entries.add(entry);
    if (entries.size() > LIMIT) {
      entries.removeFirst();
    }
    return true;
  }

  public int size() {
    return entries.size();
  }

  public String get(int index) {
    return entries.get(index);
  }

  /**
   * The newest entry at or before {@code from} that contains {@code query}, as its index; empty
   * when none does.
   */
  public Optional<Integer> searchBack(String query, int from) {
    for (int i = Math.min(from, entries.size() - 1); i >= 0; i--) {
      if (entries.get(i).contains(query)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  public List<String> entries() {
    return List.copyOf(entries);
  }
}

package io.sockscope.shell.run;

/** Finding and counting a byte sequence inside another, for the bytes methods and {@code in}. */
final class ByteSearch {

  private ByteSearch() {}

  /** The first index in {@code [from, to)} where {@code needle} starts, or -1. */
  static int indexOf(byte[] hay, byte[] needle, int from, int to) {
    for (int i = Math.max(0, from); i + needle.length <= to; i++) {
      if (matchesAt(hay, needle, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The last index in {@code [from, to)} where {@code needle} starts, or -1. */
  static int lastIndexOf(byte[] hay, byte[] needle, int from, int to) {
    for (int i = to - needle.length; i >= Math.max(0, from); i--) {
      if (matchesAt(hay, needle, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Non-overlapping occurrences of {@code needle} in {@code [from, to)}. */
  static int count(byte[] hay, byte[] needle, int from, int to) {
    if (needle.length == 0) {
      return Math.max(0, to - from) + 1;
    }
    int count = 0;
    int at = indexOf(hay, needle, from, to);
    while (at >= 0) {
      count++;
      at = indexOf(hay, needle, at + needle.length, to);
    }
    return count;
  }

  static boolean matchesAt(byte[] hay, byte[] needle, int at) {
    if (at < 0 || at + needle.length > hay.length) {
      return false;
    }
    for (int j = 0; j < needle.length; j++) {
      if (hay[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }
}

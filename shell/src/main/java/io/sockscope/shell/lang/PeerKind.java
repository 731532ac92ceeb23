package io.sockscope.shell.lang;

import java.util.Locale;
import java.util.Optional;

/** The built-in peers a {@code serve} statement starts. */
public enum PeerKind {
  ECHO("sends back every byte it receives, to many clients at once"),
  DISCARD("reads and drops every byte"),
  CHARGEN("sends the RFC 864 character stream until the client closes"),
  SINK("accepts connections and never reads: the client's window fills");

  private final String summary;

  PeerKind(String summary) {
    this.summary = summary;
  }

  /** The word that names the kind in {@code serve KIND}. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What the peer does, in one line. */
  public String summary() {
    return summary;
  }

  /** The kind named {@code word}, ignoring case. */
  public static Optional<PeerKind> of(String word) {
    for (PeerKind kind : values()) {
      if (kind.keyword().equalsIgnoreCase(word)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}

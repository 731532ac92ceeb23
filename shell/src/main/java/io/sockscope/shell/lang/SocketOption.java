package io.sockscope.shell.lang;

/**
 * A socket option the engine sets and reads: its constant ({@code SO_REUSEADDR}), its level
 * ({@code SOL_SOCKET} or {@code IPPROTO_TCP}), the short name {@code opt} also takes
 * ({@code reuseaddr}), the kind of value it takes, and what it does.
 */
public record SocketOption(
    String constant, String level, String alias, ValueKind valueKind, String summary) {

  /** The value an option takes. */
  public enum ValueKind {
    /** 0 or 1; the short form also takes on/off, true/false, yes/no. */
    FLAG,
    /** A non-negative integer; the short form also takes 64k, 1M. */
    INTEGER,
    /** The pair (onoff, seconds), written {@code 1,0}; Python packs it: struct.pack("ii", 1, 0). */
    LINGER
  }
}

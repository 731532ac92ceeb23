package io.sockscope.shell.lang;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TCP connection states under the names Linux gives them ({@code /proc/net/tcp},
 * {@code include/net/tcp_states.h}). {@link #of} also takes RFC 9293's spellings
 * ({@code SYN-RECEIVED}, {@code FIN-WAIT-1}, {@code CLOSED}) and {@code ss}'s ({@code ESTAB}).
 */
public enum TcpState {
  ESTABLISHED("ESTAB"),
  SYN_SENT(),
  SYN_RECV("SYN_RECEIVED"),
  FIN_WAIT1("FIN_WAIT_1"),
  FIN_WAIT2("FIN_WAIT_2"),
  TIME_WAIT(),
  CLOSE("CLOSED", "UNCONN"),
  CLOSE_WAIT(),
  LAST_ACK(),
  LISTEN(),
  CLOSING(),
  NEW_SYN_RECV();

  private final List<String> aliases;

  TcpState(String... aliases) {
    this.aliases = List.of(aliases);
  }

  /** Other names that mean this state, in the spelling {@link #of} compares against. */
  public List<String> aliases() {
    return aliases;
  }

  /** The state named {@code word}, ignoring case and treating {@code -} as {@code _}. */
  public static Optional<TcpState> of(String word) {
    String key = word.toUpperCase(Locale.ROOT).replace('-', '_');
    for (TcpState state : values()) {
      if (state.name().equals(key) || state.aliases.contains(key)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}

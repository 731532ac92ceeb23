package io.sockscope.shell.lang;

import java.util.Optional;

/**
 * The TCP header flags, in the order tcpdump prints their letters ({@code [FP.]}, {@code [S.]}):
 * FIN F, SYN S, RST R, PSH P, ACK {@code .}, URG U, ECE E, CWR W.
 */
public enum TcpFlag {
  FIN('F'),
  SYN('S'),
  RST('R'),
  PSH('P'),
  ACK('.'),
  URG('U'),
  ECE('E'),
  CWR('W');

  private final char letter;

  TcpFlag(char letter) {
    this.letter = letter;
  }

  /** tcpdump's letter for the flag. */
  public char letter() {
    return letter;
  }

  /** The flag tcpdump prints as {@code letter}; letters are upper case, ACK is {@code .}. */
  public static Optional<TcpFlag> ofLetter(char letter) {
    for (TcpFlag flag : values()) {
      if (flag.letter == letter) {
        return Optional.of(flag);
      }
    }
    return Optional.empty();
  }
}

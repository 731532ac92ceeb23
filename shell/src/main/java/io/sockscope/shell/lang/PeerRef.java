package io.sockscope.shell.lang;

import java.util.Optional;

/** Which built-in peer a {@code stop} statement means: by its name or by its port. */
public sealed interface PeerRef {

  /** {@code stop echo}: the peer's name ({@code serve ... as NAME}, or its kind by default). */
  record Named(String name) implements PeerRef {}

  /** {@code stop 9000} or {@code stop 127.0.0.1:9000}: the peer listening there. */
  record AtPort(Optional<String> host, int port) implements PeerRef {}
}

package io.sockscope.shell.complete;

import java.util.List;

/** A fixed session for completion tests: sockets {@code s} and {@code server}, peer echo. */
record Names(List<SessionNames.Known> sockets, List<SessionNames.Known> variables,
    List<SessionNames.Known> peers) implements SessionNames {

  static Names tutorial() {
    return new Names(
        List.of(new Known("s", "fd 5, ESTABLISHED → 127.0.0.1:9000"),
            new Known("server", "fd 6, LISTEN 127.0.0.1:8080")),
        List.of(new Known("reply", "b'hi'")),
        List.of(new Known("echo", "echo on 127.0.0.1:9000")));
  }
}

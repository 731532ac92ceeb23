package io.sockscope.shell.complete;

import java.util.List;

/**
 * What completion needs to know of a running session: the names bound to open sockets, the
 * other names the user has assigned, and the running built-in peers. Asked again at every Tab,
 * so it always tells the present; implementations read the session's live state and must be
 * safe to call from the thread that reads the line.
 */
public interface SessionNames {

  /** A name and what it stands for in one line ({@code fd 5, ESTABLISHED → 127.0.0.1:9000}). */
  record Known(String name, String description) {}

  /** Names bound to open sockets: methods complete after {@code NAME.}. */
  List<Known> sockets();

  /** Other names with a value ({@code reply}, {@code data}). */
  List<Known> variables();

  /** The running built-in peers, which {@code stop} takes. */
  List<Known> peers();

  /** A session with nothing in it. */
  static SessionNames empty() {
    return new SessionNames() {
      @Override
      public List<Known> sockets() {
        return List.of();
      }

      @Override
      public List<Known> variables() {
        return List.of();
      }

      @Override
      public List<Known> peers() {
        return List.of();
      }
    };
  }
}

package io.sockscope.shell.lang;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names {@code expect error} takes: Linux errno names a socket call can fail with, and the
 * Python exceptions that stand for groups of them (PEP 3151), so that a script can say what a
 * Python programmer would catch.
 */
final class ErrorNames {

  static final List<String> ERRNOS =
      List.of(
          "EACCES", "EADDRINUSE", "EADDRNOTAVAIL", "EAFNOSUPPORT", "EAGAIN", "EALREADY", "EBADF",
          "ECONNABORTED", "ECONNREFUSED", "ECONNRESET", "EDESTADDRREQ", "EFAULT", "EHOSTDOWN",
          "EHOSTUNREACH", "EINPROGRESS", "EINTR", "EINVAL", "EISCONN", "EMFILE", "EMSGSIZE",
          "ENETDOWN", "ENETRESET", "ENETUNREACH", "ENFILE", "ENOBUFS", "ENOENT", "ENOMEM",
          "ENOPROTOOPT", "ENOTCONN", "ENOTSOCK", "EOPNOTSUPP", "EPERM", "EPIPE",
          "EPROTONOSUPPORT", "EPROTOTYPE", "ESHUTDOWN", "ETIMEDOUT", "EWOULDBLOCK");

  /** Errno names that are one number on Linux. */
  private static final Map<String, Set<String>> SAME_NUMBER =
      Map.of(
          "EAGAIN", Set.of("EAGAIN", "EWOULDBLOCK"),
          "EWOULDBLOCK", Set.of("EAGAIN", "EWOULDBLOCK"));

  static final Map<String, Set<String>> EXCEPTIONS = exceptions();

  private ErrorNames() {}

  private static Map<String, Set<String>> exceptions() {
    Map<String, Set<String>> map = new LinkedHashMap<>();
    map.put("BlockingIOError", Set.of("EAGAIN", "EALREADY", "EWOULDBLOCK", "EINPROGRESS"));
    map.put("BrokenPipeError", Set.of("EPIPE", "ESHUTDOWN"));
    map.put("ConnectionAbortedError", Set.of("ECONNABORTED"));
    map.put("ConnectionRefusedError", Set.of("ECONNREFUSED"));
    map.put("ConnectionResetError", Set.of("ECONNRESET"));
    map.put("ConnectionError",
        Set.of("EPIPE", "ESHUTDOWN", "ECONNABORTED", "ECONNREFUSED", "ECONNRESET"));
    map.put("FileNotFoundError", Set.of("ENOENT"));
    map.put("InterruptedError", Set.of("EINTR"));
    map.put("PermissionError", Set.of("EACCES", "EPERM"));
    map.put("TimeoutError", Set.of("ETIMEDOUT"));
    map.put("OSError", Set.of());
    return Map.copyOf(map);
  }

  /** The expectation {@code word} names, ignoring case; empty when it names no error. */
  static Optional<Expectation.Error> lookup(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    if (ERRNOS.contains(upper)) {
      return Optional.of(new Expectation.Error(upper, SAME_NUMBER.getOrDefault(upper, Set.of(upper))));
    }
    for (Map.Entry<String, Set<String>> e : EXCEPTIONS.entrySet()) {
      if (e.getKey().equalsIgnoreCase(word)) {
        return Optional.of(new Expectation.Error(e.getKey(), e.getValue()));
      }
    }
    return Optional.empty();
  }
}

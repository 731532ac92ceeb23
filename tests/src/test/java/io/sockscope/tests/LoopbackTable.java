package io.sockscope.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kernel's table of TCP sockets ({@code /proc/net/tcp} and {@code tcp6}), read to check what
 * a finished process left behind: which sockets on a port are still listening or connected.
 */
final class LoopbackTable {

  /** Kernel state numbers (include/net/tcp_states.h) that mean a live socket. */
  private static final List<String> LIVE = List.of("01", "0A", "08");

  private LoopbackTable() {}

  /** Sockets with {@code port} at either end that listen, are established or in CLOSE_WAIT. */
  static List<String> liveOnPort(int port) throws IOException {
    String hex = String.format(Locale.ROOT, "%04X", port);
    List<String> live = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      for (String line : Files.readAllLines(path)) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4 || !f[1].contains(":")) {
          continue;
        }
        boolean onPort = f[1].endsWith(":" + hex) || f[2].endsWith(":" + hex);
        if (onPort && LIVE.contains(f[3])) {
          live.add(line.trim());
        }
      }
    }
    return live;
  }
}

package io.sockscope.shell.run;

import io.sockscope.engine.Endpoint;
import io.sockscope.engine.kernel.ProcNetTcp;
import io.sockscope.engine.kernel.ProcTcpEntry;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds the fd of an accepted socket, which accept()'s result does not carry: the connection's
 * inode from /proc/net/tcp (by its 4-tuple), then the fd of this process that links to
 * {@code socket:[inode]} in /proc/self/fd. Python shows the fd in a socket's repr and sockscope
 * in its {@code sockets} table.
 */
final class FdLookup {
  private static final Path FDS = Path.of("/proc/self/fd");

  private FdLookup() {}

  static OptionalInt fdOf(Endpoint local, Endpoint remote) {
    Optional<ProcTcpEntry> entry = ProcNetTcp.find(local, remote);
    if (entry.isEmpty() || entry.get().inode() == 0) {
      return OptionalInt.empty();
    }
    String target = "socket:[" + entry.get().inode() + "]";
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(FDS)) {
      for (Path fd : fds) {
        if (linksTo(fd, target)) {
          return OptionalInt.of(Integer.parseInt(fd.getFileName().toString()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return OptionalInt.empty();
    }
    return OptionalInt.empty();
  }

  private static boolean linksTo(Path fd, String target) {
    try {
      return Files.readSymbolicLink(fd).toString().equals(target);
    } catch (IOException e) {
      return false;
    }
  }
}

package io.sockscope.shell.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the command line asked of capture.
 *
 * @param enabled  false with {@code --no-capture}
 * @param required {@code --require-capture}: a run without capture exits with code 3
 * @param iface    {@code -i IFACE}: capture there instead of on the interfaces the sockets use
 * @param write    {@code -w FILE.pcap}: keep every captured frame in this file
 */
public record CaptureSettings(boolean enabled, boolean required, Optional<String> iface,
    Optional<Path> write) {

  /** Capture off, as {@code --no-capture} asks. */
  public static CaptureSettings off() {
    return new CaptureSettings(false, false, Optional.empty(), Optional.empty());
  }
}

package io.sockscope.shell.cli;

import io.sockscope.shell.run.CaptureSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The capture options every face that runs statements takes (SPEC §2). */
public final class CaptureMixin {
  @Option(names = "--no-capture", description = "Run the calls without capturing their segments.")
  boolean noCapture;

  @Option(names = "--require-capture",
      description = "Exit with code 3 at once if live capture cannot run.")
  boolean requireCapture;

  @Option(names = {"-i", "--iface"}, paramLabel = "IFACE",
      description = "Capture on IFACE instead of the interfaces the sockets use.")
  String iface;

  @Option(names = {"-w", "--write"}, paramLabel = "FILE.pcap",
      description = "Keep every captured frame in FILE.pcap.")
  Path write;

  public CaptureSettings settings() {
    return new CaptureSettings(!noCapture, requireCapture, Optional.ofNullable(iface),
        Optional.ofNullable(write));
  }
}

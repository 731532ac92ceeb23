package io.sockscope.shell.run;

/**
 * What capture has counted so far on one interface, for a status line that shows it while the
 * session runs (the {@code capture} record gives the final counts when it ends).
 *
 * @param iface    the interface
 * @param received frames of the session's traffic the kernel handed to capture
 * @param dropped  frames capture lost because it could not keep up
 */
public record CaptureCount(String iface, long received, long dropped) {
}

package io.sockscope.inspector.flow;

/**
 * What one side offered in its SYN (or SYN+ACK): the options that shape the connection.
 *
 * @param mss              maximum segment size, -1 if not offered
 * @param windowScaleShift window scale shift as sent, -1 if not offered
 * @param sackPermitted    SACK-permitted offered
 * @param timestamps       timestamps offered
 * @param fastOpen         a Fast Open option (cookie or cookie request) present
 * @param window           the raw window of the SYN (never scaled)
 */
public record HandshakeOptions(int mss, int windowScaleShift, boolean sackPermitted,
        boolean timestamps, boolean fastOpen, int window) {
}

package io.sockscope.engine;

/**
 * What the kernel was about to do when close() was called, read just before it: bytes received
 * and never read (with any, Linux answers close() with RST instead of FIN) and the SO_LINGER
 * setting (on with 0 seconds: an abortive close, RST).
 *
 * @param unreadBytes bytes in the receive queue (SIOCINQ)
 * @param linger      SO_LINGER at that moment
 */
public record Closing(long unreadBytes, OptValue.Linger linger) {

    /** True when this close makes the kernel send RST rather than FIN. */
    public boolean resets() {
        return unreadBytes > 0 || linger.on() && linger.seconds() == 0;
    }
}

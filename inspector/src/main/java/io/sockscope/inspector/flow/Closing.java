package io.sockscope.inspector.flow;

/**
 * The first close seen on a connection: who sent the first FIN or RST, which, and in which frame.
 *
 * @param by    the side that sent it
 * @param reset true for a RST, false for a FIN
 * @param frame the frame number
 */
public record Closing(Side by, boolean reset, long frame) {
}

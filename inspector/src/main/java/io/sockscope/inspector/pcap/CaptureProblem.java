package io.sockscope.inspector.pcap;

/**
 * Why a capture file could not be read any further: a malformed or truncated header or record,
 * found at a known place. Reported as a value by {@link CaptureReader#problem()}; the frames
 * before it were delivered normally.
 *
 * @param what        what is wrong and what was expected, in one line
 * @param frameNumber the 1-based number the frame being read would have had
 * @param byteOffset  offset in the file of the header or record that is wrong
 */
public record CaptureProblem(String what, long frameNumber, long byteOffset) {

    /** One line for the user: {@code frame 12 (byte offset 1184): truncated record: ...}. */
    public String message() {
        return "frame " + frameNumber + " (byte offset " + byteOffset + "): " + what;
    }
}

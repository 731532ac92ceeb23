package io.sockscope.inspector.pcap;

/**
 * The outcome of opening a capture file: a reader positioned before the first frame, or one
 * line saying why the file cannot be read (missing, unreadable, not a pcap or pcapng file).
 */
public sealed interface CaptureOpen {

    /** The file is a capture; the caller owns {@code reader} and must close it. */
    record Opened(CaptureReader reader) implements CaptureOpen {
    }

    /** The file cannot be read as a capture; {@code message} is one line naming the file. */
    record Unreadable(String message) implements CaptureOpen {
    }
}

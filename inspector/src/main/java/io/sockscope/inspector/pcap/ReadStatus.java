package io.sockscope.inspector.pcap;

/** The outcome of {@link CaptureReader#next()}: a value, so the reading loop needs no catch. */
public enum ReadStatus {
    /** A frame was read; {@link CaptureReader#frame()} holds it until the next call. */
    FRAME,
    /** The file ended cleanly at a record boundary. */
    END,
    /** The file cannot be read further; {@link CaptureReader#problem()} says why and where. */
    PROBLEM
}

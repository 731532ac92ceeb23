package io.sockscope.inspector.pcap;

import java.io.IOException;

/** One file format's record walk: fills the frame cursor or says why it cannot. */
abstract sealed class RecordFormat permits ClassicPcapFormat, PcapngFormat {

    protected final ByteWindow window;
    protected long framesRead;
    private CaptureProblem problem;

    RecordFormat(ByteWindow window) {
        this.window = window;
    }

    /** Reads the next packet into {@code frame}; frame numbers count from 1. */
    abstract ReadStatus next(RawFrame frame) throws IOException;

    /** A short description of the format for messages, e.g. "pcap (microseconds, little-endian)". */
    abstract String describe();

    final ReadStatus fail(String what, long byteOffset) {
        problem = new CaptureProblem(what, framesRead + 1, byteOffset);
        return ReadStatus.PROBLEM;
    }

    final CaptureProblem problem() {
        return problem;
    }

    /** A problem for a file that ends in the middle of something {@code needed} bytes long. */
    final ReadStatus truncated(String inside, long byteOffset, int needed, int available) {
        return fail("truncated: the file ends inside " + inside + ": " + available + " of its "
                + needed + " bytes are there", byteOffset);
    }
}

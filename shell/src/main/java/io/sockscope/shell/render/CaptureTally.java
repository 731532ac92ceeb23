package io.sockscope.shell.render;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a live capture went, counted honestly, for the closing {@code capture} record and the
 * closing text line of {@code sockscope capture}: what the kernel received and dropped, what was
 * explained, what went into the {@code -w} file, and what ended it.
 *
 * @param iface       the interface captured on
 * @param filter      the BPF filter in force (blank: everything)
 * @param endedBy     what ended it, as the record names it: {@code interrupt}, {@code count},
 *                    {@code duration}, {@code write_failure}, {@code capture_failure},
 *                    {@code output_failure}
 * @param endedByText the same in words: {@code Ctrl-C}, {@code -c 10}, …
 * @param failure     for a capture that stopped on a failure, the one line saying what failed
 * @param received    frames the kernel accepted for the capture (libpcap's ps_recv)
 * @param dropped     frames lost because the capture buffer was full or the interface dropped them
 * @param frames      frames read and explained (and written with {@code -w})
 * @param segments    of those, TCP segments
 * @param connections TCP connections seen
 * @param writtenTo   the {@code -w} file, if any
 * @param written     frames the {@code -w} file holds; empty without {@code -w}
 * @param startNanos  when the capture began, ns since the epoch
 * @param endNanos    when it ended
 */
public record CaptureTally(String iface, String filter, String endedBy, String endedByText,
        Optional<String> failure, long received, long dropped, long frames, long segments,
        int connections, Optional<Path> writtenTo, OptionalLong written, long startNanos,
        long endNanos) {

    /** {@code ok} when the capture ended as asked, {@code failed} when a failure stopped it. */
    public String status() {
        return failure.isPresent() ? "failed" : "ok";
    }

    /**
     * The closing line of the text output: {@code capture on lo: 42 frames received, 0 dropped;
     * 42 TCP segments in 3 connections; ended by Ctrl-C after 12.30 s}.
     */
    public String line() {
        StringBuilder line = new StringBuilder("capture on ").append(iface).append(": ")
                .append(count(received, "frame")).append(" received, ")
                .append(ExplainReport.grouped(dropped)).append(" dropped");
        if (dropped > 0) {
            line.append(" (the capture buffer overflowed: explanations of the affected"
                    + " connections may show loss that was not on the wire)");
        }
        line.append("; ").append(count(segments, "TCP segment")).append(" in ")
                .append(count(connections, "connection"));
        if (frames != segments) {
            line.append(" (").append(count(frames, "frame")).append(" read)");
        }
        if (writtenTo.isPresent()) {
            line.append("; ").append(count(written.orElse(0), "frame")).append(" written to ")
                    .append(writtenTo.get());
        }
        line.append(failure.isPresent() ? "; stopped by " : "; ended by ").append(endedByText)
                .append(" after ").append(ExplainReport.duration(endNanos - startNanos));
        return line.toString();
    }

    private static String count(long n, String noun) {
        return ExplainReport.grouped(n) + " " + noun + (n == 1 ? "" : "s");
    }
}

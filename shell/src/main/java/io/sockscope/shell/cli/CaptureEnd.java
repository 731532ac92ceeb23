package io.sockscope.shell.cli;

import java.util.Optional;

/**
 * What ended a live capture: what the user asked for (Ctrl-C, a count, a duration), or a failure
 * that stopped it early. Decides the exit code and the {@code ended_by} of the capture record.
 */
sealed interface CaptureEnd {

    /** The record's name for it: {@code interrupt}, {@code count}, … */
    String wireName();

    /** In words, after "ended by" or "stopped by": {@code Ctrl-C}, {@code -c 10}, … */
    String text();

    /** The line saying what failed, for an end the user did not ask for. */
    default Optional<String> failure() {
        return Optional.empty();
    }

    /** 0 for an end the user asked for, 1 for a failure. */
    default int exitCode() {
        return failure().isPresent() ? 1 : 0;
    }

    /** Ctrl-C (SIGINT), SIGTERM, or the JVM shutting down; {@code how} says which in words. */
    record Interrupted(String how) implements CaptureEnd {
        @Override
        public String wireName() {
            return "interrupt";
        }

        @Override
        public String text() {
            return how;
        }
    }

    /** {@code -c COUNT} TCP segments were read. */
    record CountReached(long count) implements CaptureEnd {
        @Override
        public String wireName() {
            return "count";
        }

        @Override
        public String text() {
            return "-c " + count;
        }
    }

    /** {@code --duration SECONDS} passed. */
    record DurationReached(String seconds) implements CaptureEnd {
        @Override
        public String wireName() {
            return "duration";
        }

        @Override
        public String text() {
            return "--duration " + seconds;
        }
    }

    /** The {@code -w} file could not be written (disk full, say); {@code line} says why. */
    record WriteFailed(String line) implements CaptureEnd {
        @Override
        public String wireName() {
            return "write_failure";
        }

        @Override
        public String text() {
            return "a write failure";
        }

        @Override
        public Optional<String> failure() {
            return Optional.of(line);
        }
    }

    /** The interface's capture ended by itself (it went away, libpcap failed). */
    record CaptureFailed(String line) implements CaptureEnd {
        @Override
        public String wireName() {
            return "capture_failure";
        }

        @Override
        public String text() {
            return "a capture failure";
        }

        @Override
        public Optional<String> failure() {
            return Optional.of(line);
        }
    }

    /** Standard output cannot be written (a closed pipe, a full disk). */
    record OutputFailed(String line, boolean brokenPipe) implements CaptureEnd {
        @Override
        public String wireName() {
            return "output_failure";
        }

        @Override
        public String text() {
            return "an output failure";
        }

        @Override
        public Optional<String> failure() {
            return Optional.of(line);
        }
    }
}

package io.sockscope.inspector.bench;

import io.sockscope.inspector.flow.CaptureAnalysis;
import java.nio.file.Path;

/**
 * One cold pass of read+decode+analyse over a file, as a whole process would do it for
 * {@code explain --summary}: time it with {@code time java ... ColdSummary FILE}, with and
 * without an AOT cache, to see what JVM start and JIT warm-up cost.
 */
public final class ColdSummary {

    private ColdSummary() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        CaptureAnalysis.Outcome outcome = CaptureAnalysis.summarize(Path.of(args[0]));
        long elapsed = System.nanoTime() - start;
        if (outcome instanceof CaptureAnalysis.Outcome.Completed done) {
            System.out.printf("%d frames, %d flows, %.1f ms in the pass%n", done.frames(),
                    done.flows().size(), elapsed / 1e6);
        } else {
            System.out.println(outcome);
        }
    }
}

package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wording.bytes;
import static io.sockscope.inspector.explain.Wording.duration;
import static io.sockscope.inspector.explain.Wording.grouped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs of data as the connection's story: up to {@link #ALONE} runs that take turns are told one
 * by one ({@code data}, and {@code split} where a run shows it); a longer exchange in which the
 * sides take turns with no pause longer than the run pause (request, response, request...) is
 * one {@code data} explanation for all of it, so a million-message ping-pong is one explanation,
 * not a million. A run that does not take its turn (the same side again, or after a pause) ends
 * the exchange, as do FIN and RST. Live, where the calls are known, every run is told on its own
 * with the calls it came from.
 */
final class ExchangeRule implements Rule {

    /** Exchanges of at most this many runs are told run by run. */
    static final int ALONE = 3;

    private final ConnectionStory story;
    private final List<DataRun> kept = new ArrayList<>(ALONE);
    private final FrameSample frames = new FrameSample();
    private final FrameSample firstSplit = new FrameSample();
    private Direction opener;
    private Direction lastSide;
    private long runs;
    private long firstNanos;
    private long lastNanos;
    private long splitWrites;
    /** Per side, index 0 the opener: runs, bytes, smallest and largest run. */
    private final long[] sideRuns = new long[2];
    private final long[] sideBytes = new long[2];
    private final long[] smallest = new long[2];
    private final long[] largest = new long[2];

    ExchangeRule(ConnectionStory story) {
        this.story = story;
    }

    /** A run of data ended (called by the {@link DataRule}s; {@code run} is reused after). */
    void runEnded(DataRun run) {
        if (story.knowsCalls()) {
            DataRule.tell(story, run);
            return;
        }
        if (runs > 0 && (run.sender == lastSide
                || run.firstNanos - lastNanos > DataRule.pauseNanos(story))) {
            flush();
        }
        add(run);
    }

    @Override
    public void segment(Moment m, Direction from, Direction to) {
        if (runs > 0 && (m.fin || m.rst)) {
            flush();
        }
    }

    @Override
    public void idle(long nowNanos) {
        if (runs > 0 && nowNanos - lastNanos > DataRule.pauseNanos(story)) {
            flush();
        }
    }

    @Override
    public void end() {
        if (runs > 0) {
            flush();
        }
    }

    private void add(DataRun run) {
        if (runs == 0) {
            opener = run.sender;
            firstNanos = run.firstNanos;
        }
        runs++;
        lastSide = run.sender;
        lastNanos = run.lastNanos;
        if (kept.size() < ALONE) {
            kept.add(run.copy());
        }
        frames.addAll(run.frames);
        if (run.splitWrites > 0 && firstSplit.isEmpty()) {
            firstSplit.addAll(run.firstSplit);
        }
        splitWrites += run.splitWrites;
        int side = run.sender == opener ? 0 : 1;
        if (sideRuns[side] == 0 || run.byteCount < smallest[side]) {
            smallest[side] = run.byteCount;
        }
        largest[side] = Math.max(largest[side], run.byteCount);
        sideRuns[side]++;
        sideBytes[side] += run.byteCount;
    }

    private void flush() {
        if (runs <= ALONE) {
            for (DataRun run : kept) {
                DataRule.tell(story, run);
            }
        } else {
            tellExchange();
        }
        kept.clear();
        frames.clear();
        firstSplit.clear();
        runs = 0;
        splitWrites = 0;
        sideRuns[0] = 0;
        sideRuns[1] = 0;
        sideBytes[0] = 0;
        sideBytes[1] = 0;
        largest[0] = 0;
        largest[1] = 0;
    }

    private void tellExchange() {
        Direction answerer = opener.peer;
        String answered = sideRuns[1] == sideRuns[0] ? "and " + answerer.name + " answered each"
                + " with " + size(1) : "and " + answerer.name + " sent " + grouped(sideRuns[1])
                + " of " + size(1);
        String text = opener.name + " and " + answerer.name + " took turns over "
                + duration(lastNanos - firstNanos) + ": " + opener.name + " sent "
                + grouped(sideRuns[0])
                + " messages of " + size(0) + " (" + bytes(sideBytes[0]) + " in all), "
                + answered + " (" + bytes(sideBytes[1]) + "). A request/response exchange: most"
                + " likely " + opener.name + "'s program calls send() and then recv() in a loop,"
                + " and " + answerer.name + "'s program recv() and then send(). Every turn waits"
                + " a round trip; where latency matters, send several requests before reading"
                + " the answers.";
        story.tell(ExplanationCode.DATA, frames, frames.first(), Optional.empty(), text, true);
        if (splitWrites > 0) {
            DataRule.split(story, opener, splitWrites, firstSplit);
        }
    }

    private String size(int side) {
        return smallest[side] == largest[side] ? bytes(largest[side])
                : grouped(smallest[side]) + "–" + bytes(largest[side]);
    }
}

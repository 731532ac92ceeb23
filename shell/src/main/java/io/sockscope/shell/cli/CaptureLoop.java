package io.sockscope.shell.cli;

import io.sockscope.inspector.capture.CaptureSource;
import io.sockscope.inspector.capture.CaptureStats;
import io.sockscope.inspector.capture.CaptureSummary;
import io.sockscope.inspector.capture.LiveFrame;
import io.sockscope.inspector.decode.FrameDecoder;
import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.explain.Explainer;
import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.explain.ExplanationListener;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpAnalyzer;
import io.sockscope.inspector.flow.TcpState;
import io.sockscope.inspector.pcap.CaptureInfo;
import io.sockscope.inspector.pcap.PcapWriter;
import io.sockscope.shell.render.CaptureTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One live capture from its first frame to its closing record, on the thread that calls {@link
 * #run}: each frame is written to the {@code -w} file, decoded, analysed (one pass, as tshark
 * without {@code -2}), explained and printed, in capture order, and time is kept with ticks so
 * that explanations complete while the wire is quiet.
 *
 * <p>Memory stays bounded however long it runs. A connection that ended (both sides closed or
 * reset, as the wire shows it) and stayed quiet for {@link #ENDED_GRACE_NANOS} is summarised and
 * dropped from the explainer; the analyser forgets it {@link #ENDED_KEEP_NANOS} after its last
 * frame (a late segment of it until then stays in its stream; one after that would start a new
 * stream, where tshark would still remember the old one). A connection whose end is never seen
 * (a SYN nobody answers, a FIN the capture dropped, an idle connection) is summarised and
 * forgotten once quiet for {@link #QUIET_NANOS}. What is left grows with the connections open
 * at once, not with time.
 *
 * <p>Stopping: Ctrl-C, {@code --duration}, a write failure or a capture failure stop the capture
 * and then explain every frame already captured before the summaries; {@code -c COUNT} stops
 * right after the COUNT-th TCP segment, and frames after it are neither explained nor written.
 */
final class CaptureLoop implements ExplanationListener {

    /** How often time is kept when no frames come. */
    static final long TICK_NANOS = 100_000_000L;
    /** How often ended connections are forgotten and drops are looked for. */
    static final long HOUSEKEEPING_NANOS = 1_000_000_000L;
    /** An ended connection quiet this long is summarised. */
    static final long ENDED_GRACE_NANOS = 1_000_000_000L;
    /** The analyser forgets an ended connection this long after its last frame. */
    static final long ENDED_KEEP_NANOS = Explainer.FORGET_AFTER_NANOS;
    /** A connection quiet this long without being seen to end is summarised and forgotten. */
    static final long QUIET_NANOS = 600_000_000_000L;
    private static final long DRAIN_POLL_NANOS = 10_000_000L;
    private static final int ENDING = TcpFlags.FIN | TcpFlags.RST;

    /**
     * What to capture for and when to stop.
     *
     * @param iface           the interface, for the closing record
     * @param filter          the filter in force, for the closing record
     * @param writeTo         the {@code -w} file, if any
     * @param count           stop after this many TCP segments
     * @param durationNanos   stop after this long
     * @param durationText    the duration as the user gave it, for the closing record
     * @param openedNanos     when the capture was opened (its first frames may precede {@link
     *                        #run}), ns since the epoch
     */
    record Plan(String iface, String filter, Optional<Path> writeTo, OptionalLong count,
            OptionalLong durationNanos, String durationText, long openedNanos) {
    }

    private final CaptureSource source;
    private final FrameQueue queue;
    private final Optional<PcapWriter> writer;
    private final CaptureOutput output;
    private final Plan plan;
    private final AtomicReference<String> stopRequest;
    private final FrameDecoder decoder = new FrameDecoder();
    private final TcpAnalyzer analyzer;
    private final Explainer explainer = Explainer.offline(this);
    /** Streams that sent FIN or RST and are not summarised yet: their last frame's time. */
    private final Map<Integer, Long> closing = new HashMap<>();
    /** Streams summarised and not yet forgotten by the analyser: when they were summarised. */
    private final Map<Integer, Long> summarised = new HashMap<>();
    /** Quiet streams the analyser just forgot, while the explainer completes them. */
    private final Map<Integer, Flow> quiet = new HashMap<>();
    private CaptureEnd end;
    private PcapWriter.Failed writeFailure;
    private boolean unflushed;
    private long frames;
    private long segments;
    private long droppedSeen;

    /**
     * @param source      the running capture, delivering into {@code queue}; stopped by {@link #run}
     * @param writer      the {@code -w} file, opened with the capture's link type; closed by {@link #run}
     * @param analyzer    a fresh {@link TcpAnalyzer#onePass()}, which {@code output} may also ask
     *                    about connections (their roles, their summaries)
     * @param stopRequest set to how the user asked to stop (e.g. {@code Ctrl-C}), from any thread
     */
    CaptureLoop(CaptureSource source, FrameQueue queue, Optional<PcapWriter> writer,
            CaptureOutput output, TcpAnalyzer analyzer, Plan plan,
            AtomicReference<String> stopRequest) {
        this.source = source;
        this.analyzer = analyzer;
        this.queue = queue;
        this.writer = writer;
        this.output = output;
        this.plan = plan;
        this.stopRequest = stopRequest;
    }

    /** How a capture ended, and the frames it lost. */
    record Outcome(CaptureEnd end, long dropped) {
    }

    /**
     * Runs until something ends the capture, stops it, explains what is left and writes the
     * closing record or line. The capture is stopped whatever happens. {@code stopRequest}
     * (set from any thread, e.g. by Ctrl-C) is how the user ends it; its text says how.
     */
    Outcome run() {
        long started = System.nanoTime();
        boolean timed = plan.durationNanos().isPresent();
        long deadline = started + plan.durationNanos().orElse(0);
        long nextTick = started + TICK_NANOS;
        long nextHousekeeping = started + HOUSEKEEPING_NANOS;
        try {
            while (end == null) {
                long now = System.nanoTime();
                if (stopRequest.get() != null) {
                    end = new CaptureEnd.Interrupted(stopRequest.get());
                } else if (timed && now - deadline >= 0) {
                    end = new CaptureEnd.DurationReached(plan.durationText());
                } else if (now - nextTick >= 0) {
                    tick(wallNanos());
                    nextTick = now + TICK_NANOS;
                    if (now - nextHousekeeping >= 0) {
                        housekeeping(wallNanos());
                        nextHousekeeping = now + HOUSEKEEPING_NANOS;
                    }
                    if (source.awaitEnd(Duration.ZERO)) {
                        end = new CaptureEnd.CaptureFailed("");
                    }
                } else {
                    LiveFrame frame = queue.poll((timed && deadline - nextTick < 0 ? deadline
                            : nextTick) - now);
                    if (frame != null) {
                        process(frame);
                        if (queue.isEmpty()) {
                            output.flush();
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            end = outputFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = new CaptureEnd.Interrupted("an interrupt of the capture thread");
        }
        CaptureSummary summary = stop();
        if (end instanceof CaptureEnd.CaptureFailed) {
            end = new CaptureEnd.CaptureFailed(summary.failures().isEmpty()
                    ? "capture on " + plan.iface() + " ended by itself"
                    : summary.failures().getFirst().line());
        }
        if (writeFailure != null && end.failure().isEmpty()) {
            end = new CaptureEnd.WriteFailed(writeFailure.line());
        }
        OptionalLong kept = writer.isEmpty() ? OptionalLong.empty() : OptionalLong.of(closeWriter());
        CaptureStats total = summary.total();
        if (!(end instanceof CaptureEnd.OutputFailed)) {
            try {
                explainer.finish();
                output.finish(new CaptureTally(plan.iface(), plan.filter(), end.wireName(),
                        end.text(), end.failure(), total.received(), total.dropped(), frames,
                        segments, analyzer.streamCount(), plan.writeTo(), kept, plan.openedNanos(),
                        wallNanos()));
            } catch (IOException | UncheckedIOException e) {
                end = outputFailed(e);
            }
        }
        return new Outcome(end, total.dropped());
    }

    @Override
    public void explained(Explanation explanation) {
        try {
            output.explained(explanation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void closed(int stream) {
        long now = wallNanos();
        summarised.put(stream, now);
        closing.remove(stream);
        try {
            Flow forgotten = quiet.get(stream);
            if (forgotten != null) {
                output.quiet(stream, forgotten, now - forgotten.lastNanos());
            } else {
                output.closed(stream, analyzer.flow(stream));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void process(LiveFrame frame) throws IOException {
        frames++;
        if (writer.isPresent() && writeFailure == null) {
            if (writer.get().write(frame.atNanos(), frame.wireLength(), frame.bytes(), 0,
                    frame.capturedLength()) instanceof PcapWriter.Failed failed) {
                writeFailure = failed;
                if (end == null) {
                    end = new CaptureEnd.WriteFailed(failed.line());
                }
            }
            unflushed = true;
        }
        decoder.decode(frame.bytes(), new CaptureInfo(frame.atNanos(), frame.capturedLength(),
                frame.wireLength(), frame.linkType()));
        if (!analyzer.analyze(decoder, frames, frame.atNanos())) {
            return;
        }
        segments++;
        Segment s = analyzer.segment();
        output.segment(s);
        int stream = s.stream();
        if (summarised.containsKey(stream)) {
            output.closed(stream, Optional.empty());
        } else {
            explainer.accept(s);
            output.settle();
            if ((s.flags() & ENDING) != 0 || closing.containsKey(stream)) {
                closing.put(stream, s.atNanos());
            }
        }
        if (end == null && plan.count().isPresent() && segments >= plan.count().getAsLong()) {
            end = new CaptureEnd.CountReached(plan.count().getAsLong());
        }
    }

    /** Completes what time completes: explanations of quiet connections, ended connections, held rows. */
    private void tick(long nowNanos) throws IOException {
        explainer.tick(nowNanos);
        Iterator<Map.Entry<Integer, Long>> it = closing.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, Long> entry = it.next();
            if (nowNanos - entry.getValue() < ENDED_GRACE_NANOS) {
                continue;
            }
            Optional<Flow> flow = analyzer.flow(entry.getKey());
            if (flow.isEmpty() || ended(flow.get())) {
                it.remove();
                explainer.endOfStream(entry.getKey());
            }
        }
        output.idle(nowNanos);
        if (unflushed && writer.isPresent()) {
            unflushed = false;
            if (writer.get().flush() instanceof PcapWriter.Failed failed && writeFailure == null) {
                writeFailure = failed;
                end = new CaptureEnd.WriteFailed(failed.line());
            }
        }
        output.flush();
    }

    private void housekeeping(long nowNanos) throws IOException {
        analyzer.forgetEnded(nowNanos - ENDED_KEEP_NANOS);
        for (Flow flow : analyzer.forgetIdle(nowNanos - QUIET_NANOS)) {
            if (!summarised.containsKey(flow.stream())) {
                quiet.put(flow.stream(), flow);
                explainer.endOfStream(flow.stream());
                quiet.remove(flow.stream());
            }
            closing.remove(flow.stream());
        }
        summarised.values().removeIf(at -> nowNanos - at > ENDED_KEEP_NANOS);
        long dropped = CaptureStats.total(source.stats()).dropped();
        if (dropped > droppedSeen) {
            output.note("! " + (dropped - droppedSeen) + " more frames dropped (" + dropped
                    + " in all): the capture buffer overflowed, so explanations may show loss"
                    + " that was not on the wire; try --summary or a narrower -f filter");
            droppedSeen = dropped;
        }
    }

    private static boolean ended(Flow flow) {
        return isEnded(flow.client().state()) && isEnded(flow.server().state());
    }

    private static boolean isEnded(TcpState state) {
        return state == TcpState.RESET || state == TcpState.CLOSED || state == TcpState.TIME_WAIT;
    }

    /**
     * Stops the capture and reads its final counters. After a count or an output failure the
     * frames still queued are thrown away; otherwise they are explained while the capture
     * threads wind down.
     */
    private CaptureSummary stop() {
        if (end instanceof CaptureEnd.CountReached || end instanceof CaptureEnd.OutputFailed) {
            queue.abandon();
            return source.stop();
        }
        CompletableFuture<CaptureSummary> stopped = new CompletableFuture<>();
        Thread.ofPlatform().name("sockscope-capture-stop").start(() -> stopped.complete(source.stop()));
        try {
            while (!stopped.isDone() || !queue.isEmpty()) {
                LiveFrame frame = queue.poll(DRAIN_POLL_NANOS);
                if (frame != null) {
                    process(frame);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            end = outputFailed(e);
            queue.abandon();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queue.abandon();
        }
        return stopped.join();
    }

    private long closeWriter() {
        PcapWriter.Outcome outcome = writer.get().close();
        if (outcome instanceof PcapWriter.Failed failed) {
            if (writeFailure == null) {
                writeFailure = failed;
                if (end.failure().isEmpty()) {
                    end = new CaptureEnd.WriteFailed(failed.line());
                }
            }
            return failed.framesKept();
        }
        return writer.get().framesWritten();
    }

    private static CaptureEnd outputFailed(Exception e) {
        IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage();
        return new CaptureEnd.OutputFailed("cannot write the output: " + message,
                "Broken pipe".equals(message));
    }

    /** Now on the clock of frame times (CLOCK_REALTIME), ns since the epoch. */
    static long wallNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

package io.sockscope.inspector.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Engine;
import io.sockscope.engine.EngineEvent;
import io.sockscope.engine.EngineListener;
import io.sockscope.engine.Op;
import io.sockscope.inspector.capture.CaptureOptions;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.pcap.PcapWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The live inspector of one engine session: it captures the session's own traffic, ties every
 * segment to the call that caused it, explains what happened, and hands the result out per call
 * ({@link #settle}) and, for what no call caused, between calls ({@link LiveOutlet}).
 *
 * <p>Lifetime: {@link #start} opens capture and begins listening to the engine; every call the
 * engine makes from then on is followed. A face calls {@link #settle} once per call, after the
 * call ended and before it shows the call; {@link #catchUp} and {@link #summary} when a script
 * asks about what happened; {@link #stop} once at the end, which stops capture and every thread
 * this started.
 *
 * <p>Threads: capture threads (one per interface) decode and analyse frames; the caller's thread
 * waits at the barrier in {@link #settle} and then attributes and explains; the session's own
 * thread ({@code sockscope-live}) looks every 25 ms for what no call took, ticks the explainer,
 * and watches closed sockets leave the kernel. Everything after decoding runs under one lock.
 */
public final class LiveSession {

    /** Calls that can put segments on the wire, whose group waits at the barrier. */
    private static final Set<Op> NETWORK = EnumSet.of(Op.CONNECT, Op.CONNECT_EX, Op.ACCEPT,
            Op.SEND, Op.SENDALL, Op.RECV, Op.SHUTDOWN, Op.CLOSE);
    /** Calls after which a socket may be somewhere else: the filter and interfaces follow. */
    private static final Set<Op> RELOCATING = EnumSet.of(Op.BIND, Op.LISTEN, Op.CONNECT,
            Op.CONNECT_EX, Op.ACCEPT, Op.CLOSE);
    /**
     * How often the session's thread looks for what no call took, and how long frames or
     * records must have waited before it takes them: often enough for a person watching, and
     * late enough not to compete with a script's calls, whose settles take them first.
     */
    private static final long ROUND_NANOS = 25_000_000L;
    private static final long TICK_NANOS = 100_000_000L;
    private static final long LINGER_CHECK_NANOS = 1_000_000_000L;
    /** Ticks stay this far behind the clock, so a frame still on its way is not skipped. */
    private static final long TICK_LAG_NANOS = 20_000_000L;

    private final Engine engine;
    private final LiveOutlet outlet;
    private final Marker marker;
    private final FrameIntake intake;
    private final SessionCapture capture;
    private final Interfaces interfaces;
    private final Object pipelineLock = new Object();
    private final Books books;
    private final History history = new History();
    private final Pipeline pipeline;
    private final LiveCodes codes;
    private final Lingering lingering;
    private final EngineListener listener = this::onEngineEvent;
    private final List<String> notes = new ArrayList<>();
    private final ConcurrentLinkedQueue<EngineEvent> queued = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    private LiveSession(Engine engine, LiveOptions options, LiveOutlet outlet, Marker marker) {
        this.engine = engine;
        this.outlet = outlet;
        this.marker = marker;
        this.intake = new FrameIntake(marker);
        this.capture = new SessionCapture(intake, marker, options.write().isPresent());
        this.interfaces = new Interfaces(capture, options.iface());
        this.books = new Books(engine);
        this.pipeline = new Pipeline(books, history);
        this.codes = new LiveCodes(books, pipeline);
        this.lingering = new Lingering(books, pipeline);
        this.thread = Thread.ofPlatform().name("sockscope-live").daemon(true)
                .unstarted(this::loop);
    }

    /**
     * Opens capture for {@code engine}'s session: on {@code lo} (or the interface {@code
     * options} names) at once, on other interfaces as sockets use them. Unavailable capture is a
     * value: everything but capture still works.
     */
    public static LiveStart start(Engine engine, LiveOptions options, LiveOutlet outlet) {
        Marker marker = Marker.open();
        LiveSession session = new LiveSession(engine, options, outlet, marker);
        String first = options.iface().orElse("lo");
        Optional<String> failed = session.capture.open(first);
        if (failed.isPresent()) {
            session.capture.stop();
            marker.close();
            return new LiveStart.Unavailable(failed.get());
        }
        if (options.write().isPresent()) {
            int linkType = session.capture.linkType(first).orElseThrow();
            switch (PcapWriter.open(options.write().get(), linkType, CaptureOptions.DEFAULT_SNAPLEN)) {
                case PcapWriter.Opened opened -> session.intake.writeTo(opened.writer(), linkType);
                case PcapWriter.Failed f -> {
                    session.capture.stop();
                    marker.close();
                    return new LiveStart.Unavailable(f.line());
                }
            }
        }
        engine.addListener(session.listener);
        session.thread.start();
        return new LiveStart.Started(session);
    }

    /**
     * Capture's counts so far, per interface: frames of the session's traffic received, and
     * frames dropped. Any thread, while the session runs (for a status line).
     */
    public List<Ending.InterfaceCount> counts() {
        return capture.counts();
    }

    /** The interfaces captured now. */
    public Set<String> interfaces() {
        return capture.interfaces();
    }

    /**
     * Everything about {@code call}, which has just ended: waits until capture has delivered
     * every frame up to now (for calls that can put segments on the wire), then attributes and
     * explains what arrived. Returns the records no call caused that were waiting (show them
     * first), and the call's own segments and explanations (show them under its line).
     */
    public CallRecords settle(CallEvent call) {
        if (NETWORK.contains(call.op())) {
            capture.barrier(interfaces.of(call));
        }
        synchronized (pipelineLock) {
            processDelivered();
            Optional<CallInfo> info = books.call(call.id());
            if (info.isEmpty() || info.get().shown) {
                return new CallRecords(pipeline.takeBetween(call.startMicros()), List.of());
            }
            for (LiveExplanation told : codes.of(info.get())) {
                pipeline.tell(info.get(), told);
            }
            List<LiveRecord> before = pipeline.takeBetween(info.get().startMicros);
            return new CallRecords(before, info.get().takeGroup());
        }
    }

    /** What no call caused and waits to be shown, without waiting for capture. */
    public List<LiveRecord> drain() {
        synchronized (pipelineLock) {
            processDelivered();
            return pipeline.takeBetween();
        }
    }

    /**
     * Waits until capture has delivered everything up to now, looks at what the kernel holds of
     * closed sockets, then {@link #drain}s.
     */
    public List<LiveRecord> catchUp() {
        capture.barrier(List.of());
        if (lingering.check(pipelineLock)) {
            refreshPorts();
        }
        return drain();
    }

    /** What was attributed to call {@code id}: for {@code expect segment} and {@code expect explain}. */
    public CallSummary summary(long id) {
        synchronized (pipelineLock) {
            return history.summary(id);
        }
    }

    /**
     * Ends capture: the last frames are attributed and explained, what only the end completes is
     * told, every capture thread and this session's thread are stopped.
     */
    public Ending stop() {
        running = false;
        LockSupport.unpark(thread);
        join(thread);
        engine.removeListener(listener);
        capture.barrier(List.of());
        // stopped first, so that what arrived after the barrier (a peer's late FIN, the last
        // ACK) is shown as it is counted and written, not left out
        SessionCapture.Stopped stopped = capture.stop();
        List<LiveRecord> last;
        synchronized (pipelineLock) {
            processDelivered();
            pipeline.finish();
            last = pipeline.takeBetween();
        }
        marker.close();
        List<String> all = new ArrayList<>(stopped.notes());
        synchronized (notes) {
            all.addAll(notes);
        }
        return new Ending(last, stopped.counts(), all);
    }

    /**
     * Follows the engine. Most events are only queued, so that a call's window holds nothing of
     * the inspector's; they are applied under the pipeline lock before the next frames are
     * attributed. A connect() (whose SYN needs its port in the filter before it leaves), a call
     * that moves a socket, and a peer's start are applied at once, after what is queued.
     */
    private void onEngineEvent(EngineEvent event) {
        try {
            switch (event) {
                case EngineEvent.CallStarted started
                        when started.op() == Op.CONNECT || started.op() == Op.CONNECT_EX -> {
                    synchronized (pipelineLock) {
                        applyQueued();
                        books.started(started);
                    }
                    interfaces.starting(started);
                    refreshPorts();
                }
                case EngineEvent.CallStarted started -> queued.add(started);
                case CallEvent ended when RELOCATING.contains(ended.op()) -> {
                    synchronized (pipelineLock) {
                        applyQueued();
                        books.ended(ended).ifPresent(pipeline::sendEnded);
                    }
                    interfaces.ended(ended);
                    refreshPorts();
                }
                case CallEvent ended -> queued.add(ended);
                case EngineEvent.PeerStarted started -> {
                    synchronized (pipelineLock) {
                        applyQueued();
                        books.peer(started);
                    }
                    refreshPorts();
                }
                case EngineEvent.PeerConnected c -> {
                }
                case EngineEvent.PeerDisconnected d -> {
                }
                case EngineEvent.PeerStopped s -> {
                }
            }
        } catch (RuntimeException e) {
            synchronized (notes) {
                notes.add("the live inspector could not follow an event: " + e.getMessage());
            }
        }
    }

    /** Applies the queued engine events, in order; under the pipeline lock. */
    private void applyQueued() {
        for (EngineEvent event = queued.poll(); event != null; event = queued.poll()) {
            switch (event) {
                case EngineEvent.CallStarted started -> books.started(started);
                case CallEvent ended -> books.ended(ended).ifPresent(pipeline::sendEnded);
                default -> {
                }
            }
        }
    }

    /**
     * Attributes and explains the frames delivered so far; under the pipeline lock. The frames
     * are taken first: the calls that caused them began before they were sent, so their events
     * are queued by then.
     */
    private void processDelivered() {
        List<Segment> delivered = intake.take();
        applyQueued();
        pipeline.process(delivered);
    }

    private void refreshPorts() {
        Set<Integer> ports;
        synchronized (pipelineLock) {
            ports = books.ports();
        }
        capture.ports(ports);
    }

    /** The session's own thread: idle-time processing, ticks, sockets leaving the kernel. */
    private void loop() {
        long nextTick = System.nanoTime() + TICK_NANOS;
        long nextLingerCheck = System.nanoTime() + LINGER_CHECK_NANOS;
        while (running) {
            LockSupport.parkNanos(ROUND_NANOS);
            if (!running) {
                return;
            }
            long now = System.nanoTime();
            boolean tick = now >= nextTick;
            if (tick) {
                nextTick = now + TICK_NANOS;
            }
            if (now >= nextLingerCheck) {
                nextLingerCheck = now + LINGER_CHECK_NANOS;
                if (lingering.check(pipelineLock)) {
                    refreshPorts();
                }
            }
            long waiting;
            synchronized (pipelineLock) {
                if (tick || intake.waitingNanos() >= ROUND_NANOS) {
                    processDelivered();
                }
                if (tick) {
                    pipeline.tick(nowNanos() - TICK_LAG_NANOS);
                }
                waiting = pipeline.betweenWaitingNanos();
            }
            if (waiting >= ROUND_NANOS) {
                outlet.waiting(this::takeBetween);
            }
        }
    }

    private List<LiveRecord> takeBetween() {
        synchronized (pipelineLock) {
            return pipeline.takeBetween();
        }
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

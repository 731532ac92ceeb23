package io.sockscope.inspector.capture;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.sockscope.inspector.capture.CaptureAvailability.Unavailable;
import io.sockscope.inspector.capture.FilterCompiler.Compiled;
import io.sockscope.inspector.capture.FilterCompiler.Program;
import io.sockscope.inspector.capture.FilterCompiler.Rejected;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One libpcap handle on one interface and the platform thread that runs its {@code pcap_loop}.
 *
 * <p>Lifetime: created, {@link #activate activated}, given its first filter, {@link #start
 * started}, then {@link #stop stopped} exactly once: break the loop, join the thread, read the
 * final counters, close. A handle is never closed while its loop may run: libpcap frees the ring
 * the loop reads.
 *
 * <p>Filters. On Linux, {@code pcap_setfilter} first puts a reject-everything program on the
 * socket, drains it, and only then attaches the new one; every frame that arrives in between is
 * lost without being counted (about 3 frames per change at 100k frames/s, docs/BENCHMARKS.md).
 * For link types whose frames the kernel sees as captured (everything but cooked capture),
 * libpcap attaches the compiled program unchanged, so this class attaches it itself with one
 * {@code setsockopt(SO_ATTACH_FILTER)}, which the kernel swaps atomically. Cooked captures
 * ({@code any}) and other platforms use {@code pcap_setfilter}, called on the loop thread
 * between two {@code pcap_loop} calls because libpcap handles are not thread-safe.
 *
 * <p>On loopback the kernel sees every frame twice (sent, then received) and libpcap throws the
 * sent copy away; with a directly attached program the kernel drops it instead ({@code inbound}),
 * halving the work and making {@code received} count each frame once.
 */
final class LiveHandle {

    private static final int READ_TIMEOUT_MILLIS = 100;
    private static final long STOP_WAIT_MILLIS = 10_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final int HEADER_FRACTION_OFFSET = NativeLong.SIZE;
    private static final int HEADER_CAPLEN_OFFSET = 2 * NativeLong.SIZE;
    private static final int HEADER_LEN_OFFSET = HEADER_CAPLEN_OFFSET + 4;
    private static final int PROBE_SNAPLEN = 128;
    private static final int PROBE_BUFFER_BYTES = 64 << 10;
    private static final Libpcap.PacketHandler DISCARD = (user, header, bytes) -> { };

    private final String interfaceName;
    private final Pointer pcap;
    private final Object lifecycle = new Object();
    private final Libpcap.PacketHandler handler = this::onPacket;
    private CapturePoint point;
    private boolean loopback;
    private boolean directAttach;
    private FrameListener listener;
    private Runnable onEnd;
    private Thread thread;
    private PendingFilter pending;
    private Stats baseline = new Stats(0, 0, 0);
    private CaptureStats finalStats;
    private boolean closed;
    private volatile long delivered;
    private volatile boolean stopRequested;
    private volatile String failure;

    private LiveHandle(String interfaceName, Pointer pcap) {
        this.interfaceName = interfaceName;
        this.pcap = pcap;
    }

    /** Opens and activates {@code interfaceName}, or says why it cannot be captured. */
    static Activation activate(String interfaceName, CaptureOptions options) {
        if (Libpcap.loadFailure().isPresent()) {
            return new Activation.Failed(Diagnosis.noLibpcap(Libpcap.loadFailure().get()));
        }
        byte[] errbuf = new byte[Libpcap.ERRBUF_SIZE];
        Pointer pcap = Libpcap.pcap_create(interfaceName, errbuf);
        if (pcap == null) {
            String message = Native.toString(errbuf);
            return new Activation.Failed(Diagnosis.activationFailed(interfaceName, Libpcap.ERROR, message));
        }
        LiveHandle handle = new LiveHandle(interfaceName, pcap);
        Optional<Unavailable> failed = handle.configure(options);
        return failed.<Activation>map(Activation.Failed::new).orElseGet(() -> new Activation.Active(handle));
    }

    /** Either an activated handle or the reason it could not be activated. */
    sealed interface Activation {
        record Active(LiveHandle handle) implements Activation {
        }

        record Failed(Unavailable reason) implements Activation {
        }
    }

    /** Whether {@code interfaceName} can be captured by this process right now. */
    static CaptureAvailability probe(String interfaceName) {
        CaptureOptions options = CaptureOptions.on(interfaceName)
                .withSnaplen(PROBE_SNAPLEN).withBufferBytes(PROBE_BUFFER_BYTES);
        return switch (activate(interfaceName, options)) {
            case Activation.Active active -> {
                active.handle().stop();
                yield new CaptureAvailability.Available(Libpcap.pcap_lib_version());
            }
            case Activation.Failed failed -> failed.reason();
        };
    }

    private Optional<Unavailable> configure(CaptureOptions options) {
        Libpcap.pcap_set_snaplen(pcap, options.snaplen());
        Libpcap.pcap_set_promisc(pcap, options.promiscuous() ? 1 : 0);
        Libpcap.pcap_set_timeout(pcap, READ_TIMEOUT_MILLIS);
        Libpcap.pcap_set_buffer_size(pcap, options.bufferBytes());
        Libpcap.pcap_set_immediate_mode(pcap, 1);
        // Where libpcap cannot give nanoseconds it says so here and keeps microseconds.
        Libpcap.pcap_set_tstamp_precision(pcap, Libpcap.TSTAMP_PRECISION_NANO);
        int status = Libpcap.pcap_activate(pcap);
        if (status < 0) {
            String message = Libpcap.errorText(pcap, status);
            Libpcap.pcap_close(pcap);
            closed = true;
            finalStats = new CaptureStats(interfaceName, 0, 0, 0, 0);
            return Optional.of(Diagnosis.activationFailed(interfaceName, status, message));
        }
        int linkType = Dlt.toLinkType(Libpcap.pcap_datalink(pcap));
        boolean nanos = Libpcap.pcap_get_tstamp_precision(pcap) == Libpcap.TSTAMP_PRECISION_NANO;
        point = new CapturePoint(interfaceName, linkType, nanos, Libpcap.pcap_snapshot(pcap));
        loopback = CaptureInterfaces.isLoopback(interfaceName);
        directAttach = Platform.isLinux() && !Dlt.isCooked(linkType);
        return Optional.empty();
    }

    CapturePoint point() {
        return point;
    }

    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Compiles {@code expression} the way {@link #apply} will attach it. */
    Compiled compile(String expression) {
        return FilterCompiler.compile(pcap, kernelExpression(expression, directAttach));
    }

    /**
     * Puts {@code program} (from {@link #compile}) in force, and closes it. Before {@link #start}
     * this also throws away frames queued before the filter was attached.
     */
    FilterCheck apply(Program program, String expression) {
        Program toSet = program;
        if (directAttach) {
            boolean attached;
            try (program) {
                attached = attach(program);
            }
            if (attached) {
                if (thread == null) {
                    discardQueued();
                }
                return new FilterCheck.Valid(expression);
            }
            // The kernel refused the program (too long, say): libpcap then filters in userland.
            switch (FilterCompiler.compile(pcap, kernelExpression(expression, false))) {
                case Rejected rejected -> {
                    return new FilterCheck.Invalid(expression, rejected.message());
                }
                case Program plain -> toSet = plain;
            }
        }
        return thread == null ? setFilter(toSet, expression) : setFilterOnLoopThread(toSet, expression);
    }

    /** Starts the capture thread; frames go to {@code frameListener}, and {@code ended} runs when the loop ends. */
    void start(FrameListener frameListener, Runnable ended) {
        this.listener = frameListener;
        this.onEnd = ended;
        this.thread = Thread.ofPlatform().name("sockscope-capture-" + interfaceName).daemon(true).unstarted(this::run);
        thread.start();
    }

    CaptureStats stats() {
        synchronized (lifecycle) {
            return closed ? finalStats : readStats();
        }
    }

    /** Breaks the loop without waiting; safe from the loop thread itself. */
    void requestStop() {
        synchronized (lifecycle) {
            stopRequested = true;
            if (!closed) {
                Libpcap.pcap_breakloop(pcap);
            }
        }
    }

    /** Breaks the loop, waits for the thread, reads the final counters, closes. Idempotent. */
    CaptureStats stop() {
        requestStop();
        if (thread != null && !joinLoopThread()) {
            synchronized (lifecycle) {
                if (!closed) {
                    failure = "the capture thread did not stop within " + STOP_WAIT_MILLIS / 1000 + " s; its handle is left open";
                    finalStats = readStats();
                    closed = true;
                }
                return finalStats;
            }
        }
        synchronized (lifecycle) {
            if (!closed) {
                finalStats = readStats();
                Libpcap.pcap_close(pcap);
                closed = true;
            }
            return finalStats;
        }
    }

    private void run() {
        try {
            while (!stopRequested && failure == null) {
                applyPendingFilter();
                int status = Libpcap.pcap_loop(pcap, -1, handler, null);
                if (status < 0 && status != Libpcap.ERROR_BREAK) {
                    failure = Libpcap.errorText(pcap, status);
                }
            }
        } finally {
            PendingFilter left = takePending();
            if (left != null) {
                left.program().close();
                left.result().complete(new FilterCheck.Invalid(left.expression(), "capture on " + interfaceName + " has stopped"));
            }
            onEnd.run();
        }
    }

    private void onPacket(Pointer user, Pointer header, Pointer bytes) {
        try {
            long seconds = nativeLong(header, 0);
            long fraction = nativeLong(header, HEADER_FRACTION_OFFSET);
            int captured = header.getInt(HEADER_CAPLEN_OFFSET);
            int wire = header.getInt(HEADER_LEN_OFFSET);
            long atNanos = seconds * NANOS_PER_SECOND + (point.nanosecondTimestamps() ? fraction : fraction * NANOS_PER_MICRO);
            LiveFrame frame = new LiveFrame(interfaceName, point.linkType(), atNanos, captured, wire, bytes.getByteArray(0, captured));
            delivered = delivered + 1;
            listener.onFrame(frame);
        } catch (RuntimeException | Error e) {
            // The one catch site of the loop: JNA would otherwise swallow it inside pcap_loop.
            failure = "the frame listener failed: " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage());
            Libpcap.pcap_breakloop(pcap);
        }
    }

    private static long nativeLong(Pointer pointer, long offset) {
        return NativeLong.SIZE == Long.BYTES ? pointer.getLong(offset) : pointer.getInt(offset);
    }

    private boolean attach(Program program) {
        int count = program.instructionCount();
        if (count > 0xffff) {
            return false;
        }
        Memory fprog = new Memory(Libpcap.Socket.SOCK_FPROG_SIZE);
        fprog.clear();
        fprog.setShort(0, (short) count);
        fprog.setPointer(Native.POINTER_SIZE, program.instructions());
        try {
            Libpcap.Socket.setsockopt(Libpcap.pcap_fileno(pcap), Libpcap.Socket.SOL_SOCKET,
                    Libpcap.Socket.SO_ATTACH_FILTER, fprog, Libpcap.Socket.SOCK_FPROG_SIZE);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }

    /**
     * Frames that reached the buffer between activation and the first filter passed no filter;
     * they arrived before the capture was handed out, so they are dropped, and the counters
     * restart from here.
     */
    private void discardQueued() {
        byte[] errbuf = new byte[Libpcap.ERRBUF_SIZE];
        Libpcap.pcap_setnonblock(pcap, 1, errbuf);
        while (Libpcap.pcap_dispatch(pcap, -1, DISCARD, null) > 0) {
            Thread.onSpinWait();
        }
        Libpcap.pcap_setnonblock(pcap, 0, errbuf);
        baseline = rawStats();
    }

    private FilterCheck setFilter(Program program, String expression) {
        try (program) {
            int status = Libpcap.pcap_setfilter(pcap, program.program());
            return status == 0 ? new FilterCheck.Valid(expression)
                    : new FilterCheck.Invalid(expression, Libpcap.errorText(pcap, status));
        }
    }

    private FilterCheck setFilterOnLoopThread(Program program, String expression) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("the filter of " + interfaceName + " cannot be replaced from its capture thread");
        }
        PendingFilter request = new PendingFilter(program, expression, new CompletableFuture<>());
        synchronized (lifecycle) {
            if (closed || stopRequested || failure != null) {
                program.close();
                return new FilterCheck.Invalid(expression, "capture on " + interfaceName + " has stopped");
            }
            pending = request;
            Libpcap.pcap_breakloop(pcap);
        }
        return request.result().join();
    }

    private void applyPendingFilter() {
        PendingFilter request = takePending();
        if (request != null) {
            request.result().complete(setFilter(request.program(), request.expression()));
        }
    }

    private PendingFilter takePending() {
        synchronized (lifecycle) {
            PendingFilter request = pending;
            pending = null;
            return request;
        }
    }

    private CaptureStats readStats() {
        Stats now = rawStats();
        return new CaptureStats(interfaceName, delivered, now.received() - baseline.received(),
                now.dropped() - baseline.dropped(), now.interfaceDropped() - baseline.interfaceDropped());
    }

    private Stats rawStats() {
        Memory stat = new Memory(Libpcap.PCAP_STAT_SIZE);
        stat.clear();
        if (Libpcap.pcap_stats(pcap, stat) != 0) {
            return baseline;
        }
        return new Stats(Integer.toUnsignedLong(stat.getInt(0)), Integer.toUnsignedLong(stat.getInt(4)),
                Integer.toUnsignedLong(stat.getInt(8)));
    }

    private boolean joinLoopThread() {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("stop() called on the capture thread of " + interfaceName + "; use requestStop()");
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        try {
            while (thread.isAlive() && System.nanoTime() < deadline) {
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return !thread.isAlive();
    }

    private String kernelExpression(String expression, boolean direct) {
        if (!direct || !loopback) {
            return expression;
        }
        return expression.isBlank() ? "inbound" : "inbound and (" + expression + ")";
    }

    private record Stats(long received, long dropped, long interfaceDropped) {
    }

    private record PendingFilter(Program program, String expression, CompletableFuture<FilterCheck> result) {
    }
}

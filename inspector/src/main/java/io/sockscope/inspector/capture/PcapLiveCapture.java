package io.sockscope.inspector.capture;

import io.sockscope.inspector.capture.FilterCompiler.Compiled;
import io.sockscope.inspector.capture.FilterCompiler.Program;
import io.sockscope.inspector.capture.FilterCompiler.Rejected;
import io.sockscope.inspector.capture.LiveHandle.Activation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Live capture with libpcap on one or several interfaces at once: immediate mode (a frame reaches
 * the listener tens of microseconds after it was sent, not batched), nanosecond timestamps where
 * libpcap has them, one filter for all interfaces that can be replaced while capturing, and one
 * platform thread per interface.
 *
 * <p>Open with {@link #open}; the result is a running {@link CaptureSource}, or why not.
 */
public final class PcapLiveCapture implements CaptureSource {

    private final List<LiveHandle> handles;
    private final List<CapturePoint> points;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object filterLock = new Object();
    private volatile String filter;
    private CaptureSummary summary;

    private PcapLiveCapture(List<LiveHandle> handles, String filter) {
        this.handles = List.copyOf(handles);
        this.points = handles.stream().map(LiveHandle::point).toList();
        this.filter = filter;
    }

    /**
     * Opens every interface in {@code options}, compiles and attaches the filter on each, and
     * starts capturing into {@code listener}. Frames that arrive before this returns are not
     * delivered. On any failure, whatever was opened is closed again.
     */
    public static OpenResult open(CaptureOptions options, FrameListener listener) {
        List<LiveHandle> opened = new ArrayList<>();
        for (String name : options.interfaces()) {
            switch (LiveHandle.activate(name, options)) {
                case Activation.Active active -> opened.add(active.handle());
                case Activation.Failed failed -> {
                    opened.forEach(LiveHandle::stop);
                    return failed.reason();
                }
            }
        }
        Optional<FilterCheck.Invalid> rejected = applyEverywhere(opened, options.filter());
        if (rejected.isPresent()) {
            opened.forEach(LiveHandle::stop);
            return rejected.get();
        }
        PcapLiveCapture capture = new PcapLiveCapture(opened, options.filter());
        opened.forEach(handle -> handle.start(listener, capture.ended::countDown));
        return new OpenResult.Opened(capture);
    }

    @Override
    public List<CapturePoint> points() {
        return points;
    }

    @Override
    public String filter() {
        return filter;
    }

    @Override
    public FilterCheck replaceFilter(String expression) {
        synchronized (filterLock) {
            if (summary != null) {
                return new FilterCheck.Invalid(expression, "the capture has stopped");
            }
            Optional<FilterCheck.Invalid> rejected = applyEverywhere(handles, expression);
            if (rejected.isPresent()) {
                return rejected.get();
            }
            filter = expression;
            return new FilterCheck.Valid(expression);
        }
    }

    @Override
    public List<CaptureStats> stats() {
        return handles.stream().map(LiveHandle::stats).toList();
    }

    @Override
    public void requestStop() {
        handles.forEach(LiveHandle::requestStop);
        ended.countDown();
    }

    @Override
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public CaptureSummary stop() {
        synchronized (filterLock) {
            if (summary == null) {
                handles.forEach(LiveHandle::requestStop);
                List<CaptureStats> finals = handles.stream().map(LiveHandle::stop).toList();
                List<CaptureSummary.Failure> failures = handles.stream()
                        .flatMap(h -> h.failure().map(m -> new CaptureSummary.Failure(h.point().interfaceName(), m)).stream())
                        .toList();
                summary = new CaptureSummary(finals, failures);
                ended.countDown();
            }
            return summary;
        }
    }

    /**
     * Compiles {@code expression} for every handle and only then puts it in force on each, so
     * an expression that one interface rejects changes nothing.
     */
    private static Optional<FilterCheck.Invalid> applyEverywhere(List<LiveHandle> handles, String expression) {
        List<Program> programs = new ArrayList<>();
        for (LiveHandle handle : handles) {
            Compiled compiled = handle.compile(expression);
            switch (compiled) {
                case Program program -> programs.add(program);
                case Rejected rejected -> {
                    programs.forEach(Program::close);
                    return Optional.of(new FilterCheck.Invalid(expression, rejected.message()));
                }
            }
        }
        Optional<FilterCheck.Invalid> firstFailure = Optional.empty();
        for (int i = 0; i < handles.size(); i++) {
            if (handles.get(i).apply(programs.get(i), expression) instanceof FilterCheck.Invalid invalid
                    && firstFailure.isEmpty()) {
                firstFailure = Optional.of(invalid);
            }
        }
        return firstFailure;
    }
}

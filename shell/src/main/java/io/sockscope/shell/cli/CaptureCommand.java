package io.sockscope.shell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.inspector.capture.CaptureAvailability;
import io.sockscope.inspector.capture.CaptureInterface;
import io.sockscope.inspector.capture.CaptureInterfaces;
import io.sockscope.inspector.capture.CaptureOptions;
import io.sockscope.inspector.capture.CapturePoint;
import io.sockscope.inspector.capture.CaptureSource;
import io.sockscope.inspector.capture.FilterCheck;
import io.sockscope.inspector.capture.InterfaceListing;
import io.sockscope.inspector.capture.OpenResult;
import io.sockscope.inspector.capture.PcapLiveCapture;
import io.sockscope.inspector.flow.TcpAnalyzer;
import io.sockscope.inspector.pcap.LinkType;
import io.sockscope.inspector.pcap.PcapWriter;
import io.sockscope.shell.render.CaptureJson;
import io.sockscope.shell.render.LiveReport;
import io.sockscope.shell.render.Palette;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sockscope capture}: live capture-and-explain of any program's TCP traffic (SPEC §1,
 * §2, §5). The filter is checked before anything is opened; frames are captured in immediate
 * mode, optionally kept whole in a pcap file, and explained as each connection progresses, in
 * {@code explain}'s formats. See {@link CaptureLoop} for how it runs and stops.
 *
 * <p>Exit codes: 0 when the capture ended as asked (Ctrl-C, SIGTERM, {@code -c}, {@code
 * --duration}); 1 when the {@code -w} file cannot be written (up front or part-way, the file
 * then keeping every whole frame written), the interface's capture fails, or the output cannot
 * be written; 2 for usage errors and a filter libpcap rejects; 3 when live capture is unavailable
 * here (no privilege, no libpcap, no such interface). Every failure is one line on standard
 * error; a stack trace only with {@code --debug}.
 */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Capture live TCP traffic of any program and explain it as it happens.",
        description = {"Capture live TCP traffic of any program and explain it as it happens:",
            "per connection a ladder of its segments, in plain words what the programs most",
            "likely called and why, and a summary when it ends. Ctrl-C stops and summarises."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the capture ended as asked (Ctrl-C, SIGTERM, -c, --duration)",
            "1:the -w file or the output could not be written, or the capture failed",
            "2:usage error, or a filter libpcap rejects",
            "3:live capture is unavailable here (the line says how to fix it)"},
        footerHeading = "%nExamples:%n",
        footer = {"  sockscope capture -i lo -f 'tcp port 9000'",
            "  sockscope capture -i eth0 -f 'host 192.168.1.20' -w camera.pcap --summary",
            "  sockscope capture -i any --json -c 100 tcp port 443",
            "  sockscope capture --list"})
public final class CaptureCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNAVAILABLE = 3;
    /** Kernel buffer with {@code -w}: whole frames of up to 64 KiB on loopback (CaptureOptions). */
    static final int WRITE_BUFFER_BYTES = 64 << 20;
    private static final int DEFAULT_WIDTH = 80;
    private static final int MAX_WIDTH = 240;
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(1_000_000_000L);

    @Option(names = {"-i", "--iface"}, paramLabel = "IFACE",
            description = "interface to capture on (default: the one carrying the default route,"
                    + " else lo); 'any' captures on all (Linux cooked capture)")
    String iface;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF",
            description = "capture filter (pcap-filter syntax), e.g. 'tcp port 9000'")
    String filter;

    @Parameters(paramLabel = "BPF", arity = "0..*",
            description = "the filter may also follow the options, as with tcpdump")
    List<String> filterWords;

    @Option(names = {"-w", "--write"}, paramLabel = "FILE.pcap",
            description = "also keep every captured frame, whole, in FILE.pcap")
    Path write;

    @Option(names = "--summary",
            description = "explanations and connection summaries only, no segments")
    boolean summary;

    @Option(names = {"-c", "--count"}, paramLabel = "COUNT",
            description = "stop after COUNT TCP segments")
    Long count;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "stop after SECONDS (decimals allowed)")
    String duration;

    @Option(names = "--list", description = "list the interfaces with their addresses and exit")
    boolean list;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "text width (default: the terminal's, else 80)")
    Integer width;

    @Mixin
    OutputMixin output = new OutputMixin();

    private final OutputStream stdout;
    private final PrintStream stderr;
    private final Map<String, String> environment;
    private final boolean terminal;
    private final Interrupts interrupts;

    /** The command on the process's standard output, error, environment and signals. */
    public CaptureCommand() {
        this(new FileOutputStream(FileDescriptor.out), System.err, System.getenv(),
                System.console() != null && System.console().isTerminal(), new ProcessSignals());
    }

    /**
     * The command writing to {@code stdout} and {@code stderr}, as if standard output were a
     * terminal when {@code terminal} is true, stopped by {@code interrupts}.
     */
    CaptureCommand(OutputStream stdout, PrintStream stderr, Map<String, String> environment,
            boolean terminal, Interrupts interrupts) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.environment = Map.copyOf(environment);
        this.terminal = terminal;
        this.interrupts = interrupts;
    }

    @Override
    public Integer call() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            fail(problem.get() + " (sockscope capture --help shows the options)");
            return USAGE;
        }
        try {
            return list ? list() : capture(durationNanos());
        } catch (IOException | UncheckedIOException e) {
            if (output.debug()) {
                e.printStackTrace(stderr);
            }
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            if (!"Broken pipe".equals(cause.getMessage())) {
                fail("cannot write the output: " + cause.getMessage());
            }
            return FAILED;
        } catch (RuntimeException e) {
            if (output.debug()) {
                e.printStackTrace(stderr);
            }
            fail("internal error: " + e + (output.debug() ? "" : " (--debug shows where)"));
            return FAILED;
        }
    }

    /** What is wrong with the options, in one line, if anything. */
    private Optional<String> problem() {
        if (filter != null && filterWords != null && !filterWords.isEmpty()) {
            return Optional.of("give the filter once: -f '" + filter + "' or after the options,"
                    + " not both");
        }
        if (list && (filter != null || filterWords != null || write != null || count != null
                || duration != null || summary)) {
            return Optional.of("--list only lists the interfaces: give it without a filter,"
                    + " -w, -c, --duration or --summary");
        }
        if (count != null && count < 1) {
            return Optional.of("-c must be 1 or more, not " + count);
        }
        if (width != null && (width < 40 || width > MAX_WIDTH)) {
            return Optional.of("--width must be 40 to " + MAX_WIDTH + ", not " + width);
        }
        if (duration != null && seconds().isEmpty()) {
            return Optional.of("--duration must be a number of seconds above 0, like 30 or 0.5,"
                    + " not '" + duration + "'");
        }
        return Optional.empty();
    }

    private Optional<BigDecimal> seconds() {
        try {
            BigDecimal seconds = new BigDecimal(duration.strip());
            return seconds.signum() > 0 && seconds.compareTo(MAX_SECONDS) <= 0
                    ? Optional.of(seconds) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private OptionalLong durationNanos() {
        return duration == null ? OptionalLong.empty()
                : OptionalLong.of(seconds().orElseThrow().movePointRight(9).longValue());
    }

    private int list() throws IOException {
        return switch (CaptureInterfaces.list()) {
            case CaptureAvailability.Unavailable unavailable -> unavailable(unavailable);
            case InterfaceListing.Listed listed -> {
                String preferred = CaptureInterfaces.defaultInterface();
                OutputStream out = new BufferedOutputStream(stdout);
                JsonGenerator g = output.json() ? json(out) : null;
                int number = 0;
                for (CaptureInterface nic : listed.interfaces()) {
                    boolean isDefault = nic.name().equals(preferred);
                    if (g != null) {
                        CaptureJson.write(g, nic, isDefault);
                    } else {
                        out.write((++number + "." + nic.line() + (isDefault ? "  (default)" : "")
                                + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (g != null) {
                    g.flush();
                }
                out.flush();
                yield 0;
            }
        };
    }

    private int capture(OptionalLong durationNanos) throws IOException {
        String expression = filter != null ? filter
                : filterWords == null ? "" : String.join(" ", filterWords);
        String name = iface != null ? iface : CaptureInterfaces.defaultInterface();
        switch (FilterCheck.check(expression, name)) {
            case FilterCheck.Invalid invalid -> {
                fail(invalid.line());
                return USAGE;
            }
            case CaptureAvailability.Unavailable unavailable -> {
                return unavailable(unavailable);
            }
            case FilterCheck.Valid valid -> {
            }
        }
        CaptureOptions options = CaptureOptions.on(name).withFilter(expression);
        options = write == null ? options.withSnaplen(CaptureOptions.HEADERS_SNAPLEN)
                : options.withBufferBytes(WRITE_BUFFER_BYTES);
        AtomicReference<String> stopRequest = new AtomicReference<>();
        FrameQueue queue = new FrameQueue();
        try (Interrupts.Registration signals = interrupts.install(
                how -> stopRequest.compareAndSet(null, how))) {
            CaptureSource source;
            switch (PcapLiveCapture.open(options, queue)) {
                case CaptureAvailability.Unavailable unavailable -> {
                    return unavailable(unavailable);
                }
                case FilterCheck.Invalid invalid -> {
                    fail(invalid.line());
                    return USAGE;
                }
                case OpenResult.Opened opened -> source = opened.source();
            }
            long openedNanos = CaptureLoop.wallNanos();
            try (source) {
                return run(source, queue, name, expression, durationNanos, stopRequest,
                        openedNanos);
            }
        }
    }

    private int run(CaptureSource source, FrameQueue queue, String name, String expression,
            OptionalLong durationNanos, AtomicReference<String> stopRequest, long openedNanos)
            throws IOException {
        CapturePoint point = source.points().getFirst();
        Optional<PcapWriter> writer = Optional.empty();
        if (write != null) {
            switch (PcapWriter.open(write, point.linkType(), point.snaplen())) {
                case PcapWriter.Failed failed -> {
                    queue.abandon();
                    fail("cannot write " + failed.path() + ": " + failed.reason());
                    return FAILED;
                }
                case PcapWriter.Opened opened -> writer = Optional.of(opened.writer());
            }
        }
        stderr.println("sockscope capture: listening on " + name + whyThisInterface(name)
                + ", link-type " + LinkType.name(point.linkType()) + ", snapshot length "
                + point.snaplen() + " bytes" + (write == null ? ""
                : ", writing every frame to " + write));
        stderr.flush();
        CaptureLoop.Plan plan = new CaptureLoop.Plan(name, expression, Optional.ofNullable(write),
                count == null ? OptionalLong.empty() : OptionalLong.of(count), durationNanos,
                duration == null ? "" : duration.strip(), openedNanos);
        TcpAnalyzer analyzer = TcpAnalyzer.onePass();
        CaptureLoop.Outcome outcome = new CaptureLoop(source, queue, writer, output(analyzer),
                analyzer, plan, stopRequest).run();
        CaptureEnd end = outcome.end();
        if (end instanceof CaptureEnd.OutputFailed failed) {
            if (!failed.brokenPipe()) {
                fail(failed.line());
            }
        } else if (end.failure().isPresent()) {
            fail(end.failure().get());
        }
        if (outcome.dropped() > 0) {
            fail(outcome.dropped() + " frames were dropped: the capture buffer overflowed, so"
                    + " explanations may show loss that was not on the wire");
        }
        return end.exitCode();
    }

    private String whyThisInterface(String name) {
        if (iface != null) {
            return "";
        }
        String loopback = CaptureInterfaces.forLocalAddress(InetAddress.getLoopbackAddress())
                .orElse("lo");
        return name.equals(loopback) ? " (no default route; -i chooses another)"
                : " (it carries the default route; -i chooses another)";
    }

    private CaptureOutput output(TcpAnalyzer analyzer) throws IOException {
        OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        if (output.json()) {
            return new CaptureOutput.Json(out, !summary);
        }
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out,
                StandardCharsets.UTF_8), 1 << 16);
        Palette palette = Palette.choose(output.color.name(), terminal, environment);
        int columns = width != null ? width : terminal
                ? Math.min(MAX_WIDTH, TerminalWidth.of(environment).orElse(DEFAULT_WIDTH))
                : DEFAULT_WIDTH;
        return new CaptureOutput.Text(new LiveReport(writer, palette, columns, !summary,
                analyzer::flow), writer);
    }

    private int unavailable(CaptureAvailability.Unavailable unavailable) throws IOException {
        fail(unavailable.line());
        if (output.json()) {
            JsonGenerator g = json(stdout);
            CaptureJson.unavailable(g, unavailable.line());
            g.flush();
            stdout.flush();
        }
        return UNAVAILABLE;
    }

    /** A generator for JSON lines on {@code out} (one record per line, {@code out} left open). */
    static JsonGenerator json(OutputStream out) throws IOException {
        JsonFactory factory = new JsonFactory();
        factory.setRootValueSeparator(null);
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        factory.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        return factory.createGenerator(out);
    }

    private void fail(String line) {
        stderr.println("sockscope capture: " + line);
        stderr.flush();
    }
}

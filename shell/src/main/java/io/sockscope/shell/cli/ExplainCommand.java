package io.sockscope.shell.cli;

import io.sockscope.inspector.flow.CaptureAnalysis;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.TcpAnalyzer;
import io.sockscope.shell.render.ExplainReport;
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
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sockscope explain FILE}: capture-and-explain offline (SPEC §2, §4.1, §5). Text by
 * default (per connection a header, a ladder and the explanations), {@code --json} for SPEC §5
 * JSON lines, {@code --summary} for flows and explanations only (one pass, the fast path),
 * {@code --stream N} for one connection.
 *
 * <p>Exit codes: 0 when the whole file was explained; 1 when it cannot be read as a capture, when
 * a damaged record stopped reading part-way (everything before it is still explained, then one
 * line says what and where), or when the stream asked for does not exist; 2 for usage errors.
 * Every failure is one line on standard error; a stack trace only with {@code --debug}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Explain the TCP connections of a capture file (pcap or pcapng).",
        description = {"Explain the TCP connections of a capture file (pcap or pcapng):",
            "per connection who opened and closed it, a ladder of its segments,",
            "and in plain words what the programs most likely called and why."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the whole file was explained",
            "1:unreadable or damaged capture (what was read is still explained), or no such stream",
            "2:usage error"})
public final class ExplainCommand implements Callable<Integer> {

    private static final int DEFAULT_WIDTH = 80;
    private static final int MAX_WIDTH = 240;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the capture (pcap or pcapng)")
    Path file;

    @Option(names = "--json", description = "JSON lines (segment, explain and flow records)")
    boolean json;

    @Option(names = "--summary",
            description = "flows and explanations only, no segments (one pass: fastest)")
    boolean summary;

    @Option(names = "--stream", paramLabel = "N", description = "only connection N (tcp.stream)")
    Integer stream;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour the text: auto (a terminal, unless NO_COLOR), always, never")
    String color;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "text width (default: the terminal's, else 80)")
    Integer width;

    @Option(names = "--debug", description = "show a stack trace on an internal error")
    boolean debug;

    private final OutputStream stdout;
    private final PrintStream stderr;
    private final Map<String, String> environment;
    private final boolean terminal;

    /** The command on the process's standard output, error and environment. */
    public ExplainCommand() {
        this(new FileOutputStream(FileDescriptor.out), System.err, System.getenv(),
                System.console() != null && System.console().isTerminal());
    }

    /**
     * The command writing to {@code stdout} and {@code stderr}, as if standard output were a
     * terminal when {@code terminal} is true.
     */
    public ExplainCommand(OutputStream stdout, PrintStream stderr,
            Map<String, String> environment, boolean terminal) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.environment = Map.copyOf(environment);
        this.terminal = terminal;
    }

    /**
     * Runs {@code sockscope explain ARGS} on the process's standard streams without building
     * picocli's command model (tens of milliseconds of every start), when {@code args} are plain:
     * each option of this command at most once ({@code --json}, {@code --summary},
     * {@code --debug}, {@code --stream N}, {@code --color WHEN}, {@code --width COLUMNS}, with a
     * space or {@code =}), valid values, and one FILE that does not start with {@code -} or
     * {@code @}. Anything else (help, errors, {@code --}, argument files) returns empty without
     * side effects, and the caller parses with picocli as usual, so what users see is the same.
     */
    public static OptionalInt runPlain(String[] args) {
        ExplainCommand command = parsePlain(args, new ExplainCommand(OutputStream.nullOutputStream(),
                System.err, Map.of(), false));
        if (command == null) {
            return OptionalInt.empty();
        }
        ExplainCommand onStdout = new ExplainCommand();
        onStdout.file = command.file;
        onStdout.json = command.json;
        onStdout.summary = command.summary;
        onStdout.stream = command.stream;
        onStdout.color = command.color;
        onStdout.width = command.width;
        onStdout.debug = command.debug;
        return OptionalInt.of(onStdout.call());
    }

    /** {@code into} with the plain {@code args} set, or null when they are not plain. */
    static ExplainCommand parsePlain(String[] args, ExplainCommand into) {
        into.color = "auto";
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (arg.startsWith("@") || !seen.add("FILE")) {
                    return null;
                }
                try {
                    into.file = Path.of(arg);
                } catch (InvalidPathException e) {
                    return null;
                }
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!seen.add(name)) {
                return null;
            }
            switch (name) {
                case "--json", "--summary", "--debug" -> {
                    if (equals >= 0) {
                        return null;
                    }
                    into.json |= name.equals("--json");
                    into.summary |= name.equals("--summary");
                    into.debug |= name.equals("--debug");
                }
                case "--stream", "--color", "--width" -> {
                    String value;
                    if (equals >= 0) {
                        value = arg.substring(equals + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        return null;
                    }
                    if (!plainValue(into, name, value)) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return seen.contains("FILE") ? into : null;
    }

    private static boolean plainValue(ExplainCommand into, String name, String value) {
        if (name.equals("--color")) {
            into.color = value;
            return value.equals("auto") || value.equals("always") || value.equals("never");
        }
        if (!value.matches("[0-9]{1,9}")) {
            return false;
        }
        int number = Integer.parseInt(value);
        if (name.equals("--stream")) {
            into.stream = number;
            return true;
        }
        into.width = number;
        return number >= 40 && number <= MAX_WIDTH;
    }

    @Override
    public Integer call() {
        validate();
        try {
            return run();
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause()
                    : (IOException) e;
            if (debug) {
                e.printStackTrace(stderr);
            }
            if (!"Broken pipe".equals(cause.getMessage())) {
                fail("cannot write the output: " + cause.getMessage());
            }
            return 1;
        } catch (RuntimeException e) {
            if (debug) {
                e.printStackTrace(stderr);
            }
            fail("internal error while explaining " + file + ": " + e
                    + (debug ? "" : " (--debug shows where)"));
            return 1;
        }
    }

    private void validate() {
        if (!color.equals("auto") && !color.equals("always") && !color.equals("never")) {
            throw new ParameterException(spec.commandLine(), "--color must be auto, always or"
                    + " never, not '" + color + "'");
        }
        if (stream != null && stream < 0) {
            throw new ParameterException(spec.commandLine(), "--stream must be 0 or more, not "
                    + stream);
        }
        if (width != null && (width < 40 || width > MAX_WIDTH)) {
            throw new ParameterException(spec.commandLine(), "--width must be 40 to " + MAX_WIDTH
                    + ", not " + width);
        }
    }

    private int run() throws IOException {
        OptionalInt only = stream == null ? OptionalInt.empty() : OptionalInt.of(stream);
        OutputStream out = new BufferedOutputStream(stdout, 1 << 16);
        ExplainPasses.Result result;
        if (summary) {
            TcpAnalyzer analyzer = TcpAnalyzer.onePass();
            ExplainOutput output = output(out, analyzer::flow);
            try {
                result = ExplainPasses.summary(file, only, analyzer, output);
                finish(output, result);
            } finally {
                output.close();
            }
        } else {
            CaptureAnalysis.Outcome first = CaptureAnalysis.summarize(file);
            if (first instanceof CaptureAnalysis.Outcome.Unreadable(String message)) {
                return fail(message);
            }
            CaptureAnalysis.Outcome.Completed done = (CaptureAnalysis.Outcome.Completed) first;
            if (only.isPresent() && done.flows().stream().noneMatch(f -> f.stream() == stream)) {
                return fail(ExplainPasses.noSuchStream(file, stream, done.facts().streamCount())
                        .message());
            }
            IntFunction<Optional<Flow>> flows = ExplainPasses.byStream(done.flows(),
                    done.facts().streamCount());
            ExplainOutput output = output(out, flows);
            try {
                result = ExplainPasses.full(file, done, only, output);
                finish(output, result);
            } finally {
                output.close();
            }
        }
        out.flush();
        return switch (result) {
            case ExplainPasses.Result.Unreadable(String message) -> fail(message);
            case ExplainPasses.Result.NoSuchStream(String message) -> fail(message);
            case ExplainPasses.Result.Done done when done.problem().isPresent() -> fail(file + ": "
                    + done.problem().get().message() + "; the " + done.frames()
                    + " frames before it are explained");
            case ExplainPasses.Result.Done done -> 0;
        };
    }

    private ExplainOutput output(OutputStream out, IntFunction<Optional<Flow>> flows) {
        try {
            if (json) {
                return new ExplainOutput.Json(out, flows);
            }
            Writer writer = new BufferedWriter(new OutputStreamWriter(out,
                    StandardCharsets.UTF_8), 1 << 16);
            Palette palette = Palette.choose(color, terminal, environment);
            int columns = width != null ? width : terminal
                    ? Math.min(MAX_WIDTH, TerminalWidth.of(environment).orElse(DEFAULT_WIDTH))
                    : DEFAULT_WIDTH;
            return new ExplainOutput.Text(new ExplainReport(writer, palette, columns, !summary,
                    flows), writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finish(ExplainOutput output, ExplainPasses.Result result) throws IOException {
        if (result instanceof ExplainPasses.Result.Done done) {
            output.note(file + ": " + done.frames() + " frames, " + done.segments()
                    + " TCP segments, " + done.connections() + (done.connections() == 1
                    ? " connection" : " connections") + (stream == null ? ""
                    : " (stream " + stream + " shown)"));
        }
        output.finish();
    }

    private int fail(String message) {
        stderr.println("sockscope explain: " + message);
        stderr.flush();
        return 1;
    }
}

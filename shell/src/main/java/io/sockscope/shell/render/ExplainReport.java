package io.sockscope.shell.render;

import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.explain.ExplanationCode;
import io.sockscope.inspector.flow.Closing;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.FlowSide;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.Side;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The text of {@code sockscope explain} (SPEC §4.1): per connection a header (endpoints, who
 * opened and who closed or reset it, bytes each way, duration, retransmissions), a
 * {@link Ladder} of its segments, and its explanations in frame order, each with its frames,
 * wrapped to the width. The ladder marks each explanation's key frame with its code, and every
 * frame of a {@code zero_window_probe} (which tshark labels {@code keep_alive}).
 *
 * <p>A connection is printed when the explainer is done with it ({@link #closed}); until then
 * its ladder and explanations are held, both bounded ({@link Ladder#MAX_ROWS} rows,
 * {@link #MAX_EXPLANATIONS} explanations). Without ladders ({@code --summary}) only header and
 * explanations are printed.
 */
public final class ExplainReport {

    static final int MAX_EXPLANATIONS = 1000;

    private final Writer out;
    private final Palette palette;
    private final int width;
    private final boolean ladders;
    private final IntFunction<Optional<Flow>> flows;
    private final Map<Integer, Connection> open = new HashMap<>();
    private int printed;

    /** What is held for one connection until it is printed. */
    private static final class Connection {
        Ladder ladder;
        final List<Explanation> explanations = new ArrayList<>();
        long dropped;
    }

    /**
     * @param out     where the text goes
     * @param width   columns to fill (80 or more fits an 80-column terminal)
     * @param ladders false for {@code --summary}: headers and explanations only
     * @param flows   the summary of a connection, by stream, when it is printed
     */
    public ExplainReport(Writer out, Palette palette, int width, boolean ladders,
            IntFunction<Optional<Flow>> flows) {
        this.out = out;
        this.palette = palette;
        this.width = width;
        this.ladders = ladders;
        this.flows = flows;
    }

    /** A segment of a connection, in capture order. */
    public void segment(Segment s) {
        if (!ladders) {
            return;
        }
        Connection connection = connection(s.stream());
        if (connection.ladder == null) {
            Flow flow = flows.apply(s.stream()).orElse(null);
            boolean sourceIsClient = flow == null || flow.client().endpoint().equals(s.source());
            connection.ladder = new Ladder(sourceIsClient ? s.source() : s.destination(),
                    sourceIsClient ? s.destination() : s.source(),
                    flow == null ? s.frame() * 10 : flow.lastFrame(), width, palette);
        }
        connection.ladder.add(s);
    }

    /** An explanation, as the explainer completes it. */
    public void explained(Explanation e) {
        Connection connection = connection(e.stream());
        if (connection.explanations.size() < MAX_EXPLANATIONS) {
            connection.explanations.add(e);
        } else {
            connection.dropped++;
        }
        if (connection.ladder != null) {
            if (e.code() == ExplanationCode.ZERO_WINDOW_PROBE && e.complete()) {
                for (long frame : e.frames()) {
                    connection.ladder.mark(frame, e.code().wireName());
                }
            } else {
                connection.ladder.mark(e.keyFrame(), e.code().wireName());
            }
        }
    }

    /** The connection is complete: prints it. */
    public void closed(int stream) throws IOException {
        Connection connection = open.remove(stream);
        Optional<Flow> flow = flows.apply(stream);
        if (connection == null && flow.isEmpty()) {
            return;
        }
        if (connection == null) {
            connection = new Connection();
        }
        if (printed++ > 0) {
            out.write('\n');
        }
        if (flow.isPresent()) {
            header(flow.get());
        }
        if (connection.ladder != null) {
            out.write('\n');
            for (String line : connection.ladder.lines()) {
                out.write(line);
                out.write('\n');
            }
        }
        List<Explanation> sorted = new ArrayList<>(connection.explanations);
        sorted.sort(Comparator.comparingLong(Explanation::firstFrame));
        if (!sorted.isEmpty()) {
            out.write('\n');
        }
        for (Explanation e : sorted) {
            explanation(e);
        }
        if (connection.dropped > 0) {
            out.write("  … " + grouped(connection.dropped) + " more explanations not shown\n");
        }
    }

    /** Any connection not yet printed, in stream order (a capture that ended mid-connection). */
    public void finish() throws IOException {
        List<Integer> streams = new ArrayList<>(open.keySet());
        streams.sort(null);
        for (int stream : streams) {
            closed(stream);
        }
    }

    /** One closing line under the connections, e.g. the frame counts. */
    public void note(String line) throws IOException {
        if (printed > 0) {
            out.write('\n');
        }
        out.write(line);
        out.write('\n');
    }

    private Connection connection(int stream) {
        return open.computeIfAbsent(stream, s -> new Connection());
    }

    private void header(Flow flow) throws IOException {
        String first = "connection " + flow.stream() + "  " + flow.client().endpoint() + " → "
                + flow.server().endpoint();
        String whoText = who(flow);
        String indent = " ".repeat(("connection " + flow.stream() + "  ").length());
        if (first.length() + 2 + whoText.length() <= width) {
            out.write(palette.paint(palette.strong(), first) + "  " + whoText + "\n");
        } else {
            out.write(palette.paint(palette.strong(), first) + "\n");
            out.write(indent + whoText + "\n");
        }
        out.write(indent + totals(flow) + "\n");
    }

    /**
     * Who opened and who closed or reset a connection: {@code opened by :33572, reset by
     * :47107}, or {@code still open at the end} when neither side closed it.
     */
    static String who(Flow flow) {
        return who(flow, "still open at the end");
    }

    /** As {@link #who(Flow)}, with {@code whileOpen} for a connection neither side closed. */
    static String who(Flow flow, String whileOpen) {
        FlowSide client = flow.client();
        FlowSide server = flow.server();
        boolean portsDiffer = client.endpoint().port() != server.endpoint().port();
        List<String> who = new ArrayList<>();
        if (flow.openedBy().isPresent()) {
            who.add("opened by " + name(flow.side(flow.openedBy().get()), portsDiffer));
        } else {
            who.add("opened before the capture began");
        }
        Optional<Closing> close = flow.firstClose();
        if (close.isPresent() && !close.get().reset()) {
            who.add("closed by " + name(flow.side(close.get().by()), portsDiffer));
        }
        Side resetter = client.rstFrame() != 0 && (server.rstFrame() == 0
                || client.rstFrame() < server.rstFrame()) ? Side.CLIENT
                : server.rstFrame() != 0 ? Side.SERVER : null;
        if (resetter != null) {
            who.add("reset by " + name(flow.side(resetter), portsDiffer));
        }
        if (close.isEmpty()) {
            who.add(whileOpen);
        }
        return String.join(", ", who);
    }

    /** Bytes each way, duration and retransmissions: {@code 36 B →, 0 B ←, 0.41 ms, no retransmissions}. */
    static String totals(Flow flow) {
        long retransmissions = flow.retransmissions();
        return grouped(flow.client().payloadBytes()) + " B →, "
                + grouped(flow.server().payloadBytes()) + " B ←, "
                + duration(flow.durationNanos()) + ", " + (retransmissions == 0
                ? "no retransmissions" : grouped(retransmissions) + " retransmission"
                + (retransmissions == 1 ? "" : "s"));
    }

    private void explanation(Explanation e) throws IOException {
        for (String line : explanationLines(e, palette, width)) {
            out.write(line);
            out.write('\n');
        }
    }

    /** An explanation as the report prints it: code, frames and text, wrapped and indented. */
    static List<String> explanationLines(Explanation e, Palette palette, int width) {
        String code = e.code().wireName();
        List<String> lines = wrap(code + " (" + e.framesText() + "): " + e.text(), width - 2,
                "  ");
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0) {
                line = palette.paint(palette.strong(), code) + line.substring(code.length());
            }
            out.add("  " + line);
        }
        return out;
    }

    private static String name(FlowSide side, boolean portsDiffer) {
        return portsDiffer ? ":" + side.endpoint().port() : side.endpoint().toString();
    }

    /** Words of {@code text} in lines of at most {@code width}, later lines indented. */
    static List<String> wrap(String text, int width, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(indent);
            } else if (!line.isEmpty() && !line.toString().equals(indent)) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code 1,048,576}. */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        StringBuilder out = new StringBuilder(digits.length() + 8);
        out.append(digits, 0, start);
        for (int i = start; i < digits.length(); i++) {
            if (i > start && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** {@code 0.41 ms}, {@code 42 ms}, {@code 3.01 s}. */
    static String duration(long nanos) {
        if (nanos < 10_000_000L) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        if (nanos < 1_000_000_000L) {
            return (nanos + 500_000) / 1_000_000 + " ms";
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}

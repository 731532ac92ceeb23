package io.sockscope.shell.render;

import io.sockscope.inspector.explain.Explanation;
import io.sockscope.inspector.explain.ExplanationCode;
import io.sockscope.inspector.flow.Endpoint;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.Segment;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The text of {@code sockscope capture}: the {@code explain} report told as it happens. Each
 * connection's {@link Ladder} grows row by row as its segments arrive, its explanations follow
 * the rows they rest on as soon as they are complete, and a summary line (who opened and closed
 * it, bytes each way, duration, retransmissions) ends it. Connections interleave, so lines come
 * in blocks, each headed by the connection it belongs to whenever the previous block was
 * another's:
 *
 * <pre>
 * connection 0  127.0.0.1:51890 → 127.0.0.1:40123
 *       127.0.0.1:51890                              127.0.0.1:40123
 *    1  │ ── S   seq 0 win 65495 ─────────────────────────▶ │
 *    2  │ ◀─ S.  seq 0 ack 1 win 65483 ──────────────────── │  handshake
 *    3  │ ── .   ack 1 ───────────────────────────────────▶ │
 *   handshake (1–3): :51890 called connect(); …
 * </pre>
 *
 * <p>Rows are held briefly so the explanation that completes with them can mark them: a ladder
 * draws the segments it holds once its connection has been quiet for {@link #HOLD_NANOS}, when
 * one of its explanations completes, or every {@link #PROGRESS_NANOS} of a busy connection (a
 * bulk transfer then shows as a fold line with counts every so often). Without ladders
 * ({@code --summary}) only explanations and summaries are printed.
 *
 * <p>Memory: one entry per connection seen and not yet {@link #closed closed}, each holding at
 * most what its ladder holds (rows drawn are written and forgotten). Single-threaded.
 */
public final class LiveReport {

    /** A ladder draws what it holds once its connection has been quiet this long. */
    public static final long HOLD_NANOS = 250_000_000L;
    /** A busy ladder draws what it holds at least this often. */
    public static final long PROGRESS_NANOS = 2_000_000_000L;
    /** Frame numbers the number column is sized for; larger ones widen their row. */
    private static final long FRAME_COLUMN = 999_999;

    private final Writer out;
    private final Palette palette;
    private final int width;
    private final boolean ladders;
    private final IntFunction<Optional<Flow>> flows;
    private final Map<Integer, Connection> connections = new HashMap<>();
    /** Connections with explanations to print at the next {@link #settle}, in order of the first. */
    private final Set<Connection> telling = new LinkedHashSet<>();
    private int current = -1;
    private boolean printed;

    /** What is known of one connection while it is reported. */
    private static final class Connection {
        final int stream;
        final Endpoint client;
        final Endpoint server;
        Ladder ladder;
        boolean introduced;
        final List<Explanation> told = new ArrayList<>(4);
        long lastNanos;
        long drawnNanos;

        Connection(int stream, Endpoint client, Endpoint server) {
            this.stream = stream;
            this.client = client;
            this.server = server;
        }
    }

    /**
     * @param out     where the text goes; flushed by the caller
     * @param width   columns to fill (80 or more fits an 80-column terminal)
     * @param ladders false for {@code --summary}: explanations and summaries only
     * @param flows   a connection as known now, by stream: its roles when it is first shown
     */
    public LiveReport(Writer out, Palette palette, int width, boolean ladders,
            IntFunction<Optional<Flow>> flows) {
        this.out = out;
        this.palette = palette;
        this.width = width;
        this.ladders = ladders;
        this.flows = flows;
    }

    /** A segment, in capture order. */
    public void segment(Segment s) throws IOException {
        Connection connection = connection(s.stream(), s.source(), s.destination());
        connection.lastNanos = s.atNanos();
        if (!ladders) {
            return;
        }
        if (connection.ladder == null) {
            connection.ladder = new Ladder(connection.client, connection.server, FRAME_COLUMN,
                    width, palette);
            connection.drawnNanos = s.atNanos();
        }
        connection.ladder.add(s);
        print(connection, connection.ladder.drain(false));
    }

    /**
     * An explanation, as the explainer completes it: it marks its ladder now and is printed at
     * the next {@link #settle}, under the rows it rests on.
     */
    public void explained(Explanation e) {
        Connection connection = connections.get(e.stream());
        if (connection == null) {
            Optional<Flow> flow = flows.apply(e.stream());
            if (flow.isEmpty()) {
                return;
            }
            connection = connection(e.stream(), flow.get().client().endpoint(),
                    flow.get().server().endpoint());
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
        connection.told.add(e);
        telling.add(connection);
    }

    /**
     * Prints the explanations completed since the last call, each connection's in frame order
     * under its ladder's rows drawn up to now. Call it once the explainer is done with a segment
     * or a tick, so that explanations completed together mark the rows before they are drawn.
     */
    public void settle() throws IOException {
        if (telling.isEmpty()) {
            return;
        }
        for (Connection connection : telling) {
            List<String> lines = new ArrayList<>();
            if (connection.ladder != null) {
                lines.addAll(connection.ladder.drain(true));
                connection.drawnNanos = connection.lastNanos;
            }
            connection.told.sort(Comparator.comparingLong(Explanation::firstFrame));
            for (Explanation e : connection.told) {
                lines.addAll(ExplainReport.explanationLines(e, palette, width));
            }
            connection.told.clear();
            print(connection, lines);
        }
        telling.clear();
    }

    /**
     * The connection is done: draws what its ladder holds, then its summary when {@code flow} is
     * given ({@code end of connection 0: opened by :51890, closed by :51890; 5 B →, …}), and
     * forgets it.
     */
    public void closed(int stream, Optional<Flow> flow) throws IOException {
        end(stream, flow, "still open at the end");
    }

    /**
     * The connection has been quiet for {@code quietNanos} without being seen to end, and is no
     * longer followed: as {@link #closed}, its summary saying so.
     */
    public void quiet(int stream, Flow flow, long quietNanos) throws IOException {
        long minutes = quietNanos / 60_000_000_000L;
        end(stream, Optional.of(flow), "quiet for " + (minutes >= 2 ? minutes + " min"
                : ExplainReport.duration(quietNanos)) + ", no longer followed");
    }

    private void end(int stream, Optional<Flow> flow, String whileOpen) throws IOException {
        settle();
        Connection connection = connections.remove(stream);
        if (connection != null && connection.ladder != null) {
            print(connection, connection.ladder.drain(true));
        }
        if (flow.isEmpty()) {
            return;
        }
        Flow f = flow.get();
        String title = "end of connection " + stream;
        if (current != stream) {
            separate();
        }
        String who = title + (current != stream ? " (" + f.client().endpoint() + " → "
                + f.server().endpoint() + ")" : "") + ": " + ExplainReport.who(f, whileOpen) + ";";
        String totals = ExplainReport.totals(f);
        List<String> lines = new ArrayList<>();
        if (who.length() + 1 + totals.length() <= width - 2) {
            lines.add(who + " " + totals);
        } else {
            lines.addAll(ExplainReport.wrap(who, width - 2, "  "));
            for (String line : ExplainReport.wrap(totals, width - 4, "  ")) {
                lines.add("  " + line);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.write("  ");
            out.write(i == 0 ? palette.paint(palette.strong(), title)
                    + line.substring(title.length()) : line);
            out.write('\n');
        }
        current = stream;
    }

    /**
     * Time passes ({@code nowNanos}, the capture clock): ladders of connections quiet for
     * {@link #HOLD_NANOS}, or busy for {@link #PROGRESS_NANOS} since they last drew everything,
     * draw what they hold.
     */
    public void idle(long nowNanos) throws IOException {
        settle();
        if (!ladders) {
            return;
        }
        List<Connection> due = new ArrayList<>();
        for (Connection connection : connections.values()) {
            if (connection.ladder != null && connection.ladder.holds()
                    && (nowNanos - connection.lastNanos >= HOLD_NANOS
                    || nowNanos - connection.drawnNanos >= PROGRESS_NANOS)) {
                due.add(connection);
            }
        }
        due.sort((a, b) -> Integer.compare(a.stream, b.stream));
        for (Connection connection : due) {
            print(connection, connection.ladder.drain(true));
            connection.drawnNanos = nowNanos;
        }
    }

    /** A line of its own between the connections' blocks (a warning about drops, say). */
    public void note(String line) throws IOException {
        settle();
        separate();
        out.write(line);
        out.write('\n');
        current = -1;
    }

    /** Connections followed now (seen and not yet closed). */
    public int openConnections() {
        return connections.size();
    }

    private Connection connection(int stream, Endpoint source, Endpoint destination) {
        Connection connection = connections.get(stream);
        if (connection == null) {
            Optional<Flow> flow = flows.apply(stream);
            boolean sourceIsClient = flow.isEmpty()
                    || flow.get().client().endpoint().equals(source);
            connection = new Connection(stream, sourceIsClient ? source : destination,
                    sourceIsClient ? destination : source);
            connections.put(stream, connection);
        }
        return connection;
    }

    private void print(Connection connection, List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        if (current != connection.stream) {
            separate();
            String title = "connection " + connection.stream + "  " + connection.client + " → "
                    + connection.server;
            out.write(palette.paint(palette.strong(), title)
                    + (connection.introduced ? "  (continued)" : "") + "\n");
            if (connection.ladder != null) {
                for (String name : connection.ladder.names()) {
                    out.write(name);
                    out.write('\n');
                }
            }
            connection.introduced = true;
            current = connection.stream;
        }
        for (String line : lines) {
            out.write(line);
            out.write('\n');
        }
    }

    private void separate() throws IOException {
        if (printed) {
            out.write('\n');
        }
        printed = true;
    }
}

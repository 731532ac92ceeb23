package io.sockscope.shell.render;

import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Endpoint;
import io.sockscope.inspector.flow.Segment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One connection drawn as a ladder: the client's column on the left, the server's on the right,
 * an arrow per segment with its flags, relative seq/ack and length, and at the right the codes
 * of the explanations that rest on it (or tshark's analysis notes). Fits the given width (80
 * columns at least) and uses more when there is more.
 *
 * <p>Long runs of unremarkable segments fold into one line with a count, e.g.
 * {@code … 1,204 segments: 602 data → (seq 1:1,572,865), 602 acks ← …}: a run longer than
 * {@link #HEAD} + {@link #TAIL} + 2 rows shows its first {@link #HEAD} and last {@link #TAIL}
 * rows. SYN, FIN, RST, loss, zero windows and keep-alives are never folded, nor a segment an
 * explanation marks while it is within the last {@link #LOOKAHEAD} segments. A connection draws
 * at most {@link #MAX_ROWS} segment rows; the rest fold. Memory is bounded accordingly.
 */
public final class Ladder {

    static final int LOOKAHEAD = 64;
    static final int HEAD = 3;
    static final int TAIL = 2;
    static final int MAX_ROWS = 2000;
    private static final int MAX_ARROW = 70;
    private static final int MIN_ARROW = 24;
    private static final int NOTE_MIN = 20;
    private static final int NOT_FOLDED = AnalysisFlag.RETRANSMISSION.bit()
            | AnalysisFlag.FAST_RETRANSMISSION.bit() | AnalysisFlag.SPURIOUS_RETRANSMISSION.bit()
            | AnalysisFlag.OUT_OF_ORDER.bit() | AnalysisFlag.LOST_SEGMENT.bit()
            | AnalysisFlag.ACK_LOST_SEGMENT.bit() | AnalysisFlag.ZERO_WINDOW.bit()
            | AnalysisFlag.ZERO_WINDOW_PROBE.bit() | AnalysisFlag.ZERO_WINDOW_PROBE_ACK.bit()
            | AnalysisFlag.KEEP_ALIVE.bit() | AnalysisFlag.KEEP_ALIVE_ACK.bit()
            | AnalysisFlag.REUSED_PORTS.bit();
    private static final int CONTROL = TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST;
    private static final int[] LETTER_BITS = {TcpFlags.FIN, TcpFlags.SYN, TcpFlags.RST,
        TcpFlags.PSH, TcpFlags.ACK, TcpFlags.URG, TcpFlags.ECE, TcpFlags.CWR};
    private static final char[] LETTERS = {'F', 'S', 'R', 'P', '.', 'U', 'E', 'W'};

    private final Endpoint left;
    private final String leftName;
    private final String rightName;
    private final Palette palette;
    private final int frameWidth;
    private final int arrowWidth;
    private final int noteWidth;

    private final ArrayDeque<Segment> pending = new ArrayDeque<>();
    private final Set<Long> pinned = new HashSet<>();
    private final Map<Long, List<String>> notes = new LinkedHashMap<>();
    private final List<Object> rows = new ArrayList<>();
    private int drawn;
    private int runLength;
    private final ArrayDeque<Segment> tail = new ArrayDeque<>();
    private Fold fold;

    /**
     * @param left      the endpoint drawn on the left (the client)
     * @param right     the endpoint drawn on the right
     * @param lastFrame the highest frame number the ladder may show (sets the number column)
     * @param width     columns available
     */
    public Ladder(Endpoint left, Endpoint right, long lastFrame, int width, Palette palette) {
        this.left = left;
        this.leftName = left.toString();
        this.rightName = right.toString();
        this.palette = palette;
        this.frameWidth = Math.max(4, Long.toString(lastFrame).length());
        int fixed = frameWidth + 6;
        this.arrowWidth = Math.max(MIN_ARROW, Math.min(MAX_ARROW, width - fixed - 2 - NOTE_MIN));
        this.noteWidth = Math.max(NOTE_MIN, width - fixed - arrowWidth - 2);
    }

    /** The next segment of the connection, in capture order. */
    public void add(Segment segment) {
        pending.addLast(segment);
        if (pending.size() > LOOKAHEAD) {
            commit(pending.removeFirst());
        }
    }

    /** Marks {@code frame} with an explanation code; a recent segment so marked is drawn. */
    public void mark(long frame, String code) {
        notes.computeIfAbsent(frame, f -> new ArrayList<>(2)).add(code);
        if (!pending.isEmpty() && pending.peekFirst().frame() <= frame
                && frame <= pending.peekLast().frame()) {
            pinned.add(frame);
        }
    }

    /** The ladder's lines: the endpoint names, then one line per drawn segment or fold. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(rows.size() + 2);
        names(out);
        out.addAll(drain(true));
        return out;
    }

    /** The line or two that head the ladder: the endpoints over their columns. */
    public List<String> names() {
        List<String> out = new ArrayList<>(2);
        names(out);
        return out;
    }

    /**
     * Streaming (live capture): the rows settled since the last call, one line each, without the
     * endpoint names. Segments stay held while an explanation may still mark them (the last
     * {@link #LOOKAHEAD}) or a run may still fold; {@code flush} draws or folds every held one
     * first, ending the current run. Rows and notes handed out are forgotten, so a ladder
     * drained as it goes keeps only what it holds.
     */
    public List<String> drain(boolean flush) {
        if (flush) {
            while (!pending.isEmpty()) {
                commit(pending.removeFirst());
            }
            endRun();
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            out.add(row instanceof Segment s ? draw(s) : draw((Fold) row));
        }
        rows.clear();
        long oldestHeld = fold != null ? fold.first : !tail.isEmpty() ? tail.peekFirst().frame()
                : !pending.isEmpty() ? pending.peekFirst().frame() : Long.MAX_VALUE;
        notes.keySet().removeIf(frame -> frame < oldestHeld);
        return out;
    }

    /** Whether segments are held back from {@link #drain(boolean) drain(false)}. */
    public boolean holds() {
        return !pending.isEmpty() || !tail.isEmpty() || fold != null;
    }

    private void commit(Segment s) {
        boolean marked = pinned.remove(s.frame());
        boolean notable = (s.flags() & CONTROL) != 0 || (s.analysis() & NOT_FOLDED) != 0
                || marked;
        if (notable && drawn < MAX_ROWS) {
            endRun();
            rows.add(s);
            drawn++;
            return;
        }
        runLength++;
        if (runLength <= HEAD && drawn < MAX_ROWS) {
            rows.add(s);
            drawn++;
            return;
        }
        tail.addLast(s);
        if (tail.size() > TAIL) {
            if (fold == null) {
                fold = new Fold();
            }
            fold.add(tail.removeFirst(), left);
        }
    }

    private void endRun() {
        if (fold != null) {
            if (fold.count <= 2) {
                rows.addAll(fold.kept);
                drawn += fold.kept.size();
            } else {
                rows.add(fold);
            }
            fold = null;
        }
        rows.addAll(tail);
        drawn += tail.size();
        tail.clear();
        runLength = 0;
    }

    private void names(List<String> out) {
        String indent = " ".repeat(frameWidth + 2);
        int span = arrowWidth + 4;
        if (leftName.length() + 2 + rightName.length() <= span) {
            out.add(indent + leftName + " ".repeat(span - leftName.length() - rightName.length())
                    + rightName);
        } else {
            out.add(indent + leftName);
            out.add(indent + " ".repeat(Math.max(0, span - rightName.length())) + rightName);
        }
    }

    private String draw(Segment s) {
        boolean rightward = s.source().equals(left);
        String label = label(s);
        int room = arrowWidth - 4 - (rightward ? 1 : 0);
        if (label.length() > room - 1) {
            label = label.substring(0, Math.max(0, room - 2)) + "…";
        }
        int fill = arrowWidth - 3 - label.length() - 1 - (rightward ? 1 : 0);
        String arrow = rightward ? "── " + label + " " + "─".repeat(fill) + "▶"
                : "◀─ " + label + " " + "─".repeat(fill);
        String number = pad(Long.toString(s.frame()), frameWidth);
        return number + "  │ " + palette.paint(palette.of(s), arrow) + " │" + note(noteFor(s));
    }

    private String draw(Fold f) {
        List<String> codes = new ArrayList<>();
        for (Map.Entry<Long, List<String>> entry : notes.entrySet()) {
            if (entry.getKey() >= f.first && entry.getKey() <= f.last) {
                for (String code : entry.getValue()) {
                    if (!codes.contains(code)) {
                        codes.add(code);
                    }
                }
            }
        }
        int room = frameWidth + 6 + arrowWidth + 2 + noteWidth - (frameWidth + 4);
        String marks = codes.isEmpty() ? "" : "  " + String.join(", ", codes);
        String text = f.describe(Math.max(20, room - marks.length()));
        return " ".repeat(frameWidth) + "  │ " + palette.paint(palette.faint(), text)
                + (marks.isEmpty() ? "" : palette.paint(palette.strong(), marks));
    }

    private String noteFor(Segment s) {
        List<String> codes = notes.get(s.frame());
        if (codes != null) {
            return fitted(codes);
        }
        int bits = s.analysis();
        if ((bits & (AnalysisFlag.FAST_RETRANSMISSION.bit()
                | AnalysisFlag.SPURIOUS_RETRANSMISSION.bit())) != 0) {
            bits &= ~AnalysisFlag.RETRANSMISSION.bit();
        }
        List<String> names = new ArrayList<>(2);
        for (AnalysisFlag flag : AnalysisFlag.values()) {
            if (flag.in(bits)) {
                names.add(flag.tsharkName());
            }
        }
        return fitted(names);
    }

    /** As many of {@code names} as fit the note column, then {@code +N} for the rest. */
    private String fitted(List<String> names) {
        String all = String.join(", ", names);
        if (all.length() <= noteWidth || names.size() == 1) {
            return all;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String more = " +" + (names.size() - i);
            String next = (out.isEmpty() ? "" : ", ") + names.get(i);
            if (out.length() + next.length() + (i + 1 < names.size() ? more.length() : 0)
                    > noteWidth) {
                return out.isEmpty() ? names.getFirst() : out + more;
            }
            out.append(next);
        }
        return out.toString();
    }

    private String note(String text) {
        if (text.isEmpty()) {
            return "";
        }
        String shown = text.length() > noteWidth ? text.substring(0, noteWidth - 1) + "…" : text;
        return "  " + palette.paint(palette.strong(), shown);
    }

    /** {@code P.  seq 1:37 ack 1 (36 B)}: flags, then the numbers that matter. */
    static String label(Segment s) {
        StringBuilder out = new StringBuilder(48);
        for (int i = 0; i < LETTER_BITS.length; i++) {
            if (s.has(LETTER_BITS[i])) {
                out.append(LETTERS[i]);
            }
        }
        if (out.isEmpty()) {
            out.append('-');
        }
        while (out.length() < 3) {
            out.append(' ');
        }
        int length = s.length();
        boolean control = (s.flags() & CONTROL) != 0;
        if (length > 0 || control) {
            out.append(" seq ").append(s.seq());
            if (length > 0) {
                out.append(':').append((s.seq() + length) & 0xFFFFFFFFL);
            }
        }
        if (s.has(TcpFlags.ACK)) {
            out.append(" ack ").append(s.ack());
        }
        if (s.has(TcpFlags.SYN) || s.window() == 0 && !s.has(TcpFlags.RST)) {
            out.append(" win ").append(s.calculatedWindow());
        }
        if (length > 0) {
            out.append(" (").append(ExplainReport.grouped(length)).append(" B)");
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /** Segments folded into one line: counts by direction and by note. */
    private static final class Fold {
        long count;
        long first;
        long last;
        final long[] dataSegments = new long[2];
        final long[] seqStart = new long[2];
        final long[] seqEnd = new long[2];
        final long[] acks = new long[2];
        final long[] analysis = new long[AnalysisFlag.values().length];
        long controls;
        final List<Segment> kept = new ArrayList<>(2);

        void add(Segment s, Endpoint left) {
            if (count == 0) {
                first = s.frame();
            }
            count++;
            last = s.frame();
            if (kept.size() < 2) {
                kept.add(s);
            }
            int d = s.source().equals(left) ? 0 : 1;
            if (s.length() > 0) {
                if (dataSegments[d] == 0) {
                    seqStart[d] = s.seq();
                }
                dataSegments[d]++;
                seqEnd[d] = (s.seq() + s.length()) & 0xFFFFFFFFL;
            } else {
                acks[d]++;
            }
            if ((s.flags() & CONTROL) != 0) {
                controls++;
            }
            for (int bits = s.analysis(); bits != 0; bits &= bits - 1) {
                analysis[Integer.numberOfTrailingZeros(bits)]++;
            }
        }

        String describe(int width) {
            List<String> parts = new ArrayList<>();
            String[] arrows = {"→", "←"};
            for (int d = 0; d < 2; d++) {
                if (dataSegments[d] > 0) {
                    parts.add(ExplainReport.grouped(dataSegments[d]) + " data " + arrows[d]
                            + " (seq " + ExplainReport.grouped(seqStart[d]) + ":"
                            + ExplainReport.grouped(seqEnd[d]) + ")");
                }
                if (acks[d] > 0) {
                    parts.add(ExplainReport.grouped(acks[d]) + (acks[d] == 1 ? " ack " : " acks ")
                            + arrows[d]);
                }
            }
            AnalysisFlag[] flags = AnalysisFlag.values();
            for (int i = 0; i < flags.length; i++) {
                if (analysis[i] > 0) {
                    parts.add(flags[i].tsharkName() + " ×" + ExplainReport.grouped(analysis[i]));
                }
            }
            if (controls > 0) {
                parts.add("SYN/FIN/RST ×" + controls);
            }
            String text = "… " + ExplainReport.grouped(count) + " segments: "
                    + String.join(", ", parts) + " …";
            return text.length() <= width ? text : text.substring(0, width - 1) + "…";
        }
    }
}

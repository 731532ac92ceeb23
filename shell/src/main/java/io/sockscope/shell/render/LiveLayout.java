package io.sockscope.shell.render;

import io.sockscope.inspector.live.LiveExplanation;
import io.sockscope.inspector.live.SegmentOrigin;
import io.sockscope.shell.run.TranscriptRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the live inspector's records read as text (SPEC §4): a call's segments indented under its
 * line in tcpdump's one-line format, then its explanations after {@code = }; what no call caused
 * where it happened, less indented and marked with who sent it ({@code (peer echo)}, {@code
 * (kernel s)}). Explanations are wrapped to {@link #WIDTH} columns, or fewer on a narrower
 * terminal.
 */
final class LiveLayout {

    /** Explanations wrap at this column, or at a narrower terminal's edge. */
    static final int WIDTH = 100;
    /** The narrowest width explanations wrap to, however narrow the terminal. */
    private static final int MIN_WIDTH = 40;
    private static final String BETWEEN = "  ";

    private LiveLayout() {
    }

    static List<TextLine> segment(TranscriptRecord.Segment s) {
        Styled line = new Styled(s.segment().tcpdumpLine(), Palette.role(s.segment()));
        if (s.underCall()) {
            return List.of(TextLine.of(new Styled(TextLayout.INDENT, Role.PLAIN), line));
        }
        return List.of(TextLine.of(new Styled(BETWEEN, Role.PLAIN),
                new Styled("(" + mark(s) + ")", Role.ORIGIN), new Styled(" ", Role.PLAIN), line));
    }

    /** {@code kernel s}, {@code peer echo}; a late segment of a call: {@code s [5]}. */
    private static String mark(TranscriptRecord.Segment s) {
        SegmentOrigin origin = s.origin();
        if (origin.source() == SegmentOrigin.Source.CALL && s.call().isPresent()) {
            return origin.socket().map(n -> n + " ").orElse("") + "[" + s.call().getAsLong() + "]";
        }
        return origin.mark();
    }

    static List<TextLine> folded(TranscriptRecord.SegmentsFolded f) {
        String text = "… " + String.format(Locale.ROOT, "%,d", f.count())
                + (f.count() == 1 ? " segment" : " segments") + " more (frames " + f.firstFrame()
                + "–" + f.lastFrame() + ")";
        return List.of(TextLine.of(new Styled(f.underCall() ? TextLayout.INDENT : BETWEEN,
                Role.PLAIN), new Styled(text, Role.NOTE)));
    }

    static List<TextLine> explanation(TranscriptRecord.Explain x, int width) {
        LiveExplanation e = x.explanation();
        String indent = x.underCall() ? TextLayout.INDENT : BETWEEN;
        List<TextLine> lines = new ArrayList<>();
        List<String> wrapped = wrap(e.code().wireName() + ": " + e.text(),
                Math.max(MIN_WIDTH, width) - indent.length() - 2);
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add(TextLine.of(new Styled(indent + (i == 0 ? "= " : "  "), Role.PLAIN),
                    new Styled(wrapped.get(i), Role.EXPLANATION)));
        }
        return lines;
    }

    /** Words of {@code text} in lines of at most {@code width} columns (a longer word alone). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}

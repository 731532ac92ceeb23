package io.sockscope.shell.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.inspector.live.CallSummary;
import io.sockscope.inspector.live.LiveExplanation;
import io.sockscope.shell.lang.Expectation;
import io.sockscope.shell.lang.TcpFlag;
import io.sockscope.shell.run.LiveCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges {@code expect segment} and {@code expect explain} (SPEC §7) from what was attributed to
 * the calls of the statement before: a segment with exactly the flags, sent ({@code >}) or
 * received ({@code <}) by the socket; an explanation with the code, concerning one of the calls.
 * What is said when one is not met names the calls and what they had instead.
 */
final class LiveChecks {

    private static final char[] LETTERS = {'F', 'S', 'R', 'P', '.', 'U', 'E', 'W'};

    private LiveChecks() {
    }

    static LiveCheck judge(Expectation expectation, List<CallSummary> summaries,
            List<CallEvent> calls, Optional<String> socket) {
        return switch (expectation) {
            case Expectation.Segment s -> segment(s, summaries, calls, socket);
            case Expectation.Explain x -> explain(x, summaries, calls);
            default -> throw new IllegalArgumentException("not a live expectation: " + expectation);
        };
    }

    private static LiveCheck segment(Expectation.Segment s, List<CallSummary> summaries,
            List<CallEvent> calls, Optional<String> socket) {
        int wanted = 0;
        for (TcpFlag flag : s.flags()) {
            wanted |= 1 << flag.ordinal();
        }
        String expected = "segment " + socket.map(n -> n + " ").orElse("")
                + s.direction().symbol() + " " + s.flagText();
        List<String> seen = new ArrayList<>();
        List<CallEvent> withSegments = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            for (CallSummary.SegmentFact fact : summaries.get(i).segments()) {
                Optional<Character> direction = direction(fact, socket);
                if (direction.isEmpty()) {
                    continue;
                }
                if (direction.get() == s.direction().symbol() && (fact.flags() & 0xff) == wanted) {
                    return new LiveCheck.Met(expected, fact.line());
                }
                seen.add(direction.get() + " " + letters(fact.flags()));
                if (!withSegments.contains(calls.get(i))) {
                    withSegments.add(calls.get(i));
                }
            }
        }
        if (seen.isEmpty()) {
            return new LiveCheck.NotMet(expected, "no segments " + socket.map(n -> "of " + n + " ")
                    .orElse("") + "in " + names(calls));
        }
        return new LiveCheck.NotMet(expected, names(withSegments) + " had " + String.join(", ",
                new LinkedHashSet<>(seen)));
    }

    /** {@code >} when {@code socket} sent it, {@code <} when it received it; empty if neither. */
    private static Optional<Character> direction(CallSummary.SegmentFact fact,
            Optional<String> socket) {
        if (socket.isEmpty()) {
            return Optional.of(fact.sender().isPresent() ? '>' : '<');
        }
        if (fact.sender().equals(socket)) {
            return Optional.of('>');
        }
        if (fact.receiver().equals(socket)) {
            return Optional.of('<');
        }
        return Optional.empty();
    }

    private static LiveCheck explain(Expectation.Explain x, List<CallSummary> summaries,
            List<CallEvent> calls) {
        String expected = "explain " + x.code();
        Set<String> codes = new LinkedHashSet<>();
        List<CallEvent> explained = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            for (LiveExplanation e : summaries.get(i).explanations()) {
                if (e.code().wireName().equals(x.code())) {
                    return new LiveCheck.Met(expected, x.code() + " [" + summaries.get(i).call()
                            + "]");
                }
                codes.add(e.code().wireName());
                if (!explained.contains(calls.get(i))) {
                    explained.add(calls.get(i));
                }
            }
        }
        return new LiveCheck.NotMet(expected, codes.isEmpty() ? "no explanation of "
                + names(calls) : names(explained) + " had " + String.join(", ", codes));
    }

    private static String names(List<CallEvent> calls) {
        if (calls.isEmpty()) {
            return "the statement (it made no call)";
        }
        List<String> names = new ArrayList<>();
        for (CallEvent c : calls) {
            names.add(c.op().wireName() + "() [" + c.id() + "]");
        }
        return String.join(", ", names);
    }

    /** tcpdump's letters for {@code flags}: {@code S.}, {@code FP.}, {@code none}. */
    static String letters(int flags) {
        StringBuilder text = new StringBuilder();
        for (int bit = 0; bit < LETTERS.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                text.append(LETTERS[bit]);
            }
        }
        return text.isEmpty() ? "none" : text.toString();
    }
}

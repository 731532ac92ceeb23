package io.sockscope.shell.render;

import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Segment;
import java.util.Map;

/**
 * Terminal colours by what a segment is, so a ladder reads at a glance: SYN green, FIN blue,
 * RST red, retransmissions and other loss yellow, flow-control trouble magenta, data plain,
 * pure ACKs dim. {@link #NONE} writes no escape codes at all (pipes, files, NO_COLOR).
 */
public final class Palette {

    /** No colour. */
    public static final Palette NONE = new Palette(false);
    /** ANSI SGR colours. */
    public static final Palette ANSI = new Palette(true);

    private static final String RESET = "\u001b[0m";
    private static final int LOSS = AnalysisFlag.RETRANSMISSION.bit()
            | AnalysisFlag.FAST_RETRANSMISSION.bit() | AnalysisFlag.SPURIOUS_RETRANSMISSION.bit()
            | AnalysisFlag.OUT_OF_ORDER.bit() | AnalysisFlag.LOST_SEGMENT.bit()
            | AnalysisFlag.DUPLICATE_ACK.bit();
    private static final int FLOW_CONTROL = AnalysisFlag.ZERO_WINDOW.bit()
            | AnalysisFlag.ZERO_WINDOW_PROBE.bit() | AnalysisFlag.ZERO_WINDOW_PROBE_ACK.bit()
            | AnalysisFlag.WINDOW_FULL.bit();

    private final boolean on;

    private Palette(boolean on) {
        this.on = on;
    }

    /**
     * The palette for {@code --color=auto|always|never}: auto colours only a terminal, and only
     * when NO_COLOR is unset or empty and TERM is not {@code dumb}.
     */
    public static Palette choose(String mode, boolean terminal, Map<String, String> environment) {
        return switch (mode) {
            case "always" -> ANSI;
            case "never" -> NONE;
            default -> {
                String noColor = environment.get("NO_COLOR");
                boolean wanted = noColor == null || noColor.isEmpty();
                boolean dumb = "dumb".equals(environment.get("TERM"));
                yield terminal && wanted && !dumb ? ANSI : NONE;
            }
        };
    }

    public boolean isOn() {
        return on;
    }

    /** The SGR sequence for a segment's arrow, empty without colour. */
    public String of(Segment s) {
        return on ? sgr(role(s)) : "";
    }

    /** What a segment is, as far as its colour goes: RST, loss, flow control, SYN, FIN, data, ACK. */
    public static Role role(Segment s) {
        if (s.has(TcpFlags.RST)) {
            return Role.SEGMENT_RST;
        }
        if ((s.analysis() & LOSS) != 0) {
            return Role.SEGMENT_LOSS;
        }
        if ((s.analysis() & FLOW_CONTROL) != 0) {
            return Role.SEGMENT_FLOW;
        }
        if (s.has(TcpFlags.SYN)) {
            return Role.SEGMENT_SYN;
        }
        if (s.has(TcpFlags.FIN)) {
            return Role.SEGMENT_FIN;
        }
        return s.length() > 0 ? Role.SEGMENT_DATA : Role.SEGMENT_ACK;
    }

    /**
     * A {@link Styler} that colours the pieces of transcript lines by role with this palette:
     * segments by flag as on a ladder, failures red, held expectations green; {@link #NONE}'s
     * leaves text as it is.
     */
    public Styler styler() {
        return (text, role) -> {
            String start = on ? sgr(role) : "";
            return start.isEmpty() ? text : start + text + RESET;
        };
    }

    private static String sgr(Role role) {
        return switch (role) {
            case SEGMENT_RST, EXPECT_FAILED -> "\u001b[1;31m";
            case FAILURE -> "\u001b[31m";
            case SEGMENT_LOSS -> "\u001b[33m";
            case SEGMENT_FLOW, PEER -> "\u001b[35m";
            case SEGMENT_SYN, OK, EXPECT_MET -> "\u001b[32m";
            case SEGMENT_FIN -> "\u001b[34m";
            case VALUE, EXPLANATION -> "\u001b[36m";
            case SEGMENT_ACK, DURATION, NOTE, STATE, ORIGIN -> "\u001b[2m";
            case CALL_ID, HEADER -> "\u001b[1m";
            case SEGMENT_DATA, SOURCE, PLAIN -> "";
        };
    }

    /** Bold, for headers and explanation codes. */
    public String strong() {
        return on ? "\u001b[1m" : "";
    }

    /** Dim, for folded runs. */
    public String faint() {
        return on ? "\u001b[2m" : "";
    }

    /** Ends a coloured stretch; empty without colour. */
    public String reset() {
        return on ? RESET : "";
    }

    /** {@code text} between {@code start} and a reset, or {@code text} alone without colour. */
    public String paint(String start, String text) {
        return on && !start.isEmpty() ? start + text + RESET : text;
    }
}

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
        if (!on) {
            return "";
        }
        if (s.has(TcpFlags.RST)) {
            return "\u001b[1;31m";
        }
        if ((s.analysis() & LOSS) != 0) {
            return "\u001b[33m";
        }
        if ((s.analysis() & FLOW_CONTROL) != 0) {
            return "\u001b[35m";
        }
        if (s.has(TcpFlags.SYN)) {
            return "\u001b[32m";
        }
        if (s.has(TcpFlags.FIN)) {
            return "\u001b[34m";
        }
        return s.length() > 0 ? "" : "\u001b[2m";
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

package io.sockscope.shell.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.inspector.capture.CaptureRequirement;
import io.sockscope.shell.run.CaptureSettings;
import io.sockscope.shell.run.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scripts in a real session with capture, through the renderers: each call's line is followed
 * by its segments and explanations, then its state (SPEC §4); JSON lines tie segments and
 * explanations to call ids (SPEC §5); expect segment and expect explain judge them (SPEC §7).
 */
class CapturingInspectorTest {

    private static final String ECHO_CLIENT = """
            serve echo as echo
            s = socket.socket()
            s.connect(echo)
            s.sendall(b"hi")
            reply = s.recv(16)
            s.close()
            """;

    @BeforeEach
    void capture() {
        CaptureRequirement.assumeAvailable();
    }

    @Test
    void aCallLineIsFollowedByItsSegmentsThenItsExplanationThenItsState() {
        LiveScript run = LiveScript.text(ECHO_CLIENT);
        assertThat(run.outcome()).isInstanceOf(Outcome.Completed.class);
        List<String> lines = run.out().lines().toList();
        int connect = index(lines, "[2] s.connect(echo)");
        assertThat(lines.get(connect + 1)).matches(" {6}127\\.0\\.0\\.1\\.\\d+ > 127\\.0\\.0\\.1\\.\\d+:"
                + " Flags \\[S\\], seq 0, win 65495, options \\[mss 65495,.*\\], length 0");
        assertThat(lines.get(connect + 2)).contains(": Flags [S.], seq 0, ack 1,");
        assertThat(lines.get(connect + 3)).contains(": Flags [.], ack 1,");
        assertThat(lines.get(connect + 4)).startsWith("      = handshake: :");
        assertThat(lines.stream().skip(connect + 4).filter(l -> l.startsWith("      state s "))
                .findFirst()).hasValueSatisfying(l -> assertThat(l).contains("ESTABLISHED"));
        int close = index(lines, "[5] s.close()");
        assertThat(lines.get(close + 1)).contains(": Flags [F.], seq 3, ack 3,");
        assertThat(lines).anyMatch(l -> Pattern.matches("  \\(peer echo\\) 127\\.0\\.0\\.1\\.\\d+ >"
                + " 127\\.0\\.0\\.1\\.\\d+: Flags \\[F\\.\\], .*", l));
        assertThat(lines.getLast()).matches("capture: lo, \\d+ frames captured, 0 dropped");
    }

    @Test
    void jsonLinesTieSegmentsAndExplanationsToTheirCalls() {
        LiveScript run = LiveScript.json(ECHO_CLIENT);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("{\"type\":\"segment\",\"frame\":1,\"call\":2,")
                && l.contains("\"flags\":[\"SYN\"]") && l.endsWith("\"by\":\"call\",\"socket\":\"s\","
                + "\"peer\":\"echo\"}"));
        assertThat(lines).anyMatch(l -> l.startsWith("{\"type\":\"explain\",\"code\":\"handshake\","
                + "\"call\":2,\"frames\":[1,2,3],"));
        assertThat(lines).anyMatch(l -> l.contains("\"call\":3,") && l.contains("\"len\":2,")
                && l.startsWith("{\"type\":\"segment\""));
        assertThat(lines.getLast()).matches("\\{\"type\":\"capture\",\"iface\":\"lo\",\"status\":"
                + "\"ok\",\"received\":\\d+,\"dropped\":0}");
    }

    @Test
    void expectSegmentAndExplainAreJudgedFromTheStatementsCalls() {
        LiveScript met = LiveScript.text("""
                server = socket.socket()
                server.bind(("127.0.0.1", 0))
                c = socket.socket()
                c.connect(server.getsockname())
                expect error ECONNREFUSED
                expect segment > S
                expect segment < R.
                expect explain connect_refused
                """);
        assertThat(met.outcome()).isInstanceOf(Outcome.Completed.class);
        assertThat(met.out()).contains("  ✓ expect segment > S ", "  ✓ expect segment < R. ")
                .containsPattern("  ✓ expect explain connect_refused +connect_refused \\[5]\n");
        LiveScript notMet = LiveScript.text("""
                server = socket.socket()
                server.bind(("127.0.0.1", 0))
                c = socket.socket()
                c.connect(server.getsockname())
                expect error ECONNREFUSED
                expect segment > R.
                """);
        assertThat(notMet.outcome()).isInstanceOfSatisfying(Outcome.Stopped.class,
                stopped -> assertThat(stopped.exitCode()).isEqualTo(1));
        assertThat(notMet.err()).matches("test\\.py:6: expectation not met: expect segment > R\\.:"
                + " expected segment c > R\\., got connect\\(\\) \\[\\d+\\] had > S, < R\\.\\n");
        LiveScript noExplanation = LiveScript.text("""
                serve discard as d
                s = socket.socket()
                s.connect(d)
                expect explain rst_abort
                """);
        assertThat(noExplanation.err()).contains("expected explain rst_abort, got connect() [",
                "] had handshake");
    }

    @Test
    void captureThatCannotRunSaysWhyAndLiveExpectationsNeedIt() {
        CaptureSettings nowhere = new CaptureSettings(true, false, Optional.of("nosuch0"),
                Optional.empty());
        LiveScript run = LiveScript.run("""
                serve echo as echo
                s = socket.socket()
                s.connect(echo)
                expect segment > S
                """, false, nowhere);
        assertThat(run.out().lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
                .startsWith("capture: unavailable: there is no interface named 'nosuch0'"));
        assertThat(run.out()).contains("[2] s.connect(echo)");
        assertThat(run.outcome()).isInstanceOfSatisfying(Outcome.Stopped.class,
                stopped -> assertThat(stopped.exitCode()).isEqualTo(3));
    }

    private static int index(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix + " in\n" + String.join("\n", lines));
    }
}

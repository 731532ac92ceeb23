package io.sockscope.shell.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.shell.lang.ParseResult;
import io.sockscope.shell.lang.Parser;
import io.sockscope.shell.render.Styler;
import io.sockscope.shell.render.TranscriptJson;
import io.sockscope.shell.render.TranscriptText;
import io.sockscope.shell.run.CaptureSettings;
import io.sockscope.shell.run.Outcome;
import io.sockscope.shell.run.Session;
import io.sockscope.shell.run.TranscriptSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs a script in a real session with the capturing inspector, as {@code sockscope run} does,
 * and keeps its text or JSON transcript and standard error.
 */
record LiveScript(Outcome outcome, String out, String err) {

    static final CaptureSettings CAPTURE = new CaptureSettings(true, false, Optional.empty(),
            Optional.empty());

    static LiveScript text(String script) {
        return run(script, false, CAPTURE);
    }

    static LiveScript json(String script) {
        return run(script, true, CAPTURE);
    }

    static LiveScript run(String script, boolean json, CaptureSettings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        TranscriptSink sink = json ? new TranscriptJson(o) : new TranscriptText(o, e, Styler.PLAIN);
        ParseResult parsed = Parser.parseFile("test.py", script);
        assertThat(parsed).isInstanceOf(ParseResult.Complete.class);
        Session session = Session.start(sink, CapturingInspector.FACTORY.open(settings));
        Outcome outcome = session.run(((ParseResult.Complete) parsed).program());
        Outcome late = session.end();
        if (outcome instanceof Outcome.Completed) {
            outcome = late;
        }
        return new LiveScript(outcome, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}

package io.sockscope.inspector.explain;

import io.sockscope.inspector.decode.DecodeStatus;
import io.sockscope.inspector.flow.CaptureAnalysis;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.Segment;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains a corpus capture the way {@code sockscope explain} does: both passes, the explainer
 * fed the second pass's segments and told each stream's end from the first pass's flows.
 */
final class CorpusExplanations {

    static final List<String> NAMES = List.of("bind_no_listen", "close_wait_leak",
            "close_with_unread_data", "connect_refused", "half_close", "handshake_echo",
            "ipv6_echo", "keepalive", "large_transfer_lo64k", "linger_zero_abort",
            "nagle_delayed_ack", "retransmission_loss", "short_send_small_buffer",
            "time_wait_rebind", "zero_window");

    private CorpusExplanations() {
    }

    static Path file(String name) {
        try {
            return Path.of(CorpusExplanations.class.getResource("/corpus/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A capture's explanations, in the order they were completed, and its segments by frame. */
    record Explained(List<Explanation> explanations, Map<Long, Segment> segments) {
    }

    /** Every explanation of capture {@code name}, in the order they were completed. */
    static List<Explanation> explain(String name) {
        return explainWithSegments(name).explanations();
    }

    static Explained explainWithSegments(String name) {
        return explain(file(name + ".pcap"));
    }

    static Explained explain(Path capture) {
        CaptureAnalysis.Outcome first = CaptureAnalysis.summarize(capture);
        if (!(first instanceof CaptureAnalysis.Outcome.Completed done)) {
            throw new IllegalStateException(first.toString());
        }
        Map<Long, Integer> lastFrames = new HashMap<>();
        for (Flow flow : done.flows()) {
            lastFrames.put(flow.lastFrame(), flow.stream());
        }
        List<Explanation> out = new ArrayList<>();
        Map<Long, Segment> segments = new HashMap<>();
        Explainer explainer = Explainer.offline(out::add);
        CaptureAnalysis.twoPasses(capture, new CaptureAnalysis.FrameListener() {
            @Override
            public void segment(Segment segment) {
                segments.put(segment.frame(), segment);
                explainer.accept(segment);
                Integer ending = lastFrames.get(segment.frame());
                if (ending != null) {
                    explainer.endOfStream(ending);
                }
            }

            @Override
            public void otherFrame(long frame, long atNanos, DecodeStatus status,
                    String problem) {
            }
        });
        explainer.finish();
        return new Explained(out, segments);
    }

    public static void main(String[] args) {
        for (String name : args.length > 0 ? List.of(args) : NAMES) {
            System.out.println("===== " + name);
            for (Explanation e : explain(name)) {
                System.out.println(e.stream() + " " + e.code() + " " + e.frames() + " ("
                        + e.frameCount() + ") key " + e.keyFrame() + "\n    " + e.text());
            }
        }
    }
}

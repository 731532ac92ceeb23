package io.sockscope.inspector.live;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.Engine;
import io.sockscope.engine.Family;
import io.sockscope.engine.Sock;
import io.sockscope.engine.peer.Peer;
import io.sockscope.engine.peer.PeerKind;
import io.sockscope.engine.peer.PeerStart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A 1 GiB sendall() to the discard peer with the live inspector capturing and without: the
 * sendall's throughput (its own duration), the time its group took to make afterwards (the
 * barrier and the attribution of every segment), and the capture's counts. After one round of
 * each to warm up, rounds alternate off and on; prints Markdown rows. {@code bench/live-session.sh} runs it.
 *
 * <p>Usage: {@code LiveThroughputBench [BYTES] [ROUNDS]} (defaults 1 GiB, 5).
 */
public final class LiveThroughputBench {

    private LiveThroughputBench() {
    }

    public static void main(String[] args) {
        long bytes = args.length > 0 ? Long.parseLong(args[0]) : 1L << 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] data = new byte[Math.toIntExact(bytes)];
        System.out.println("| round | capture | MB/s | vs capture off | settle after | segments"
                + " | frames received | kernel drops |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        once(data, false);
        once(data, true);
        List<Double> ratios = new ArrayList<>();
        long worstDrops = 0;
        for (int round = 1; round <= rounds; round++) {
            Result off = once(data, false);
            Result on = once(data, true);
            double ratio = on.megabytesPerSecond / off.megabytesPerSecond;
            ratios.add(ratio);
            worstDrops = Math.max(worstDrops, on.dropped);
            System.out.printf(Locale.ROOT, "| %d | off | %.0f | 100%% | | | | |%n", round,
                    off.megabytesPerSecond);
            System.out.printf(Locale.ROOT, "| %d | on | %.0f | %.0f%% | %.1f ms | %,d | %,d | %d |%n",
                    round, on.megabytesPerSecond, 100 * ratio, on.settleMillis, on.segments,
                    on.received, on.dropped);
        }
        ratios.sort(null);
        System.out.printf(Locale.ROOT, "%nMedian capture-on throughput: %.0f%% of capture off;"
                + " kernel drops, worst round: %d%n", 100 * ratios.get(ratios.size() / 2),
                worstDrops);
    }

    private record Result(double megabytesPerSecond, double settleMillis, long segments,
            long received, long dropped) {
    }

    private static Result once(byte[] data, boolean capture) {
        try (Engine engine = new Engine()) {
            LiveSession live = capture ? ((LiveStart.Started) LiveSession.start(engine,
                    LiveOptions.defaults(), take -> take.get())).session() : null;
            Peer discard = ((PeerStart.Started) engine.serve("discard", PeerKind.DISCARD,
                    "127.0.0.1", 0)).peer();
            engine.socket("s", Family.INET);
            Sock s = engine.sock("s").orElseThrow();
            settle(live, s.connect("127.0.0.1", discard.endpoint().port()));
            CallEvent sendall = s.sendall(data);
            long start = System.nanoTime();
            CallRecords records = settle(live, sendall);
            double settleMillis = (System.nanoTime() - start) / 1e6;
            double seconds = sendall.durationMicros() / 1e6;
            settle(live, s.close());
            engine.stopPeer("discard");
            if (live == null) {
                return new Result(data.length / seconds / 1e6, 0, 0, 0, 0);
            }
            Ending ending = live.stop();
            Ending.InterfaceCount lo = ending.counts().getFirst();
            long segments = records == null ? 0 : records.call().stream()
                    .mapToLong(r -> r instanceof LiveRecord.Folded f ? f.count() : 1).sum();
            return new Result(data.length / seconds / 1e6, settleMillis, segments, lo.received(),
                    lo.dropped());
        }
    }

    private static CallRecords settle(LiveSession live, CallEvent call) {
        return live == null ? null : live.settle(call);
    }
}

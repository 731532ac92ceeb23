package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.OptValue;
import io.sockscope.engine.Sock;
import io.sockscope.engine.SockOpt;
import io.sockscope.engine.peer.Peer;
import io.sockscope.engine.peer.PeerKind;
import io.sockscope.inspector.pcap.CaptureOpen;
import io.sockscope.inspector.pcap.CaptureReader;
import io.sockscope.inspector.pcap.ReadStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The barrier, the capture file and the session's end: every segment of a call is in its group
 * when the group is made (hundreds of calls, none late), {@code -w} keeps every frame but the
 * markers, and stop leaves no thread behind.
 */
class BarrierTest {

    @TempDir
    Path dir;

    /** TCP_NODELAY: without it Nagle may hold a small segment until the last one is acknowledged. */
    @Test
    void everyCallsDataSegmentIsInItsGroupWhenTheGroupIsMade() {
        try (LiveRun run = new LiveRun()) {
            Peer discard = run.serve(PeerKind.DISCARD);
            Sock s = run.socket("s");
            run.settle(s.connect("127.0.0.1", discard.endpoint().port()));
            run.settle(s.setsockopt(SockOpt.TCP_NODELAY, new OptValue.IntValue(1)));
            for (int i = 0; i < 300; i++) {
                CallEvent send = run.settle(s.send(new byte[10]));
                assertThat(run.segments(send)).as("segments of send %d", i)
                        .anySatisfy(seen -> {
                            assertThat(seen.segment().length()).isEqualTo(10);
                            assertThat(seen.call()).isEqualTo(OptionalLong.of(send.id()));
                        });
            }
            assertThat(LiveRun.seen(run.between)).noneMatch(seen -> seen.call().isPresent());
        }
    }

    @Test
    void theCaptureFileKeepsEveryFrameButTheMarkers() {
        Path file = dir.resolve("session.pcap");
        try (LiveRun run = new LiveRun(new LiveOptions(Optional.empty(), Optional.of(file)))) {
            Peer echo = run.serve(PeerKind.ECHO);
            Sock s = run.socket("s");
            run.settle(s.connect("127.0.0.1", echo.endpoint().port()));
            run.settle(s.sendall("hello".getBytes()));
            run.settle(s.recv(5));
            run.settle(s.close());
            Ending ending = run.stop();
            assertThat(ending.notes()).isEmpty();
            List<LiveRecord.Seen> seen = run.everySegment();
            assertThat(frames(file)).isEqualTo(seen.size())
                    .isEqualTo(ending.counts().getFirst().received());
        }
    }

    @Test
    void stoppingLeavesNoThreadBehind() {
        try (LiveRun run = new LiveRun()) {
            Peer echo = run.serve(PeerKind.ECHO);
            Sock s = run.socket("s");
            run.settle(s.connect("127.0.0.1", echo.endpoint().port()));
            assertThat(threads()).contains("sockscope-live", "sockscope-capture-lo")
                    .anyMatch(name -> name.startsWith("sockscope-marker-"));
            run.stop();
        }
        assertThat(threads()).noneMatch(name -> name.equals("sockscope-live")
                || name.startsWith("sockscope-capture") || name.startsWith("sockscope-marker"));
    }

    private static List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).toList();
    }

    private static long frames(Path file) {
        CaptureOpen open = CaptureReader.open(file);
        assertThat(open).isInstanceOf(CaptureOpen.Opened.class);
        try (CaptureReader reader = ((CaptureOpen.Opened) open).reader()) {
            long frames = 0;
            while (reader.next() == ReadStatus.FRAME) {
                frames++;
            }
            return frames;
        }
    }
}

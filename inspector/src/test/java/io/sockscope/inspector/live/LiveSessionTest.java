package io.sockscope.inspector.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.OptValue;
import io.sockscope.engine.Sock;
import io.sockscope.engine.SockOpt;
import io.sockscope.engine.peer.Peer;
import io.sockscope.engine.peer.PeerKind;
import io.sockscope.inspector.explain.ExplanationCode;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The live inspector over real sockets on loopback, with real capture: each call's group holds
 * the segments it caused and the explanations that name it, exactly (SPEC §4, §6).
 */
class LiveSessionTest {

    @Test
    void connectShowsTheHandshakeUnderItsCall() {
        try (LiveRun run = new LiveRun()) {
            Peer discard = run.serve(PeerKind.DISCARD);
            Sock s = run.socket("s");
            CallEvent connect = run.settle(s.connect("127.0.0.1", discard.endpoint().port()));
            assertThat(run.flags(connect)).containsExactly("S", "S.", ".");
            assertThat(run.segments(connect)).allSatisfy(seen -> {
                assertThat(seen.call()).isEqualTo(OptionalLong.of(connect.id()));
                assertThat(seen.origin().source()).isEqualTo(SegmentOrigin.Source.CALL);
                assertThat(seen.origin().socket()).contains("s");
            });
            LiveExplanation handshake = run.explanation(connect, ExplanationCode.HANDSHAKE);
            assertThat(handshake.call()).hasValue(connect.id());
            assertThat(handshake.inferred()).isFalse();
            assertThat(handshake.text()).contains("called connect() [" + connect.id() + "]");
            assertThat(handshake.frames()).containsExactlyElementsOf(run.segments(connect).stream()
                    .map(seen -> seen.segment().frame()).toList());
        }
    }

    @Test
    void sendShowsItsDataAndCloseItsFin() {
        try (LiveRun run = new LiveRun()) {
            Peer discard = run.serve(PeerKind.DISCARD);
            Sock s = run.socket("s");
            run.settle(s.connect("127.0.0.1", discard.endpoint().port()));
            CallEvent send = run.settle(s.send("hello\n".getBytes()));
            LiveRecord.Seen data = run.segments(send).getFirst();
            assertThat(run.flags(send).getFirst()).isEqualTo("P.");
            assertThat(data.segment().length()).isEqualTo(6);
            assertThat(data.segment().tcpdumpLine()).contains("seq 1:7", "length 6");
            assertThat(run.explanation(send, ExplanationCode.DATA).text())
                    .contains("the bytes of send() [" + send.id() + "]");
            CallEvent close = run.settle(s.close());
            assertThat(run.flags(close).getFirst()).isEqualTo("F.");
            assertThat(run.explanation(close, ExplanationCode.FIN).call()).hasValue(close.id());
        }
    }

    @Test
    void aBoundPortThatDoesNotListenRefusesWithRst() {
        try (LiveRun run = new LiveRun()) {
            Sock bound = run.socket("bound");
            run.settle(bound.bind("127.0.0.1", 0));
            Sock c = run.socket("c");
            CallEvent connect = run.settle(c.connect("127.0.0.1", bound.lastLocal().orElseThrow()
                    .port()));
            assertThat(connect.errno()).hasValueSatisfying(e -> assertThat(e.name())
                    .isEqualTo("ECONNREFUSED"));
            assertThat(run.flags(connect)).containsExactly("S", "R.");
            LiveExplanation refused = run.explanation(connect, ExplanationCode.CONNECT_REFUSED);
            assertThat(refused.call()).hasValue(connect.id());
            assertThat(refused.text()).contains("connect() [" + connect.id()
                    + "] failed with ConnectionRefusedError");
        }
    }

    @Test
    void closeWithUnreadBytesResetsAndSaysHowMany() {
        try (LiveRun run = new LiveRun()) {
            Pair pair = Pair.open(run);
            run.settle(pair.client().sendall("twelve bytes".getBytes()));
            CallEvent close = run.settle(pair.server().close());
            assertThat(run.flags(close)).contains("R.");
            LiveExplanation reset = run.explanation(close, ExplanationCode.RST_UNREAD_DATA);
            assertThat(reset.text()).startsWith("close() [" + close.id()
                    + "] with 12 unread bytes: the kernel sent RST instead of FIN");
            assertThat(reset.inferred()).isFalse();
        }
    }

    @Test
    void lingerZeroMakesCloseAnAbort() {
        try (LiveRun run = new LiveRun()) {
            Pair pair = Pair.open(run);
            run.settle(pair.server().setsockopt(SockOpt.SO_LINGER, new OptValue.Linger(true, 0)));
            CallEvent close = run.settle(pair.server().close());
            assertThat(run.flags(close)).containsExactly("R.");
            assertThat(run.explanation(close, ExplanationCode.RST_ABORT).text())
                    .startsWith("SO_LINGER was (on, 0), so close() [" + close.id() + "] aborted");
        }
    }

    @Test
    void thePeersReplyIsThePeersUnlessARecvWaitedForIt() {
        try (LiveRun run = new LiveRun()) {
            Peer echo = run.serve(PeerKind.ECHO);
            Sock s = run.socket("s");
            run.settle(s.connect("127.0.0.1", echo.endpoint().port()));
            run.settle(s.send("hello\n".getBytes()));
            CallEvent recv = run.settle(s.recv(1024));
            run.stop();
            List<LiveRecord.Seen> replies = run.everySegment().stream()
                    .filter(seen -> seen.segment().source().port() == echo.endpoint().port()
                            && seen.segment().length() == 6)
                    .toList();
            assertThat(replies).hasSize(1);
            LiveRecord.Seen reply = replies.getFirst();
            if (reply.call().isPresent()) {
                assertThat(reply.call()).hasValue(recv.id());
            } else {
                assertThat(reply.origin().source()).isEqualTo(SegmentOrigin.Source.PEER);
                assertThat(reply.origin().peer()).contains("echo");
                assertThat(reply.origin().socket()).contains("s");
                assertThat(reply.origin().mark()).isEqualTo("peer echo");
            }
        }
    }

    @Test
    void aSegmentBetweenTwoOfTheSessionsSocketsIsShownOnce() {
        try (LiveRun run = new LiveRun()) {
            Pair pair = Pair.open(run);
            run.settle(pair.client().sendall("ping".getBytes()));
            run.settle(pair.server().recv(16));
            run.settle(pair.server().sendall("pong".getBytes()));
            run.settle(pair.client().recv(16));
            run.settle(pair.client().close());
            run.settle(pair.server().close());
            Ending ending = run.stop();
            List<Long> frames = run.everySegment().stream().map(s -> s.segment().frame()).toList();
            assertThat(frames).doesNotHaveDuplicates();
            assertThat(frames).hasSize((int) ending.counts().getFirst().received());
            assertThat(ending.counts().getFirst().dropped()).isZero();
        }
    }

    @Test
    void aHandshakeCompletedBeforeAcceptIsToldAtTheAccept() {
        try (LiveRun run = new LiveRun()) {
            Sock srv = run.socket("srv");
            run.settle(srv.bind("127.0.0.1", 0));
            run.settle(srv.listen(1));
            Sock c = run.socket("c");
            CallEvent connect = run.settle(c.connect("127.0.0.1", srv.lastLocal().orElseThrow()
                    .port()));
            CallEvent accept = run.settle(srv.accept("conn"));
            LiveExplanation before = run.explanation(accept,
                    ExplanationCode.HANDSHAKE_BEFORE_ACCEPT);
            assertThat(before.frames()).containsExactlyElementsOf(run.segments(connect).stream()
                    .map(seen -> seen.segment().frame()).toList());
            assertThat(before.text()).contains("before accept() [" + accept.id() + "] was called",
                    "srv's listen backlog (listen(1))");
        }
    }
}

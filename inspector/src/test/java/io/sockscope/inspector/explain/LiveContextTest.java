package io.sockscope.inspector.explain;

import static io.sockscope.inspector.explain.Wire.A;
import static io.sockscope.inspector.explain.Wire.F;
import static io.sockscope.inspector.explain.Wire.P;
import static io.sockscope.inspector.explain.Wire.R;
import static io.sockscope.inspector.explain.Wire.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.sockscope.engine.CallEvent;
import io.sockscope.engine.CallResult;
import io.sockscope.engine.Closing;
import io.sockscope.engine.Endpoint;
import io.sockscope.engine.Errno;
import io.sockscope.engine.Failure;
import io.sockscope.engine.Op;
import io.sockscope.engine.OptValue;
import io.sockscope.inspector.flow.Segment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The same rules with an {@link ExplainContext} that knows the calls, as the live session will
 * give it: texts become exact, name calls by id, and say nothing is inferred.
 */
class LiveContextTest {

    private final Map<Long, List<CallEvent>> callsByFrame = new HashMap<>();
    private final List<Explanation> told = new ArrayList<>();
    private final Explainer explainer = new Explainer(new ExplainContext() {
        @Override
        public boolean knowsCalls() {
            return true;
        }

        @Override
        public List<CallEvent> callsFor(Segment segment) {
            return callsByFrame.getOrDefault(segment.frame(), List.of());
        }
    }, told::add);

    private static CallEvent call(long id, Op op, CallResult result, Optional<Failure> failure,
            Optional<Closing> closing) {
        Endpoint local = new Endpoint("127.0.0.1", 51234);
        Endpoint remote = new Endpoint("127.0.0.1", 9000);
        return new CallEvent(id, "s", op, Map.of(), 1, 2, result, failure, Optional.of(local),
                Optional.of(remote), closing);
    }

    private void cause(Segment segment, CallEvent... calls) {
        callsByFrame.put(segment.frame(), List.of(calls));
    }

    private Explanation only(ExplanationCode code) {
        List<Explanation> found = told.stream().filter(e -> e.code() == code).toList();
        assertThat(found).as("%s in %s", code, told).hasSize(1);
        return found.getFirst();
    }

    @Test
    void closeWithUnreadBytesIsToldExactly() {
        Wire wire = new Wire().handshake();
        wire.s(P, 12, 0);
        wire.c(A, 0, 0);
        Segment rst = wire.c(R, 0, 0, 0);
        cause(rst, call(7, Op.CLOSE, new CallResult.NoResult(), Optional.empty(),
                Optional.of(new Closing(12, new OptValue.Linger(false, 0)))));
        wire.sent().forEach(explainer::accept);
        Explanation reset = only(ExplanationCode.RST_UNREAD_DATA);
        assertThat(reset.text()).startsWith(
                "close() [7] with 12 unread bytes: the kernel sent RST instead of FIN");
        assertThat(reset.call()).hasValue(7);
        assertThat(reset.inferred()).isFalse();
        assertThat(reset.text()).doesNotContain("inferred", "most likely", "cannot tell");
    }

    @Test
    void lingerZeroCloseIsAnAbortToldExactly() {
        Wire wire = new Wire().handshake();
        wire.s(P, 5, 0);
        wire.c(A, 0, 0);
        Segment rst = wire.c(R, 0, 0, 0);
        cause(rst, call(9, Op.CLOSE, new CallResult.NoResult(), Optional.empty(),
                Optional.of(new Closing(0, new OptValue.Linger(true, 0)))));
        wire.sent().forEach(explainer::accept);
        Explanation abort = only(ExplanationCode.RST_ABORT);
        assertThat(abort.text()).startsWith("SO_LINGER was (on, 0), so close() [9] aborted");
        assertThat(abort.call()).hasValue(9);
        assertThat(abort.inferred()).isFalse();
    }

    @Test
    void theConnectCallIsNamedOnTheHandshakeAndTheRefusal() {
        Wire wire = new Wire();
        Segment syn = wire.c(S, 0, 0);
        cause(syn, call(2, Op.CONNECT, new CallResult.NoResult(),
                Optional.of(new Failure.OsError(Errno.of(111))), Optional.empty()));
        wire.s(R, 0, 0, 0);
        wire.sent().forEach(explainer::accept);
        Explanation refused = only(ExplanationCode.CONNECT_REFUSED);
        assertThat(refused.call()).hasValue(2);
        assertThat(refused.text()).contains("connect() [2] failed with ConnectionRefusedError")
                .doesNotContain("Most likely");
        assertThat(refused.inferred()).isFalse();
    }

    @Test
    void theHandshakeOfAKnownConnectIsToldAsAFact() {
        Wire wire = new Wire();
        Segment syn = wire.c(S, 0, 65495, 0);
        cause(syn, call(2, Op.CONNECT, new CallResult.NoResult(), Optional.empty(),
                Optional.empty()));
        wire.s(S | A, 0, 65483, 0);
        wire.c(A, 0, 0);
        wire.sent().forEach(explainer::accept);
        Explanation handshake = only(ExplanationCode.HANDSHAKE);
        assertThat(handshake.call()).hasValue(2);
        assertThat(handshake.text()).startsWith(":51234 called connect() [2]; ")
                .doesNotContain("ost likely", "inferred");
        assertThat(handshake.inferred()).isFalse();
    }

    @Test
    void timeWaitAfterAKnownCloseSaysNothingIsInferred() {
        Wire wire = new Wire().handshake();
        Segment fin = wire.c(F, 0, 0);
        cause(fin, call(7, Op.CLOSE, new CallResult.NoResult(), Optional.empty(),
                Optional.of(new Closing(0, new OptValue.Linger(false, 0)))));
        wire.s(F, 0, 0);
        wire.c(A, 0, 0);
        wire.sent().forEach(explainer::accept);
        Explanation timeWait = only(ExplanationCode.TIME_WAIT);
        assertThat(timeWait.text()).startsWith(":51234 closed first (FIN, 4), so once")
                .doesNotContain("ost likely", "inferred");
        assertThat(timeWait.inferred()).isFalse();
    }

    @Test
    void aRunOfDataSplitsWhereTheCallsChangeAndNamesThem() {
        Wire wire = new Wire().handshake();
        CallEvent first = call(4, Op.SENDALL, new CallResult.SentAll(3000), Optional.empty(),
                Optional.empty());
        CallEvent second = call(5, Op.SEND, new CallResult.Sent(10, 10), Optional.empty(),
                Optional.empty());
        cause(wire.c(A, 1448, 0), first);
        cause(wire.c(A, 1448, 0), first);
        cause(wire.c(P, 104, 0), first);
        cause(wire.c(P, 10, 0), second);
        wire.s(A, 0, 0);
        wire.s(P, 1, 0);
        wire.sent().forEach(explainer::accept);
        List<Explanation> data = told.stream().filter(e -> e.code() == ExplanationCode.DATA)
                .filter(e -> e.text().startsWith(":51234")).toList();
        assertThat(data).extracting(Explanation::frames)
                .containsExactly(List.of(4L, 5L, 6L), List.of(7L));
        assertThat(data.getFirst().text()).contains("the bytes of sendall() [4]");
        assertThat(data.get(1).text()).contains("the bytes of send() [5]");
        assertThat(data).allMatch(e -> !e.inferred());
    }

    @Test
    void aRunOfDataIsToldAsSoonAsItsCallHasEnded() {
        Wire wire = new Wire().handshake();
        CallEvent send = call(4, Op.SEND, new CallResult.Sent(10, 10), Optional.empty(),
                Optional.empty());
        cause(wire.c(P, 10, 0), send);
        wire.sent().forEach(explainer::accept);
        assertThat(told).noneMatch(e -> e.code() == ExplanationCode.DATA);
        explainer.callEnded(5);
        assertThat(told).noneMatch(e -> e.code() == ExplanationCode.DATA);
        explainer.callEnded(4);
        assertThat(only(ExplanationCode.DATA).call()).hasValue(4);
    }

    @Test
    void oneSegmentCarryingTwoCallsIsCoalesced() {
        Wire wire = new Wire().handshake();
        CallEvent one = call(4, Op.SEND, new CallResult.Sent(2, 2), Optional.empty(),
                Optional.empty());
        CallEvent two = call(5, Op.SEND, new CallResult.Sent(2, 2), Optional.empty(),
                Optional.empty());
        cause(wire.c(P, 4, 0), one, two);
        wire.sent().forEach(explainer::accept);
        Explanation coalesced = only(ExplanationCode.COALESCED);
        assertThat(coalesced.text()).contains("send() [4], send() [5]");
    }
}

package io.sockscope.inspector.flow;

import io.sockscope.inspector.decode.TcpFlags;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One tshark conversation: a stream number, its two flows and the summary of the connection.
 * Flow {@code a} is the sender of the conversation's first frame, so the assignment is the same
 * in every pass over a file. Mutable; owned by one {@link TcpAnalyzer}.
 */
final class Conversation {

    final int stream;
    final ConversationKey key;
    /** Whether flow {@code a}'s endpoint is the key's first (canonical) endpoint. */
    final boolean aIsFirst;
    final FlowState a;
    final FlowState b;
    final boolean reusedPorts;

    long tsMruSyn;
    long tsFirstRtt;

    long firstFrame;
    long lastFrame;
    long firstNanos;
    long lastNanos;
    /** The flow that sent the first pure SYN, or the one that received the first SYN+ACK. */
    FlowState client;
    Closing firstClose;

    Conversation(int stream, ConversationKey key, boolean aIsFirst, Endpoint aEndpoint,
            Endpoint bEndpoint, boolean reusedPorts) {
        this.stream = stream;
        this.key = key;
        this.aIsFirst = aIsFirst;
        this.a = new FlowState(aEndpoint);
        this.b = new FlowState(bEndpoint);
        this.reusedPorts = reusedPorts;
    }

    /** Updates the summary and the wire-inferred TCP states for one frame from {@code fwd}. */
    void record(FlowState fwd, FlowState rev, long frame, long atNanos, int flags, long seq,
            long ack, int len, int window, int analysis) {
        if (fwd.frames == 0 && rev.frames == 0) {
            firstFrame = frame;
            firstNanos = atNanos;
        }
        lastFrame = frame;
        lastNanos = atNanos;
        fwd.frames++;
        fwd.payloadBytes += len;
        for (int bits = analysis; bits != 0; bits &= bits - 1) {
            fwd.flagCounts[Integer.numberOfTrailingZeros(bits)]++;
        }
        boolean syn = (flags & TcpFlags.SYN) != 0;
        boolean hasAck = (flags & TcpFlags.ACK) != 0;
        if (syn && client == null) {
            client = hasAck ? rev : fwd;
        }
        if (syn) {
            fwd.synFrame = frame;
        }
        if ((flags & TcpFlags.RST) != 0) {
            if (fwd.rstFrame == 0) {
                fwd.rstFrame = frame;
            }
            noteClose(fwd, true, frame);
            fwd.state = TcpState.RESET;
            rev.state = TcpState.RESET;
            return;
        }
        advanceStates(fwd, rev, flags, seq, ack, len);
        if ((flags & TcpFlags.FIN) != 0 && fwd.finFrame == 0) {
            fwd.finFrame = frame;
            noteClose(fwd, false, frame);
        }
    }

    private void noteClose(FlowState by, boolean reset, long frame) {
        if (firstClose == null) {
            firstClose = new Closing(sideOf(by), reset, frame);
        }
    }

    private static void advanceStates(FlowState fwd, FlowState rev, int flags, long seq, long ack,
            int len) {
        boolean syn = (flags & TcpFlags.SYN) != 0;
        boolean hasAck = (flags & TcpFlags.ACK) != 0;
        if (syn) {
            if (!hasAck) {
                fwd.state = TcpState.SYN_SENT;
            } else {
                fwd.state = TcpState.SYN_RECEIVED;
                if (rev.state == TcpState.SYN_SENT) {
                    rev.state = TcpState.ESTABLISHED;
                }
            }
            return;
        }
        if (fwd.state == TcpState.CLOSED) {
            fwd.state = TcpState.ESTABLISHED;
            if (rev.state == TcpState.CLOSED) {
                rev.state = TcpState.ESTABLISHED;
            }
        }
        if (hasAck) {
            if (fwd.state == TcpState.SYN_SENT) {
                fwd.state = TcpState.ESTABLISHED;
            }
            if (rev.state == TcpState.SYN_RECEIVED) {
                rev.state = TcpState.ESTABLISHED;
            }
            if (rev.finFrame != 0 && !Seq.lt(ack, rev.finEnd)) {
                rev.state = switch (rev.state) {
                    case FIN_WAIT_1 -> TcpState.FIN_WAIT_2;
                    case CLOSING -> TcpState.TIME_WAIT;
                    case LAST_ACK -> TcpState.CLOSED;
                    default -> rev.state;
                };
            }
        }
        if ((flags & TcpFlags.FIN) != 0 && fwd.finFrame == 0) {
            fwd.finEnd = Seq.add(seq, len + 1L);
            fwd.state = switch (fwd.state) {
                case CLOSE_WAIT -> TcpState.LAST_ACK;
                case ESTABLISHED, SYN_RECEIVED, SYN_SENT -> TcpState.FIN_WAIT_1;
                default -> fwd.state;
            };
            rev.state = switch (rev.state) {
                case ESTABLISHED, SYN_RECEIVED -> TcpState.CLOSE_WAIT;
                case FIN_WAIT_1 -> TcpState.CLOSING;
                case FIN_WAIT_2 -> TcpState.TIME_WAIT;
                default -> rev.state;
            };
        }
    }

    private Side sideOf(FlowState flow) {
        return flow == clientFlow() ? Side.CLIENT : Side.SERVER;
    }

    /** The client flow: from the handshake, else the side with the higher port, else flow a. */
    FlowState clientFlow() {
        if (client != null) {
            return client;
        }
        if (a.endpoint.port() != b.endpoint.port()) {
            return a.endpoint.port() > b.endpoint.port() ? a : b;
        }
        return a;
    }

    /** True once both sides are closed, reset or in TIME_WAIT. */
    boolean ended() {
        return isEnded(a.state) && isEnded(b.state);
    }

    private static boolean isEnded(TcpState state) {
        return state == TcpState.RESET || state == TcpState.CLOSED || state == TcpState.TIME_WAIT;
    }

    Flow snapshot() {
        FlowState clientFlow = clientFlow();
        FlowState serverFlow = clientFlow == a ? b : a;
        Optional<Side> openedBy = client != null && client.synFrame != 0
                ? Optional.of(Side.CLIENT) : Optional.empty();
        return new Flow(stream, side(clientFlow), side(serverFlow), client != null,
                openedBy, Optional.ofNullable(firstClose), firstFrame, lastFrame, firstNanos,
                lastNanos, tsFirstRtt == 0 ? OptionalLong.empty() : OptionalLong.of(tsFirstRtt),
                reusedPorts);
    }

    private static FlowSide side(FlowState flow) {
        Map<AnalysisFlag, Long> counts = new EnumMap<>(AnalysisFlag.class);
        for (AnalysisFlag flag : AnalysisFlag.values()) {
            if (flow.flagCounts[flag.ordinal()] != 0) {
                counts.put(flag, flow.flagCounts[flag.ordinal()]);
            }
        }
        return new FlowSide(flow.endpoint, flow.state, flow.frames, flow.payloadBytes,
                Optional.ofNullable(flow.handshake), flow.synFrame, flow.finFrame, flow.rstFrame,
                Map.copyOf(counts));
    }
}

package io.sockscope.shell.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Closing;
import io.sockscope.inspector.flow.Flow;
import io.sockscope.inspector.flow.FlowSide;
import io.sockscope.inspector.flow.Side;
import java.io.IOException;

/**
 * Writes a connection's summary as the JSON line {@code {"type":"flow",...}}: who the client
 * and server are, who opened and who closed it and how, bytes, frames and retransmissions each
 * way, times, and each side's final state as the wire shows it. docs/JSON.md describes every
 * field.
 */
public final class FlowJson {

    private FlowJson() {
    }

    /** Writes one flow line, with its newline. */
    public static void write(JsonGenerator g, Flow flow) throws IOException {
        FlowSide client = flow.client();
        FlowSide server = flow.server();
        g.writeStartObject();
        g.writeStringField("type", "flow");
        g.writeNumberField("stream", flow.stream());
        g.writeStringField("client", client.endpoint().toString());
        g.writeStringField("server", server.endpoint().toString());
        g.writeBooleanField("roles_from_handshake", flow.rolesFromHandshake());
        g.writeFieldName("opened_by");
        writeSide(g, flow, flow.openedBy().orElse(null));
        g.writeFieldName("closed_by");
        writeSide(g, flow, flow.firstClose().map(Closing::by).orElse(null));
        g.writeFieldName("how");
        if (flow.firstClose().isPresent()) {
            g.writeString(flow.firstClose().get().reset() ? "rst" : "fin");
        } else {
            g.writeNull();
        }
        g.writeFieldName("reset_by");
        writeSide(g, flow, server.rstFrame() != 0 && (client.rstFrame() == 0
                || server.rstFrame() < client.rstFrame()) ? Side.SERVER
                : client.rstFrame() != 0 ? Side.CLIENT : null);
        g.writeNumberField("bytes_to_server", client.payloadBytes());
        g.writeNumberField("bytes_to_client", server.payloadBytes());
        g.writeNumberField("frames_to_server", client.frames());
        g.writeNumberField("frames_to_client", server.frames());
        g.writeNumberField("retransmissions", flow.retransmissions());
        g.writeNumberField("retransmissions_to_server", client.retransmissions());
        g.writeNumberField("retransmissions_to_client", server.retransmissions());
        g.writeNumberField("first_frame", flow.firstFrame());
        g.writeNumberField("last_frame", flow.lastFrame());
        g.writeNumberField("start_us", Math.floorDiv(flow.firstNanos(), 1000L));
        g.writeNumberField("end_us", Math.floorDiv(flow.lastNanos(), 1000L));
        g.writeFieldName("irtt_us");
        if (flow.initialRttNanos().isPresent()) {
            g.writeNumber(flow.initialRttNanos().getAsLong() / 1000);
        } else {
            g.writeNull();
        }
        g.writeStringField("client_state", client.state().name());
        g.writeStringField("server_state", server.state().name());
        g.writeBooleanField("reused_ports", flow.reusedPorts());
        g.writeFieldName("zero_windows");
        g.writeNumber(client.count(AnalysisFlag.ZERO_WINDOW) + server.count(
                AnalysisFlag.ZERO_WINDOW));
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void writeSide(JsonGenerator g, Flow flow, Side side) throws IOException {
        if (side == null) {
            g.writeNull();
        } else {
            g.writeString(flow.side(side).endpoint().toString());
        }
    }
}

package io.sockscope.shell.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.inspector.capture.CaptureInterface;
import java.io.IOException;

/**
 * The records of {@code sockscope capture --json} besides segments, explanations and flows: the
 * closing {@code capture} record (SPEC §5), the one written when capture cannot run, and the
 * {@code interface} records of {@code --list}. docs/JSON.md describes every field.
 */
public final class CaptureJson {

    private CaptureJson() {
    }

    /**
     * {@code {"type":"capture","iface":"lo","status":"ok","received":12,"dropped":0,...}}: SPEC
     * §5's fields first ({@code reason} only when a failure stopped it), then what was explained
     * and written, and what ended it.
     */
    public static void write(JsonGenerator g, CaptureTally tally) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "capture");
        g.writeStringField("iface", tally.iface());
        g.writeStringField("status", tally.status());
        if (tally.failure().isPresent()) {
            g.writeStringField("reason", tally.failure().get());
        }
        g.writeNumberField("received", tally.received());
        g.writeNumberField("dropped", tally.dropped());
        g.writeStringField("filter", tally.filter());
        g.writeNumberField("frames", tally.frames());
        g.writeNumberField("segments", tally.segments());
        g.writeNumberField("connections", tally.connections());
        g.writeFieldName("written");
        if (tally.written().isPresent()) {
            g.writeNumber(tally.written().getAsLong());
        } else {
            g.writeNull();
        }
        g.writeStringField("ended_by", tally.endedBy());
        g.writeNumberField("start_us", Math.floorDiv(tally.startNanos(), 1000L));
        g.writeNumberField("end_us", Math.floorDiv(tally.endNanos(), 1000L));
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /** {@code {"type":"capture","status":"unavailable","reason":"..."}} (SPEC §5). */
    public static void unavailable(JsonGenerator g, String reason) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "capture");
        g.writeStringField("status", "unavailable");
        g.writeStringField("reason", reason);
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /**
     * {@code {"type":"interface","name":"lo","description":null,"flags":["Up","Running",
     * "Loopback"],"addresses":["127.0.0.1/8","::1/128"],"default":false}}.
     */
    public static void write(JsonGenerator g, CaptureInterface nic, boolean isDefault)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "interface");
        g.writeStringField("name", nic.name());
        g.writeFieldName("description");
        if (nic.description().isPresent()) {
            g.writeString(nic.description().get());
        } else {
            g.writeNull();
        }
        g.writeArrayFieldStart("flags");
        if (nic.up()) {
            g.writeString("Up");
        }
        if (nic.running()) {
            g.writeString("Running");
        }
        if (nic.loopback()) {
            g.writeString("Loopback");
        }
        g.writeEndArray();
        g.writeArrayFieldStart("addresses");
        for (CaptureInterface.Address address : nic.addresses()) {
            g.writeString(address.toString());
        }
        g.writeEndArray();
        g.writeBooleanField("default", isDefault);
        g.writeEndObject();
        g.writeRaw('\n');
    }
}

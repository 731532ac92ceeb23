package io.sockscope.shell.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sockscope.inspector.decode.TcpFlags;
import io.sockscope.inspector.flow.AnalysisFlag;
import io.sockscope.inspector.flow.Endpoint;
import io.sockscope.inspector.flow.Segment;
import io.sockscope.inspector.flow.TcpOptions;
import io.sockscope.inspector.flow.TcpdumpLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes a segment as the SPEC §5 JSON line {@code {"type":"segment",...}}: every field in the
 * order the spec lists them, numbers as tshark shows them ({@code ack} 0 without ACK, {@code win}
 * the scaled window), {@code options} and {@code analysis} by name, {@code line} the tcpdump text.
 *
 * <p>A million segments a second go through here. Every value of a segment record is a number,
 * a name from a fixed set, an endpoint or the tcpdump line — ASCII text that JSON never needs to
 * escape — so the record is composed as bytes in one reused buffer (digits written in place,
 * names and endpoint texts pre-quoted) and written straight to the output, after flushing the
 * {@link JsonGenerator} that writes the other records to the same stream. Texts are checked: a
 * character JSON would escape (which the tcpdump line cannot produce, but an option name might)
 * sends the whole record through the generator's typed writers instead. An instance is used by
 * one thread; {@link #lineBytes} may run on another.
 */
public final class SegmentJson {

    private static final byte[] START = ascii("{\"type\":\"segment\",\"frame\":");
    private static final byte[] CALL = ascii(",\"call\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] TS_US = ascii(",\"ts_us\":");
    private static final byte[] SRC = ascii(",\"src\":");
    private static final byte[] DST = ascii(",\"dst\":");
    private static final byte[] STREAM = ascii(",\"stream\":");
    private static final byte[] FLAGS = ascii(",\"flags\":[");
    private static final byte[] SEQ = ascii("],\"seq\":");
    private static final byte[] ACK = ascii(",\"ack\":");
    private static final byte[] LEN = ascii(",\"len\":");
    private static final byte[] WIN = ascii(",\"win\":");
    private static final byte[] OPTIONS = ascii(",\"options\":[");
    private static final byte[] ANALYSIS = ascii("],\"analysis\":[");
    private static final byte[] LINE = ascii("],\"line\":\"");
    private static final byte[] END = ascii("\"}\n");
    private static final byte[] LINUX_OPTIONS = ascii("\"nop\",\"nop\",\"TS\"");
    private static final byte[] TO = ascii(" > ");
    private static final byte[] TCPDUMP_FLAGS = ascii(": Flags [");
    private static final byte[] NONE = ascii("none");
    private static final byte[] TCPDUMP_SEQ = ascii(", seq ");
    private static final byte[] TCPDUMP_ACK = ascii(", ack ");
    private static final byte[] TCPDUMP_WIN = ascii(", win ");
    private static final byte[] TCPDUMP_URG = ascii(", urg ");
    private static final byte[] TCPDUMP_TIMESTAMPS = ascii(", options [nop,nop,TS val ");
    private static final byte[] TCPDUMP_ECHO = ascii(" ecr ");
    private static final byte[] TCPDUMP_LENGTH = ascii(", length ");
    /** tcpdump's letters for the bits of {@link #FLAG_BITS}. */
    private static final byte[] FLAG_LETTERS = ascii("FSRP.UEW");

    private static final int[] FLAG_BITS = {TcpFlags.FIN, TcpFlags.SYN, TcpFlags.RST,
        TcpFlags.PSH, TcpFlags.ACK, TcpFlags.URG, TcpFlags.ECE, TcpFlags.CWR};
    private static final byte[][] FLAG_NAMES = quoted("FIN", "SYN", "RST", "PSH", "ACK", "URG",
            "ECE", "CWR");
    private static final byte[][] ANALYSIS_NAMES = analysisNames();
    private static final int ENDPOINT_CACHE_LIMIT = 4096;
    /** "00" to "99": two digits per division when writing numbers. */
    private static final byte[] PAIRS = pairs();
    /** 10 to the power of the index: how many digits a number has. */
    private static final long[] POWERS = powers();

    /**
     * An endpoint's texts as a record writes them: quoted for {@code src}/{@code dst}, and as
     * the tcpdump line has it (null if JSON would have to escape a character of it).
     */
    private record Texts(byte[] json, byte[] tcpdump) {
    }

    private final Map<Endpoint, Texts> endpoints = new HashMap<>();
    /** The last endpoints seen and their texts: a segment's endpoints are usually among them. */
    private final Endpoint[] recent = new Endpoint[16];
    private final Texts[] recentText = new Texts[16];
    /** The two endpoints asked for last (a segment's source and destination) and their texts. */
    private Endpoint lastEndpoint;
    private Texts lastText;
    private Endpoint otherEndpoint;
    private Texts otherText;
    private int recentNext;
    private final StringBuilder line = new StringBuilder(256);
    private byte[] buffer = new byte[1024];
    private long lastSeconds = Long.MIN_VALUE;
    private byte[] secondsDigits = new byte[0];
    private int length;

    private static long[] powers() {
        long[] powers = new long[19];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }

    private static byte[] pairs() {
        byte[] pairs = new byte[200];
        for (int i = 0; i < 100; i++) {
            pairs[2 * i] = (byte) ('0' + i / 10);
            pairs[2 * i + 1] = (byte) ('0' + i % 10);
        }
        return pairs;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] quoted(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = ascii("\"" + names[i] + "\"");
        }
        return out;
    }

    private static byte[][] analysisNames() {
        AnalysisFlag[] flags = AnalysisFlag.values();
        String[] names = new String[flags.length];
        for (int i = 0; i < flags.length; i++) {
            names[i] = flags[i].tsharkName();
        }
        return quoted(names);
    }

    /**
     * The segment's tcpdump line ({@link TcpdumpLine}) as the bytes a JSON string holds without
     * escaping, or null when it has a character JSON would escape. Separate from {@link #write}
     * so that a caller can build lines on one thread and write records on another; {@code
     * scratch} is the caller's reused buffer.
     */
    public static byte[] lineBytes(StringBuilder scratch, Segment s) {
        scratch.setLength(0);
        TcpdumpLine.appendTo(scratch, s);
        byte[] bytes = scratch.toString().getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : bytes) {
            if (b < 0x20 || b == '"' || b == '\\' || b == 0x7F) {
                return null;
            }
        }
        return bytes;
    }

    /**
     * Writes one segment line (with its newline) to {@code out}, the stream under {@code g};
     * {@code call} is the call that caused it, if known.
     */
    public void write(JsonGenerator g, OutputStream out, Segment s, OptionalLong call)
            throws IOException {
        TcpOptions options = s.options();
        if (options.isEmpty() || options.isNopNopTimestamps()) {
            Texts source = endpoint(s.source());
            Texts destination = endpoint(s.destination());
            if (source.tcpdump != null && destination.tcpdump != null) {
                ensure(1024);
                length = 0;
                fields(s, call);
                line(s, source.tcpdump, destination.tcpdump);
                end(g, out);
                return;
            }
        }
        write(g, out, s, call, lineBytes(line, s));
    }

    /**
     * As {@link #write(JsonGenerator, OutputStream, Segment, OptionalLong)}, with the line already
     * made by {@link #lineBytes} ({@code null}: it needs escaping, and the generator writes the
     * record).
     */
    public void write(JsonGenerator g, OutputStream out, Segment s, OptionalLong call,
            byte[] lineBytes) throws IOException {
        if (lineBytes == null) {
            writeSlowly(g, s, call);
            return;
        }
        ensure(lineBytes.length + 512);
        length = 0;
        if (!fields(s, call)) {
            writeSlowly(g, s, call);
            return;
        }
        put(lineBytes);
        end(g, out);
    }

    /**
     * Every field up to the opening quote of {@code line}; false when an option name needs
     * escaping (the record then goes through the generator).
     */
    private boolean fields(Segment s, OptionalLong call) {
        put(START);
        number(s.frame());
        put(CALL);
        if (call.isPresent()) {
            number(call.getAsLong());
        } else {
            put(NULL);
        }
        put(TS_US);
        timestamp(s.atMicros());
        put(SRC);
        put(endpoint(s.source()).json);
        put(DST);
        put(endpoint(s.destination()).json);
        put(STREAM);
        number(s.stream());
        put(FLAGS);
        int flags = s.flags();
        boolean first = true;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                if (!first) {
                    buffer[length++] = ',';
                }
                put(FLAG_NAMES[i]);
                first = false;
            }
        }
        put(SEQ);
        number(s.seq());
        put(ACK);
        number((flags & TcpFlags.ACK) != 0 ? s.ack() : 0);
        put(LEN);
        number(s.length());
        put(WIN);
        number(s.calculatedWindow());
        put(OPTIONS);
        if (!options(s.options())) {
            return false;
        }
        put(ANALYSIS);
        first = true;
        for (int bits = s.analysis(); bits != 0; bits &= bits - 1) {
            if (!first) {
                buffer[length++] = ',';
            }
            put(ANALYSIS_NAMES[Integer.numberOfTrailingZeros(bits)]);
            first = false;
        }
        put(LINE);
        return true;
    }

    /**
     * {@link TcpdumpLine}'s text of a segment without options or with Linux's NOP, NOP,
     * Timestamps, written as bytes in place (the same characters, without a String between).
     */
    private void line(Segment s, byte[] source, byte[] destination) {
        put(source);
        put(TO);
        put(destination);
        put(TCPDUMP_FLAGS);
        int flags = s.flags();
        int before = length;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                buffer[length++] = FLAG_LETTERS[i];
            }
        }
        if (length == before) {
            put(NONE);
        }
        buffer[length++] = ']';
        int payload = s.length();
        if (payload > 0 || (flags & (TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST)) != 0) {
            put(TCPDUMP_SEQ);
            number(s.seq());
            if (payload > 0) {
                buffer[length++] = ':';
                number((s.seq() + payload) & 0xFFFFFFFFL);
            }
        }
        if ((flags & TcpFlags.ACK) != 0) {
            put(TCPDUMP_ACK);
            number(s.ack());
        }
        put(TCPDUMP_WIN);
        number(s.window());
        if ((flags & TcpFlags.URG) != 0) {
            put(TCPDUMP_URG);
            number(s.urgentPointer());
        }
        TcpOptions options = s.options();
        if (!options.isEmpty()) {
            put(TCPDUMP_TIMESTAMPS);
            number(options.u32(4));
            put(TCPDUMP_ECHO);
            number(options.u32(8));
            buffer[length++] = ']';
        }
        put(TCPDUMP_LENGTH);
        number(payload);
    }

    /** Closes the record and writes it after whatever the generator holds. */
    private void end(JsonGenerator g, OutputStream out) throws IOException {
        put(END);
        g.flush();
        out.write(buffer, 0, length);
    }

    /** The options, unless a name needs escaping (then false). */
    private boolean options(TcpOptions options) {
        if (options.isEmpty()) {
            return true;
        }
        if (options.isNopNopTimestamps()) {
            put(LINUX_OPTIONS);
            return true;
        }
        boolean first = true;
        for (String name : options.summary()) {
            ensure(length + name.length() + 4);
            if (!first) {
                buffer[length++] = ',';
            }
            buffer[length++] = '"';
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\' || c > 0x7E) {
                    return false;
                }
                buffer[length++] = (byte) c;
            }
            buffer[length++] = '"';
            first = false;
        }
        return true;
    }

    /** The same record through the generator's typed writers, which escape whatever needs it. */
    private void writeSlowly(JsonGenerator g, Segment s, OptionalLong call) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "segment");
        g.writeNumberField("frame", s.frame());
        g.writeFieldName("call");
        if (call.isPresent()) {
            g.writeNumber(call.getAsLong());
        } else {
            g.writeNull();
        }
        g.writeNumberField("ts_us", s.atMicros());
        g.writeStringField("src", s.source().toString());
        g.writeStringField("dst", s.destination().toString());
        g.writeNumberField("stream", s.stream());
        g.writeArrayFieldStart("flags");
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if (s.has(FLAG_BITS[i])) {
                g.writeString(new String(FLAG_NAMES[i], 1, FLAG_NAMES[i].length - 2,
                        StandardCharsets.US_ASCII));
            }
        }
        g.writeEndArray();
        g.writeNumberField("seq", s.seq());
        g.writeNumberField("ack", s.has(TcpFlags.ACK) ? s.ack() : 0);
        g.writeNumberField("len", s.length());
        g.writeNumberField("win", s.calculatedWindow());
        g.writeArrayFieldStart("options");
        for (String name : s.options().summary()) {
            g.writeString(name);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("analysis");
        for (String name : s.analysisNames()) {
            g.writeString(name);
        }
        g.writeEndArray();
        line.setLength(0);
        TcpdumpLine.appendTo(line, s);
        g.writeStringField("line", line.toString());
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private void put(byte[] chars) {
        System.arraycopy(chars, 0, buffer, length, chars.length);
        length += chars.length;
    }

    /**
     * A timestamp in µs: consecutive segments share their seconds, so the digits of the seconds
     * are kept and only the six digits of the microseconds are written anew.
     */
    private void timestamp(long micros) {
        if (micros < 1_000_000) {
            number(micros);
            return;
        }
        long seconds = micros / 1_000_000;
        if (seconds != lastSeconds) {
            int start = length;
            number(seconds);
            secondsDigits = Arrays.copyOfRange(buffer, start, length);
            lastSeconds = seconds;
            length = start;
        }
        put(secondsDigits);
        int rest = (int) (micros - seconds * 1_000_000);
        int high = rest / 10_000;
        int middle = rest / 100 % 100;
        int low = rest % 100;
        buffer[length++] = PAIRS[2 * high];
        buffer[length++] = PAIRS[2 * high + 1];
        buffer[length++] = PAIRS[2 * middle];
        buffer[length++] = PAIRS[2 * middle + 1];
        buffer[length++] = PAIRS[2 * low];
        buffer[length++] = PAIRS[2 * low + 1];
    }

    /** Decimal digits of a number written in place, two at a time. */
    private void number(long value) {
        if (value < 0) {
            buffer[length++] = '-';
            value = -value;
        }
        if (value <= Integer.MAX_VALUE) {
            if (value < 0) {
                // Long.MIN_VALUE has no positive counterpart
                buffer[length++] = (byte) ('0' + value);
                return;
            }
            number((int) value);
            return;
        }
        int digits = 10;
        while (digits < POWERS.length && value >= POWERS[digits]) {
            digits++;
        }
        int at = length + digits;
        while (value >= 100) {
            int pair = (int) (value % 100) * 2;
            value /= 100;
            buffer[--at] = PAIRS[pair + 1];
            buffer[--at] = PAIRS[pair];
        }
        if (value >= 10) {
            int pair = (int) value * 2;
            buffer[--at] = PAIRS[pair + 1];
            buffer[--at] = PAIRS[pair];
        } else {
            buffer[--at] = (byte) ('0' + value);
        }
        length += digits;
    }

    /**
     * The common case: a number from 0 to {@link Integer#MAX_VALUE} (frame numbers, relative
     * sequence numbers, lengths, windows), in int arithmetic.
     */
    private void number(int value) {
        if (value < 10) {
            buffer[length++] = (byte) ('0' + value);
            return;
        }
        int at = length + digits(value);
        length = at;
        while (value >= 100) {
            int quotient = value / 100;
            int pair = (value - quotient * 100) * 2;
            value = quotient;
            buffer[--at] = PAIRS[pair + 1];
            buffer[--at] = PAIRS[pair];
        }
        if (value >= 10) {
            buffer[--at] = PAIRS[value * 2 + 1];
            buffer[--at] = PAIRS[value * 2];
        } else {
            buffer[--at] = (byte) ('0' + value);
        }
    }

    /** How many decimal digits a non-negative int has. */
    private static int digits(int value) {
        if (value < 100_000) {
            if (value < 100) {
                return value < 10 ? 1 : 2;
            }
            return value < 1_000 ? 3 : value < 10_000 ? 4 : 5;
        }
        if (value < 10_000_000) {
            return value < 1_000_000 ? 6 : 7;
        }
        return value < 100_000_000 ? 8 : value < 1_000_000_000 ? 9 : 10;
    }

    private static boolean needsNoEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int capacity) {
        if (buffer.length < capacity) {
            byte[] bigger = new byte[Math.max(capacity, buffer.length * 2)];
            System.arraycopy(buffer, 0, bigger, 0, length);
            buffer = bigger;
        }
    }

    private Texts endpoint(Endpoint endpoint) {
        if (endpoint == lastEndpoint) {
            return lastText;
        }
        if (endpoint == otherEndpoint) {
            Endpoint swapped = lastEndpoint;
            Texts swappedText = lastText;
            lastEndpoint = otherEndpoint;
            lastText = otherText;
            otherEndpoint = swapped;
            otherText = swappedText;
            return lastText;
        }
        otherEndpoint = lastEndpoint;
        otherText = lastText;
        lastEndpoint = endpoint;
        lastText = lookUp(endpoint);
        return lastText;
    }

    private Texts lookUp(Endpoint endpoint) {
        for (int i = 0; i < recent.length; i++) {
            if (recent[i] == endpoint) {
                return recentText[i];
            }
        }
        Texts text = endpoints.get(endpoint);
        if (text == null) {
            if (endpoints.size() >= ENDPOINT_CACHE_LIMIT) {
                endpoints.clear();
            }
            String tcpdump = endpoint.tcpdumpText();
            text = new Texts(ascii("\"" + endpoint + "\""), needsNoEscape(tcpdump)
                    ? ascii(tcpdump) : null);
            endpoints.put(endpoint, text);
        }
        recent[recentNext] = endpoint;
        recentText[recentNext] = text;
        recentNext = (recentNext + 1) % recent.length;
        return text;
    }
}

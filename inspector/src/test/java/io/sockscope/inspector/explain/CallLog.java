package io.sockscope.inspector.explain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus scenario's call log ({@code corpus/NAME.json}): each socket call the scenario's
 * program made, timed before and after with the capture's clock, with the frames its bytes
 * went out in where the generator worked that out.
 */
record CallLog(List<Call> calls) {

    /** One call: socket name, call name, times in seconds, ports, errno name, frames of its bytes. */
    record Call(String sock, String call, double before, double after, int localPort,
            String errno, List<Long> frames) {

        /** True when {@code atNanos} lies within the call, give or take {@code slackMicros}. */
        boolean spans(long atNanos, long slackMicros) {
            double t = atNanos / 1e9;
            double slack = slackMicros / 1e6;
            return t >= before - slack && t <= after + slack;
        }
    }

    static CallLog of(String scenario) {
        Map<?, ?> root = (Map<?, ?>) read(CorpusExplanations.file(scenario + ".json"));
        List<Call> calls = new ArrayList<>();
        for (Object item : (List<?>) root.get("calls")) {
            Map<?, ?> call = (Map<?, ?>) item;
            if (call.get("sock") == null) {
                continue;
            }
            Map<?, ?> error = (Map<?, ?>) call.get("error");
            Map<?, ?> wire = (Map<?, ?>) call.get("wire");
            List<Long> frames = new ArrayList<>();
            if (wire != null && wire.get("frames") instanceof List<?> list) {
                list.forEach(f -> frames.add(((Number) f).longValue()));
            }
            String laddr = (String) call.get("laddr");
            int port = laddr == null ? -1 : Integer.parseInt(laddr.substring(laddr.lastIndexOf(':')
                    + 1));
            calls.add(new Call((String) call.get("sock"), (String) call.get("call"),
                    ((Number) call.get("t_before")).doubleValue(),
                    ((Number) call.get("t_after")).doubleValue(), port,
                    error == null ? null : (String) error.get("errno_name"), List.copyOf(frames)));
        }
        return new CallLog(List.copyOf(calls));
    }

    List<Call> named(String call) {
        return calls.stream().filter(c -> c.call().equals(call)).toList();
    }

    private static Object read(Path file) {
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            parser.nextToken();
            return value(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}

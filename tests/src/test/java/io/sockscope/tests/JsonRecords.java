package io.sockscope.tests;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The JSON lines of a run as maps, lists, strings, longs, doubles, booleans and nulls. */
final class JsonRecords {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final List<Map<String, Object>> records;

  private JsonRecords(List<Map<String, Object>> records) {
    this.records = records;
  }

  static JsonRecords parse(String lines) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (String line : lines.lines().toList()) {
      try (JsonParser p = FACTORY.createParser(line)) {
        p.nextToken();
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) value(p);
        records.add(record);
      } catch (IOException e) {
        throw new UncheckedIOException("not a JSON line: " + line, e);
      }
    }
    return new JsonRecords(records);
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    return switch (t) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, value(p));
        }
        yield map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p));
        }
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + t);
    };
  }

  List<Map<String, Object>> all() {
    return records;
  }

  List<Map<String, Object>> ofType(String type) {
    return where(r -> type.equals(r.get("type")));
  }

  List<Map<String, Object>> where(Predicate<Map<String, Object>> test) {
    return records.stream().filter(test).toList();
  }

  /** Call records of {@code op} on socket {@code socket}, in order. */
  List<Map<String, Object>> calls(String socket, String op) {
    return where(r -> "call".equals(r.get("type")) && socket.equals(r.get("socket"))
        && op.equals(r.get("op")));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}

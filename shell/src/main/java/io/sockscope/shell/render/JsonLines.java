package io.sockscope.shell.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON lines: one object per line, built with Jackson's streaming generator, each line
 * written whole so records from several threads never mix.
 */
public final class JsonLines {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final PrintStream out;

  public JsonLines(PrintStream out) {
    this.out = out;
  }

  /** Builds one object with {@code body} and writes it as a line. */
  public synchronized void write(ObjectBody body) {
    out.println(object(body));
    out.flush();
  }

  /** Writes {@code line}, one JSON object made elsewhere, as a line. */
  public synchronized void writeLine(String line) {
    out.println(line);
    out.flush();
  }

  /** The object {@code body} writes, as one line of JSON without the line end. */
  public static String object(ObjectBody body) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a JSON line", e);
    }
    return text.toString();
  }

  /** Writes the fields of one object. */
  @FunctionalInterface
  public interface ObjectBody {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Writes a JSON-able Java value: null, String, Number, Boolean, a List or a Map with String
   * keys of such values (as the engine's call arguments are).
   */
  public static void value(JsonGenerator g, Object v) throws IOException {
    switch (v) {
      case null -> g.writeNull();
      case String s -> g.writeString(s);
      case Integer i -> g.writeNumber(i);
      case Long l -> g.writeNumber(l);
      case Double d -> g.writeNumber(d);
      case Number n -> g.writeNumber(n.toString());
      case Boolean b -> g.writeBoolean(b);
      case List<?> list -> {
        g.writeStartArray();
        for (Object item : list) {
          value(g, item);
        }
        g.writeEndArray();
      }
      case Map<?, ?> map -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          g.writeFieldName(String.valueOf(e.getKey()));
          value(g, e.getValue());
        }
        g.writeEndObject();
      }
      default -> g.writeString(v.toString());
    }
  }
}

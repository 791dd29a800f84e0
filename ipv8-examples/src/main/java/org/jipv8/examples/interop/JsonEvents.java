package org.jipv8.examples.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes one JSON object per line (the interop node's machine-readable output). Thread-safe. */
public final class JsonEvents {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final PrintStream out;

  public JsonEvents(PrintStream out) {
    this.out = out;
  }

  /** Writes {@code {"event": name, ...fields}} and flushes. */
  public void emit(String name, Map<String, ?> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", name);
    line.putAll(fields);
    String text;
    try {
      text = MAPPER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write event " + name, e);
    }
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }
}

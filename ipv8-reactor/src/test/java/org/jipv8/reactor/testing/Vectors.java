package org.jipv8.reactor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Loads the py-ipv8 3.1 vectors from the test classpath; a missing file fails, never skips. */
public final class Vectors {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Vectors() {}

  /** The parsed JSON of {@code /vectors/py-ipv8-3.1/<fileName>}. */
  public static JsonNode load(String fileName) {
    String resource = "/vectors/py-ipv8-3.1/" + fileName;
    try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("vector file missing from the test classpath: " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Hex to bytes. */
  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  /** Hex of a JSON text node. */
  public static byte[] hex(JsonNode node) {
    return hex(node.asText());
  }
}

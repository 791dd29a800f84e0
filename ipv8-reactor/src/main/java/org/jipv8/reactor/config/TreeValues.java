package org.jipv8.reactor.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jipv8.api.config.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The typed values of a configuration tree, read with errors that name the entry's path and what
 * was found instead: the leaf readers of {@link TreeReader}. Stateless.
 */
final class TreeValues {
  private TreeValues() {}

  static String string(JsonNode node, String path) {
    if (!node.isTextual()) {
      throw wrongType(node, path, "a string", "");
    }
    return node.textValue();
  }

  static int integer(JsonNode node, String path, String expected) {
    if (!node.isIntegralNumber()) {
      throw wrongType(node, path, expected, "");
    }
    if (!node.canConvertToInt()) {
      throw new ConfigurationException(
          path, "integer " + node.asText() + " is out of range", "use " + expected);
    }
    return node.intValue();
  }

  static double number(JsonNode node, String path, String expected) {
    if (!node.isNumber()) {
      throw wrongType(node, path, expected, "");
    }
    return node.doubleValue();
  }

  static Map<String, Object> freeMap(JsonNode node, String path) {
    if (!node.isObject()) {
      throw wrongType(node, path, "a map of keyword arguments", "");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(e.getKey(), free(e.getValue(), child(path, e.getKey())));
    }
    return out;
  }

  /** A JSON value as plain Java; the records normalise it further. */
  static @Nullable Object free(JsonNode node, String path) {
    switch (node.getNodeType()) {
      case NULL:
        return null;
      case BOOLEAN:
        return node.booleanValue();
      case STRING:
        return node.textValue();
      case NUMBER:
        if (node.isIntegralNumber()) {
          return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        return node.doubleValue();
      case ARRAY:
        List<Object> list = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
          list.add(free(node.get(i), path + "[" + i + "]"));
        }
        return list;
      case OBJECT:
        return freeMap(node, path);
      default:
        throw wrongType(node, path, "a string, number, boolean, null, list or map", "");
    }
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static ConfigurationException wrongType(JsonNode node, String path, String expected, String fix) {
    return new ConfigurationException(
        path,
        "expected " + expected + ", found " + describe(node),
        fix.isEmpty() ? "use " + expected : fix);
  }

  static String describe(JsonNode node) {
    switch (node.getNodeType()) {
      case NULL:
        return "null";
      case BOOLEAN:
        return "the boolean " + node.booleanValue();
      case STRING:
        String text = node.textValue();
        return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
      case NUMBER:
        return (node.isIntegralNumber() ? "the integer " : "the number ") + node.asText();
      case ARRAY:
        return "a list";
      case OBJECT:
        return "a map";
      default:
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
    }
  }
}

package org.jipv8.reactor.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jipv8.api.config.BootstrapperConfig;
import org.jipv8.api.config.InterfaceConfig;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.KeyConfig;
import org.jipv8.api.config.OverlayConfig;
import org.jipv8.api.config.WalkerConfig;

/**
 * Turns an {@link Ipv8Configuration} into a tree with py-ipv8's key names, in the order py-ipv8's
 * own dictionaries list them, so that a written file reads like py-ipv8's.
 */
final class TreeWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TreeWriter() {}

  static ObjectNode write(Ipv8Configuration cfg) {
    ObjectNode root = NODES.objectNode();
    ArrayNode interfaces = root.putArray("interfaces");
    for (InterfaceConfig i : cfg.interfaces()) {
      ObjectNode n = interfaces.addObject();
      n.put("interface", i.interfaceName());
      n.put("ip", i.ip());
      n.put("port", i.port());
      if (i.portAttempts() != InterfaceConfig.DEFAULT_PORT_ATTEMPTS) {
        n.put(ConfigurationLoader.PORT_ATTEMPTS_KEY, i.portAttempts());
      }
    }
    ArrayNode keys = root.putArray("keys");
    for (KeyConfig k : cfg.keys()) {
      ObjectNode n = keys.addObject();
      n.put("alias", k.alias());
      if (k.generation() != null) {
        n.put("generation", k.generation().configName());
      }
      if (k.bin() != null) {
        n.put("bin", k.bin());
      }
      n.put("file", k.file());
    }
    root.putObject("logger").put("level", cfg.logger().level());
    root.put("working_directory", cfg.workingDirectory());
    root.put("walker_interval", cfg.walkerInterval());
    ArrayNode overlays = root.putArray("overlays");
    for (OverlayConfig o : cfg.overlays()) {
      ObjectNode n = overlays.addObject();
      n.put("class", o.className());
      n.put("key", o.key());
      ArrayNode walkers = n.putArray("walkers");
      for (WalkerConfig w : o.walkers()) {
        ObjectNode wn = walkers.addObject();
        wn.put("strategy", w.strategy());
        wn.put("peers", w.peers());
        wn.set("init", value(w.init()));
      }
      ArrayNode bootstrappers = n.putArray("bootstrappers");
      for (BootstrapperConfig b : o.bootstrappers()) {
        ObjectNode bn = bootstrappers.addObject();
        bn.put("class", b.className());
        bn.set("init", value(b.init()));
      }
      n.set("initialize", value(o.initialize()));
      n.set("on_start", value(o.onStart()));
    }
    return root;
  }

  /** A normalised configuration value (see the API's records) as a tree node. */
  private static JsonNode value(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (v instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (v instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (v instanceof Map<?, ?> map) {
      ObjectNode n = NODES.objectNode();
      map.forEach((k, item) -> n.set((String) k, value(item)));
      return n;
    }
    if (v instanceof List<?> list) {
      ArrayNode n = NODES.arrayNode();
      list.forEach(item -> n.add(value(item)));
      return n;
    }
    // The records only hold the types above.
    throw new IllegalStateException("unexpected configuration value type " + v.getClass());
  }
}

package org.jipv8.reactor.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.ConfigurationValidator;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.NameRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@link Ipv8Configuration} as JSON or YAML, with py-ipv8's schema and key names:
 * a py-ipv8 configuration dictionary written out with {@code json.dumps} loads unchanged.
 *
 * <p>Reading forgives what it can and refuses the rest. A missing key takes its documented default
 * ({@link org.jipv8.api.config.ConfigKeys}: py-ipv8's defaults, except that missing overlays,
 * walkers and bootstrappers are empty lists); {@link #check} says which keys were defaulted. An
 * unknown key (anywhere, including the {@code init} of a built-in strategy or bootstrapper, and
 * {@code initialize} when a {@link NameRegistry} is given), a missing required key ({@code class},
 * {@code key}, {@code strategy}, {@code alias}), a value of the wrong type or out of range, a host
 * name in a bootstrapper's {@code ip_addresses}, a duplicate key in one map, and an overlay key
 * alias that {@code keys} does not define are problems. Every problem of a file is reported at
 * once: the {@link ConfigurationException} thrown lists them in {@link
 * ConfigurationException#problems()}, each with its path (for example {@code
 * overlays[1].walkers[0].peers}), what is accepted and the nearest known name.
 *
 * <p>The deprecated top-level {@code address} and {@code port} are read as one more UDPIPv4
 * interface (address default {@code 0.0.0.0}, port default 8090), with a warning.
 *
 * <p>jipv8 extension key: {@value #PORT_ATTEMPTS_KEY} in an interface (see {@link
 * org.jipv8.api.config.InterfaceConfig}); written only when it is not the default.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigurationLoader {

  /** The interface key of jipv8's bind-attempts extension. */
  public static final String PORT_ATTEMPTS_KEY = "jipv8_port_attempts";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .build();

  private ConfigurationLoader() {}

  /**
   * Reads a configuration file: JSON for {@code .json}, YAML for {@code .yaml} and {@code .yml},
   * otherwise decided by the content (JSON when it starts with a brace).
   *
   * @throws ConfigurationException when the file cannot be read or parsed, or is invalid
   */
  public static Ipv8Configuration load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(
          "",
          "cannot read configuration file " + file + " (" + e + ")",
          "check the path and its permissions",
          e);
    }
    return switch (formatOf(file)) {
      case "json" -> fromJson(text);
      case "yaml" -> fromYaml(text);
      default -> parse(text);
    };
  }

  /**
   * Reads a configuration file and reports everything found, without throwing for an invalid
   * configuration: every problem (names too, when {@code registry} is not null) and every key that
   * took its default.
   */
  public static ConfigurationCheck check(Path file, @Nullable NameRegistry registry) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return failed(
          new ConfigurationException(
              "",
              "cannot read configuration file " + file + " (" + e + ")",
              "check the path and its permissions",
              e));
    }
    String format = formatOf(file);
    if (format.isEmpty()) {
      format = withoutByteOrderMark(text).stripLeading().startsWith("{") ? "json" : "yaml";
    }
    return checkText(text, format.equals("json"), registry);
  }

  /** {@link #check(Path, NameRegistry)} for JSON ({@code json}) or YAML text. */
  public static ConfigurationCheck checkText(
      String text, boolean json, @Nullable NameRegistry registry) {
    JsonNode root;
    try {
      root = json ? tree(JSON, text, "JSON") : tree(YAML, text, "YAML");
    } catch (ConfigurationException e) {
      return failed(e);
    }
    ConfigurationCheck check = TreeReader.check(root);
    Ipv8Configuration cfg = check.configuration();
    if (registry == null) {
      return check;
    }
    if (cfg == null) {
      // Report unknown names with the other problems, not in a second round.
      List<ConfigurationException> all = new java.util.ArrayList<>(check.problems());
      all.addAll(TreeNames.problems(root, registry));
      return new ConfigurationCheck(null, all, check.defaulted());
    }
    List<ConfigurationException> names = ConfigurationValidator.problems(cfg, registry);
    return names.isEmpty() ? check : new ConfigurationCheck(null, names, check.defaulted());
  }

  private static ConfigurationCheck failed(ConfigurationException e) {
    return new ConfigurationCheck(null, e.problems(), List.of());
  }

  /**
   * Reads a configuration file and checks its names against {@code registry}.
   *
   * @throws ConfigurationException as {@link #load(Path)}, or for an unknown overlay, strategy or
   *     bootstrapper name or {@code initialize} key
   */
  public static Ipv8Configuration load(Path file, NameRegistry registry) {
    return check(file, registry).orThrow();
  }

  /** Reads JSON or YAML text, deciding by its first character (a brace means JSON). */
  public static Ipv8Configuration parse(String text) {
    return withoutByteOrderMark(text).stripLeading().startsWith("{")
        ? fromJson(text)
        : fromYaml(text);
  }

  /**
   * Reads JSON text.
   *
   * @throws ConfigurationException when the text is not JSON or the configuration is invalid
   */
  public static Ipv8Configuration fromJson(String json) {
    return fromTree(tree(JSON, json, "JSON"));
  }

  /**
   * Reads YAML text.
   *
   * @throws ConfigurationException when the text is not YAML or the configuration is invalid
   */
  public static Ipv8Configuration fromYaml(String yaml) {
    return fromTree(tree(YAML, yaml, "YAML"));
  }

  /**
   * Reads an already parsed tree (for example a part of a larger application file).
   *
   * @param root the configuration map; null or a missing node is an error (an empty configuration)
   * @throws ConfigurationException when the configuration is invalid
   */
  public static Ipv8Configuration fromTree(JsonNode root) {
    return TreeReader.read(root);
  }

  /** The configuration as a tree with py-ipv8's key names. */
  public static JsonNode toTree(Ipv8Configuration configuration) {
    return TreeWriter.write(configuration);
  }

  /** The configuration as indented JSON with py-ipv8's key names, ending with a newline. */
  public static String toJson(Ipv8Configuration configuration) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(configuration)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a configuration tree as JSON", e);
    }
  }

  /** The configuration as YAML with py-ipv8's key names. */
  public static String toYaml(Ipv8Configuration configuration) {
    try {
      return YAML.writeValueAsString(toTree(configuration));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a configuration tree as YAML", e);
    }
  }

  /**
   * Writes the configuration to {@code file}: YAML for {@code .yaml} and {@code .yml}, JSON
   * otherwise.
   *
   * @throws IOException when the file cannot be written
   */
  public static void save(Ipv8Configuration configuration, Path file) throws IOException {
    String text = formatOf(file).equals("yaml") ? toYaml(configuration) : toJson(configuration);
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String formatOf(Path file) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return "json";
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return "yaml";
    }
    return "";
  }

  /** Editors on Windows like to start UTF-8 files with a byte order mark; parsers do not. */
  private static String withoutByteOrderMark(String text) {
    String trimmed = text.stripLeading();
    return trimmed.startsWith("\uFEFF") ? trimmed.substring(1) : text;
  }

  private static JsonNode tree(ObjectMapper mapper, String text, String format) {
    try {
      return mapper.readTree(withoutByteOrderMark(text));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigurationException(
          "",
          "not valid " + format + where + ": " + e.getOriginalMessage(),
          "fix the " + format + " syntax",
          e);
    }
  }
}

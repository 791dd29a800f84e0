package org.jipv8.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jipv8.examples.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ipv8 bench} runs its two child JVMs briefly and reports every field of issue 10's JSON
 * document. Only presence and shape are checked, never a speed.
 */
class BenchCommandTest {
  // Every mode's fields in the JSON; a paced run adds cpu_per_message_vs_verify.
  private static final Set<String> MODE_FIELDS =
      Set.of(
          "offered_per_s",
          "handled_per_s",
          "drops",
          "cpu_s",
          "per_second",
          "cpu_per_second",
          "first_3_s_vs_warm",
          "first_3_cpu_s_vs_warm");

  private static final Set<String> LIMIT_FIELDS =
      Set.of("verify_per_s", "sign_per_s", "verify_first_3_s_vs_warm", "verify_engine_per_s");

  private final CliRun cli = new CliRun();

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  @Timeout(180)
  void jsonHasEveryFieldOfIssue10() throws Exception {
    assertEquals(
        0, cli.run("bench", "--seconds", "1", "--modes", "raw,unsigned", "--json"), cli.err());
    JsonNode doc = new ObjectMapper().readTree(cli.out());
    assertEquals(Set.of("modes", "limits"), names(doc));
    assertEquals(Set.of("raw", "unsigned"), names(doc.get("modes")));
    for (String mode : List.of("raw", "unsigned")) {
      JsonNode m = doc.get("modes").get(mode);
      assertEquals(MODE_FIELDS, names(m), mode);
      assertTrue(m.get("offered_per_s").isNumber(), mode);
      assertTrue(m.get("offered_per_s").asDouble() > 0, mode + ": the sender sent nothing");
      assertTrue(m.get("handled_per_s").isNumber(), mode);
      assertTrue(m.get("drops").isObject(), mode);
      m.get("drops").properties().forEach(e -> assertTrue(e.getValue().isNumber(), mode));
      assertEquals(Set.of("sender", "receiver"), names(m.get("cpu_s")), mode);
      assertTrue(m.get("cpu_s").get("sender").asDouble() > 0, mode + ": sender CPU read");
      assertTrue(m.get("cpu_s").get("receiver").asDouble() > 0, mode + ": receiver CPU read");
      assertTrue(m.get("per_second").isArray(), mode);
      assertTrue(m.get("per_second").size() >= 1, mode + ": at least one whole second sampled");
      assertEquals(m.get("per_second").size(), m.get("cpu_per_second").size(), mode);
      m.get("cpu_per_second").forEach(c -> assertTrue(c.isNumber(), mode));
      // The ratios are null when they cannot be computed: nothing handled in so short a window on
      // a busy machine, or fewer than 3 receiver CPU seconds sampled. WarmUp's test checks values.
      for (String ratio : List.of("first_3_s_vs_warm", "first_3_cpu_s_vs_warm")) {
        assertTrue(m.get(ratio).isNumber() || m.get(ratio).isNull(), mode + ": " + m);
      }
    }
    JsonNode limits = doc.get("limits");
    assertEquals(LIMIT_FIELDS, names(limits));
    assertTrue(limits.get("verify_per_s").asDouble() > 0);
    assertTrue(limits.get("sign_per_s").asDouble() > 0);
    // The limits child always checks signatures for its first 3 s, so this is never unknown.
    assertTrue(limits.get("verify_first_3_s_vs_warm").asDouble() > 0, limits.toString());
    assertTrue(limits.get("verify_engine_per_s").asDouble() > 0, limits.toString());
  }

  @Test
  @Timeout(180)
  void aPacedRunWithCdsAlsoReportsCpuPerMessageAgainstTheVerifyCost() throws Exception {
    assertEquals(
        0,
        // --cds too: from a class path of directories the training writes no archive (AppCDS
        // takes jars only) and the run goes on without one.
        // A second of warm-up: a cold receiver on a busy machine may verify nothing in its first.
        cli.run(
            "bench",
            "--seconds",
            "1",
            "--warmup",
            "1",
            "--rate",
            "2000",
            "--modes",
            "signed",
            "--cds",
            "--json"),
        cli.err());
    JsonNode doc = new ObjectMapper().readTree(cli.out());
    assertEquals(Set.of("modes", "limits"), names(doc));
    JsonNode m = doc.get("modes").get("signed");
    assertEquals(union(MODE_FIELDS, Set.of("cpu_per_message_vs_verify")), names(m));
    assertTrue(m.get("handled_per_s").asDouble() > 0, "nothing handled: " + m + "\n" + cli.err());
    assertTrue(m.get("cpu_per_message_vs_verify").isNumber(), m.toString());
    assertTrue(m.get("cpu_per_message_vs_verify").asDouble() > 0, m.toString());
    assertEquals(LIMIT_FIELDS, names(doc.get("limits")));
  }

  @Test
  void unknownModeIsAOneLineError() {
    assertEquals(2, cli.run("bench", "--modes", "raw,fast"));
    assertTrue(cli.err().contains("--modes"), cli.err());
    assertEquals(1, cli.err().strip().lines().count(), cli.err());
  }

  @Test
  void nonPositiveSecondsIsRefused() {
    assertEquals(2, cli.run("bench", "--seconds", "0"));
    assertTrue(cli.err().contains("--seconds"), cli.err());
  }

  private static Set<String> names(JsonNode node) {
    Set<String> out = new TreeSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}

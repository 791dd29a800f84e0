package org.jipv8.examples.demo;

import java.util.Map;
import java.util.StringJoiner;
import org.jipv8.api.messaging.DropReason;

/** Formats drops by reason for one line: {@code 3 (BAD_SIGNATURE 2, UNKNOWN_PREFIX 1)}. */
public final class DropSummary {
  private DropSummary() {}

  /** The total and the reasons, largest first; {@code 0} when there are none. */
  public static String format(Map<DropReason, Long> drops) {
    long total = drops.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return "0";
    }
    StringJoiner reasons = new StringJoiner(", ", " (", ")");
    drops.entrySet().stream()
        .sorted(Map.Entry.<DropReason, Long>comparingByValue().reversed())
        .forEach(e -> reasons.add(e.getKey() + " " + e.getValue()));
    return total + reasons.toString();
  }
}

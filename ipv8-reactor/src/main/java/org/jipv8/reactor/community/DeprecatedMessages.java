package org.jipv8.reactor.community;

import java.util.Map;

/** The deprecated Dispersy message ids and their legacy names (runtime.md section 4.1). */
final class DeprecatedMessages {
  static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(255, "reserved-255"),
          Map.entry(254, "on-missing-sequence"),
          Map.entry(253, "missing-proof"),
          Map.entry(252, "signature-request"),
          Map.entry(251, "signature-response"),
          Map.entry(248, "on-identity"),
          Map.entry(247, "on-missing-identity"),
          Map.entry(244, "destroy-community"),
          Map.entry(243, "authorize"),
          Map.entry(242, "revoke"),
          Map.entry(241, "subjective-set"),
          Map.entry(240, "missing-subjective-set"),
          Map.entry(239, "on-missing-message"),
          Map.entry(238, "undo-own"),
          Map.entry(237, "undo-other"),
          Map.entry(236, "dynamic-settings"),
          Map.entry(235, "missing-last-message"));

  private DeprecatedMessages() {}
}

package org.jipv8.examples.bench;

import java.util.Locale;

/**
 * What one bench mode sends and what the receiver does with it.
 *
 * <ul>
 *   <li>{@link #RAW}: the unsigned datagrams, counted straight off the endpoint's receive stream
 *       (the same socket setup, no IPv8 processing): the ceiling of the run.
 *   <li>{@link #UNSIGNED}: an unsigned custom message, decoded and handled by a community.
 *   <li>{@link #SIGNED}: a signed custom message (Ed25519), verified and handled.
 *   <li>{@link #INTRO}: introduction-requests signed by many keys, each answered with a signed
 *       introduction-response (and a puncture-request when there is a peer to introduce).
 * </ul>
 */
public enum BenchMode {
  RAW,
  UNSIGNED,
  SIGNED,
  INTRO;

  /** The name on the command line and in the JSON output. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode called {@code key}.
   *
   * @throws IllegalArgumentException naming the valid modes
   */
  public static BenchMode fromKey(String key) {
    for (BenchMode m : values()) {
      if (m.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "--modes: unknown mode '" + key + "'; choose from raw, unsigned, signed, intro");
  }
}

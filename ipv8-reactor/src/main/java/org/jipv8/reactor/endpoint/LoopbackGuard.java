package org.jipv8.reactor.endpoint;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A safety switch that keeps an endpoint's traffic on this machine: when enabled, every send to a
 * destination outside {@code 127.0.0.0/8} and {@code ::1} is refused before it reaches the socket,
 * counted as {@link org.jipv8.api.messaging.DropReason#LOOPBACK_GUARD}, and logged at WARN once per
 * destination.
 *
 * <h2>Why it exists</h2>
 *
 * IPv8 nodes contact public bootstrap servers and any peer they are introduced to. Tests, demos and
 * experiments in this repository must never do that: the public bootstrap servers must never be
 * contacted from this repository's tests. The guard turns a mistake (a forgotten configuration, a
 * default bootstrap list, an address learned from a peer) into a counted drop instead of traffic on
 * the internet.
 *
 * <h2>How it is switched on</h2>
 *
 * The guard is on when any of these holds:
 *
 * <ul>
 *   <li>the system property {@value #SYSTEM_PROPERTY} is {@code true} (the Maven build sets it for
 *       every test JVM);
 *   <li>the environment variable {@value #ENVIRONMENT_VARIABLE} is {@code true};
 *   <li>the code asks for it: {@link #enabled()}, for instance {@code
 *       UdpEndpoint.builder().loopbackGuard(LoopbackGuard.enabled())}.
 * </ul>
 *
 * The environment can only switch the guard on, never off: {@link #effective()} combines a guard
 * chosen in code with {@link #fromEnvironment()}, and endpoints always apply the effective guard.
 *
 * <p>Only IP literals are judged (no DNS lookups ever): a host name, even {@code localhost}, is
 * refused while the guard is on. IPv4-mapped IPv6 loopback ({@code ::ffff:127.0.0.1}) is allowed.
 *
 * <p>Threading: immutable apart from the set of destinations already warned about, which is
 * concurrent; every method is safe from any thread and never blocks (apart from the logging
 * backend's own I/O on the first refusal per destination).
 */
public final class LoopbackGuard {
  /** System property that switches the guard on: {@code -Djipv8.loopbackOnly=true}. */
  public static final String SYSTEM_PROPERTY = "jipv8.loopbackOnly";

  /** Environment variable that switches the guard on: {@code JIPV8_LOOPBACK_ONLY=true}. */
  public static final String ENVIRONMENT_VARIABLE = "JIPV8_LOOPBACK_ONLY";

  private static final Logger LOG = LoggerFactory.getLogger(LoopbackGuard.class);

  /** Bound on the remembered destinations, so a flood of distinct ones cannot grow memory. */
  private static final int MAX_WARNED_DESTINATIONS = 4096;

  private final boolean enabled;
  private final String origin;
  private final Set<Address> warned = ConcurrentHashMap.newKeySet();

  private LoopbackGuard(boolean enabled, String origin) {
    this.enabled = enabled;
    this.origin = origin;
  }

  /** A guard that refuses every non-loopback destination. */
  public static LoopbackGuard enabled() {
    return new LoopbackGuard(true, "requested in code");
  }

  /**
   * A guard that allows every destination, unless the environment switches it on: endpoints apply
   * {@link #effective()}, so this is "not requested by the code", not "forced off".
   */
  public static LoopbackGuard disabled() {
    return new LoopbackGuard(false, "not requested");
  }

  /**
   * The guard the environment asks for: enabled when the system property {@value #SYSTEM_PROPERTY}
   * or the environment variable {@value #ENVIRONMENT_VARIABLE} is {@code true} (case-insensitive),
   * disabled otherwise.
   */
  public static LoopbackGuard fromEnvironment() {
    if (isTrue(System.getProperty(SYSTEM_PROPERTY))) {
      return new LoopbackGuard(true, "system property " + SYSTEM_PROPERTY + "=true");
    }
    if (isTrue(System.getenv(ENVIRONMENT_VARIABLE))) {
      return new LoopbackGuard(true, "environment variable " + ENVIRONMENT_VARIABLE + "=true");
    }
    return disabled();
  }

  /** This guard, or an enabled one when the environment demands it (see the class comment). */
  public LoopbackGuard effective() {
    if (enabled) {
      return this;
    }
    LoopbackGuard environment = fromEnvironment();
    return environment.enabled ? environment : this;
  }

  /** Whether non-loopback destinations are refused. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Whether a datagram to {@code destination} may be sent; has no side effects. */
  public boolean permits(Address destination) {
    Objects.requireNonNull(destination, "destination");
    return !enabled || (destination.kind() != AddressKind.DOMAIN && destination.isLoopback());
  }

  /**
   * Like {@link #permits} but logs a refusal at WARN the first time each destination is refused by
   * this guard. The caller counts the drop.
   */
  public boolean admit(Address destination) {
    if (permits(destination)) {
      return true;
    }
    if (warned.size() < MAX_WARNED_DESTINATIONS && warned.add(destination)) {
      LOG.warn(
          "Loopback guard ({}) refused a datagram to {}: only 127.0.0.0/8 and ::1 are allowed."
              + " Further datagrams to it are dropped and counted as LOOPBACK_GUARD without"
              + " logging.",
          origin,
          destination);
    }
    return false;
  }

  private static boolean isTrue(String value) {
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  @Override
  public String toString() {
    return "LoopbackGuard[" + (enabled ? "on, " : "off, ") + origin + "]";
  }
}

package org.jipv8.reactor.community;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.Endpoint;
import org.jipv8.api.endpoint.ReceiveAdmission;
import org.jipv8.api.messaging.DropReason;
import org.jipv8.reactor.endpoint.PrefixAdmission;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * Routes the datagrams of one {@link Endpoint} to the communities sharing it, by their 22-byte
 * prefix (py-ipv8's endpoint listener routing, runtime.md section 9.1).
 *
 * <p>Promises:
 *
 * <ul>
 *   <li>Subscribes to {@link Endpoint#receiveBursts()} once, when the first listener registers.
 *   <li>A datagram whose first 22 bytes equal a registered prefix goes to that prefix's listeners,
 *       in registration order, then to the general listeners. Any other datagram goes to the
 *       general listeners only and is counted as {@link DropReason#TOO_SHORT} (fewer than 22 bytes)
 *       or {@link DropReason#UNKNOWN_PREFIX}.
 *   <li>General listeners (sniffers, the bootstrap tracker) see every datagram exactly once, also
 *       when several listeners share a prefix (py quirk A17 not copied).
 *   <li>A listener that throws is logged and the remaining listeners still get the datagram (py
 *       quirk A18 fixed); the stream is never terminated by a listener.
 * </ul>
 *
 * <p>Ownership: the node wiring creates one router per endpoint ({@link #create}) and gives it to
 * every community of that endpoint through {@link CommunitySettings}; there is no global registry.
 * The router stops listening when the endpoint's receive stream completes.
 *
 * <p>Early drop: after {@link #admitEarly}, the router installs a {@link PrefixAdmission} on the
 * endpoint, so that a datagram for a community whose inbox is full ({@link #registerInboxCheck}) is
 * refused as {@link DropReason#INBOX_FULL} while still in the socket's buffer, before it is copied
 * or routed. While a general listener is registered the admission is off (such a listener must see
 * every datagram).
 *
 * <p>Threading: listeners are called on the endpoint's receive thread, one datagram at a time, in
 * the runs the endpoint read them in ({@link Endpoint#receiveBursts()}); they must hand work off
 * quickly and never block. Registration is safe from any thread.
 */
public final class PrefixRouter {
  private static final Logger log = LoggerFactory.getLogger(PrefixRouter.class);

  /** Length of a community prefix. */
  public static final int PREFIX_LENGTH = 22;

  private final Endpoint endpoint;
  private final Object lock = new Object();
  private volatile Map<ByteBuffer, Route> byPrefix = Map.of();
  private volatile List<Consumer<Datagram>> general = List.of();
  private final Map<DropReason, AtomicLong> drops = new EnumMap<>(DropReason.class);
  private final AtomicLong routed = new AtomicLong();
  private final PrefixAdmission admission = new PrefixAdmission();
  private boolean earlyDrop;
  private Disposable subscription;

  private PrefixRouter(Endpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    drops.put(DropReason.TOO_SHORT, new AtomicLong());
    drops.put(DropReason.UNKNOWN_PREFIX, new AtomicLong());
  }

  /**
   * A new router of {@code endpoint}. Create one per endpoint and share it between the endpoint's
   * communities: two routers of one endpoint each see every datagram and count the other's prefixes
   * as unknown.
   */
  public static PrefixRouter create(Endpoint endpoint) {
    return new PrefixRouter(endpoint);
  }

  /** The routed endpoint. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /**
   * Delivers datagrams starting with {@code prefix} to {@code listener}.
   *
   * @param prefix exactly 22 bytes (copied)
   * @return disposing it removes the listener
   * @throws IllegalArgumentException when the prefix is not 22 bytes long
   */
  public Disposable register(byte[] prefix, Consumer<Datagram> listener) {
    return register(prefix, listener, null);
  }

  /**
   * As {@link #register(byte[], Consumer)}, and calls {@code endOfRun} (when not null) after each
   * run of the endpoint's datagrams ({@link Endpoint#receiveBursts()}) in which {@code listener}
   * got at least one, on the same thread: a listener that queues datagrams for another thread hands
   * on the run at once there.
   */
  Disposable register(byte[] prefix, Consumer<Datagram> listener, @Nullable Runnable endOfRun) {
    if (prefix == null || prefix.length != PREFIX_LENGTH) {
      throw new IllegalArgumentException(
          "a community prefix has exactly 22 bytes, got "
              + (prefix == null ? "null" : prefix.length));
    }
    Objects.requireNonNull(listener, "listener");
    ByteBuffer key = ByteBuffer.wrap(prefix.clone());
    Registration registration = new Registration(listener, endOfRun);
    synchronized (lock) {
      Map<ByteBuffer, Route> next = new HashMap<>(byPrefix);
      next.put(key, next.getOrDefault(key, Route.NONE).with(registration));
      byPrefix = Map.copyOf(next);
      ensureSubscribed();
    }
    return () -> unregister(key, registration);
  }

  private void unregister(ByteBuffer key, Registration registration) {
    synchronized (lock) {
      Route current = byPrefix.get(key);
      if (current == null || !current.registrations().contains(registration)) {
        return;
      }
      Map<ByteBuffer, Route> next = new HashMap<>(byPrefix);
      Route rest = current.without(registration);
      if (rest.registrations().isEmpty()) {
        next.remove(key);
      } else {
        next.put(key, rest);
      }
      byPrefix = Map.copyOf(next);
    }
  }

  /**
   * Delivers every datagram to {@code listener}, whatever its prefix.
   *
   * @return disposing it removes the listener
   */
  public Disposable addGeneralListener(Consumer<Datagram> listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lock) {
      List<Consumer<Datagram>> list = new ArrayList<>(general);
      list.add(listener);
      general = List.copyOf(list);
      if (earlyDrop) {
        applyAdmission();
      }
      ensureSubscribed();
    }
    return () -> {
      synchronized (lock) {
        List<Consumer<Datagram>> list = new ArrayList<>(general);
        list.remove(listener);
        general = List.copyOf(list);
        if (earlyDrop) {
          applyAdmission();
        }
      }
    };
  }

  /**
   * Lets the endpoint refuse datagrams of a full inbox before copying them (see the class comment).
   * The node wiring calls it for a router it owns; off by default, because a datagram refused there
   * reaches no one, not even a listener of the endpoint outside this router.
   */
  public void admitEarly() {
    synchronized (lock) {
      earlyDrop = true;
      applyAdmission();
    }
  }

  /**
   * Registers the "inbox is full" check of the community with {@code prefix}; used only while
   * {@link #admitEarly} is in force and no general listener is registered.
   *
   * @param inboxFull called on the endpoint's receive thread for every datagram of the prefix: a
   *     cheap, non-blocking read
   * @return disposing it removes the check
   */
  public Disposable registerInboxCheck(byte[] prefix, BooleanSupplier inboxFull) {
    return admission.register(prefix, inboxFull);
  }

  /**
   * As {@link #registerInboxCheck(byte[], BooleanSupplier)}, with the check the endpoint asks while
   * it has stopped reading for this full inbox: true once the inbox has room for a run of
   * datagrams.
   */
  public Disposable registerInboxCheck(
      byte[] prefix, BooleanSupplier inboxFull, BooleanSupplier hasRoom) {
    return admission.register(prefix, inboxFull, hasRoom);
  }

  /** Datagrams of {@code prefix} the endpoint refused early because the inbox was full. */
  public long refusedEarly(byte[] prefix) {
    return admission.refused(prefix);
  }

  /** Whether the endpoint currently asks this router's admission about every datagram. */
  public boolean admitsEarly() {
    synchronized (lock) {
      return earlyDrop && general.isEmpty();
    }
  }

  private void applyAdmission() {
    endpoint.setReceiveAdmission(
        earlyDrop && general.isEmpty() ? admission : ReceiveAdmission.ADMIT_ALL);
  }

  /** Whether a listener is registered for {@code prefix}. */
  public boolean hasPrefix(byte[] prefix) {
    return prefix != null && byPrefix.containsKey(ByteBuffer.wrap(prefix));
  }

  private void ensureSubscribed() {
    if (subscription == null) {
      subscription =
          endpoint
              .receiveBursts()
              .subscribe(
                  this::routeRun,
                  e -> log.error("receive stream of {} failed", endpoint, e),
                  () -> log.debug("receive stream of {} completed", endpoint));
    }
  }

  /**
   * Routes one datagram as if the endpoint had received it alone (tests and the simulation may call
   * this).
   */
  public void route(Datagram datagram) {
    routeRun(List.of(datagram));
  }

  /** Routes one run of the endpoint's datagrams, then ends the run for the prefixes it reached. */
  private void routeRun(List<Datagram> run) {
    Route last = null;
    List<Route> reached = null;
    for (Datagram datagram : run) {
      Route route = routeOne(datagram);
      if (route != null && route != last && !route.runEnds().isEmpty()) {
        last = route;
        if (reached == null) {
          reached = new ArrayList<>(2);
        }
        if (!containsSame(reached, route)) {
          reached.add(route);
        }
      }
    }
    if (reached != null) {
      for (Route route : reached) {
        for (Runnable end : route.runEnds()) {
          try {
            end.run();
          } catch (RuntimeException e) {
            log.error("the end of a run of datagrams failed in {}", end, e);
          }
        }
      }
    }
  }

  private static boolean containsSame(List<Route> routes, Route route) {
    for (Route r : routes) {
      if (r == route) {
        return true;
      }
    }
    return false;
  }

  private @Nullable Route routeOne(Datagram datagram) {
    Route route = null;
    byte[] data = datagram.data();
    if (data.length < PREFIX_LENGTH) {
      drops.get(DropReason.TOO_SHORT).incrementAndGet();
    } else {
      route = byPrefix.get(ByteBuffer.wrap(data, 0, PREFIX_LENGTH));
      if (route == null) {
        drops.get(DropReason.UNKNOWN_PREFIX).incrementAndGet();
      } else {
        routed.incrementAndGet();
        deliver(route.listeners(), datagram);
      }
    }
    deliver(general, datagram);
    return route;
  }

  private static void deliver(List<Consumer<Datagram>> listeners, Datagram datagram) {
    for (Consumer<Datagram> l : listeners) {
      try {
        l.accept(datagram);
      } catch (RuntimeException e) {
        log.error("listener {} failed on a datagram from {}", l, datagram.source(), e);
      }
    }
  }

  /** Datagrams that reached no community, by reason (TOO_SHORT, UNKNOWN_PREFIX). */
  public Map<DropReason, Long> drops() {
    Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
    drops.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Datagrams delivered to at least one community. */
  public long routed() {
    return routed.get();
  }

  /** Stops listening to the endpoint (listeners stay registered). */
  public void stop() {
    synchronized (lock) {
      if (subscription != null) {
        subscription.dispose();
        subscription = null;
      }
    }
  }

  /** One {@link #register} call: its listener, and what to call after a run reached it. */
  private record Registration(Consumer<Datagram> listener, @Nullable Runnable endOfRun) {}

  /**
   * The registrations of one prefix, with their listeners and run ends picked out once (the router
   * reads them for every datagram).
   */
  private record Route(
      List<Registration> registrations,
      List<Consumer<Datagram>> listeners,
      List<Runnable> runEnds) {
    static final Route NONE = of(List.of());

    static Route of(List<Registration> registrations) {
      return new Route(
          List.copyOf(registrations),
          registrations.stream().map(Registration::listener).toList(),
          registrations.stream()
              .map(Registration::endOfRun)
              .filter(java.util.Objects::nonNull)
              .toList());
    }

    Route with(Registration registration) {
      List<Registration> all = new ArrayList<>(registrations);
      all.add(registration);
      return of(all);
    }

    Route without(Registration registration) {
      List<Registration> rest = new ArrayList<>(registrations);
      rest.remove(registration);
      return of(rest);
    }
  }
}

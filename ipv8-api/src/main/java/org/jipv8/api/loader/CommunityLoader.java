package org.jipv8.api.loader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.DiscoveryStrategy;
import org.jipv8.api.peer.Peer;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Launches registered {@link CommunityLauncher}s into a {@link LaunchTarget} in dependency order
 * (py-ipv8's {@code IPv8CommunityLoader}).
 *
 * <p>Launchers are kept by {@link CommunityLauncher#getName() name}, in registration order; they
 * are registered one by one with {@link #setLauncher} or all at once from {@link ServiceLoader}
 * with {@link #registerServiceLaunchers}.
 *
 * <p>Threading: all methods are synchronized; {@link #load} runs the launchers and the target's
 * methods on the calling thread.
 */
public class CommunityLoader {
  private static final Logger LOG = Loggers.getLogger(CommunityLoader.class);

  private static final class Entry {
    final CommunityLauncher launcher;
    boolean launched;

    Entry(CommunityLauncher launcher) {
      this.launcher = launcher;
    }
  }

  private final Map<String, Entry> launchers = new LinkedHashMap<>();

  /** An empty loader. */
  public CommunityLoader() {}

  /**
   * Registers {@code launcher} under its name. A launcher with the same name is replaced in place
   * (keeping its position), unless it has already launched: then {@code launcher} is refused and an
   * error is logged.
   *
   * @return false when the launcher was refused
   */
  public synchronized boolean setLauncher(CommunityLauncher launcher) {
    String name = launcher.getName();
    Entry existing = launchers.get(name);
    if (existing != null) {
      LOG.info("Overriding CommunityLauncher {}", name);
      if (existing.launched) {
        LOG.error("Unable to replace launcher for {}, it was already launched", name);
        return false;
      }
    }
    launchers.put(name, new Entry(launcher));
    return true;
  }

  /** Unregisters the launcher with {@code launcher}'s name, if any. */
  public synchronized void delLauncher(CommunityLauncher launcher) {
    launchers.remove(launcher.getName());
  }

  /**
   * The launcher registered under {@code name}.
   *
   * @throws IllegalArgumentException naming the registered launchers when there is none
   */
  public synchronized CommunityLauncher getLauncher(String name) {
    return entry(name).launcher;
  }

  /**
   * Whether the launcher registered under {@code name} has launched.
   *
   * @throws IllegalArgumentException naming the registered launchers when there is none
   */
  public synchronized boolean hasLaunched(String name) {
    return entry(name).launched;
  }

  /** The registered launcher names, in registration order. */
  public synchronized List<String> launcherNames() {
    return List.copyOf(launchers.keySet());
  }

  /**
   * Registers every launcher {@code ServiceLoader.load(CommunityLauncher.class, classLoader)} finds
   * (files {@code META-INF/services/org.jipv8.api.loader.CommunityLauncher}), in the order it finds
   * them, as {@link #setLauncher} does.
   *
   * @return the number of launchers found
   * @throws java.util.ServiceConfigurationError when a listed launcher cannot be instantiated
   */
  public synchronized int registerServiceLaunchers(ClassLoader classLoader) {
    int found = 0;
    for (CommunityLauncher launcher : ServiceLoader.load(CommunityLauncher.class, classLoader)) {
      setLauncher(launcher);
      found++;
    }
    return found;
  }

  /** {@link #registerServiceLaunchers(ClassLoader)} with the thread's context class loader. */
  public int registerServiceLaunchers() {
    return registerServiceLaunchers(Thread.currentThread().getContextClassLoader());
  }

  /**
   * Launches every registered launcher that should launch, each after the launchers it names in
   * {@link CommunityLauncher#notBefore()}.
   *
   * <p>The order, as in py-ipv8: take the first waiting launcher; if its {@link
   * CommunityLauncher#shouldLaunch} is false, drop it; if every dependency that is registered and
   * would launch has launched, launch it; otherwise put it at the back. Dependencies that are not
   * registered, or whose {@code shouldLaunch} is false, are not waited for. After n² takes (n
   * launchers) the loader gives up.
   *
   * <p>py-ipv8 quirk A22, kept: the give-up check runs when the budget is exhausted, so in theory
   * it fires even when the last take launched the last launcher.
   *
   * @throws IllegalStateException "Cycle detected in CommunityLauncher notBefore(): [names]" when
   *     the budget runs out; launchers launched so far stay launched
   * @throws RuntimeException whatever a launcher or the target throws; the failing launcher is not
   *     marked launched and the load stops
   */
  public synchronized void load(LaunchTarget target, Session session) {
    Deque<CommunityLauncher> remaining = new ArrayDeque<>();
    launchers.values().forEach(e -> remaining.add(e.launcher));
    long budget = (long) remaining.size() * remaining.size();
    while (!remaining.isEmpty() && budget >= 0) {
      CommunityLauncher launcher = remaining.removeFirst();
      budget--;
      if (!launcher.shouldLaunch(session)) {
        continue;
      }
      if (ready(launcher, session)) {
        launch(launcher, target, session);
      } else {
        remaining.addLast(launcher);
      }
    }
    if (budget < 0) {
      List<String> names = new ArrayList<>();
      remaining.forEach(l -> names.add(l.getName()));
      throw new IllegalStateException(
          "Cycle detected in CommunityLauncher notBefore(): "
              + names
              + "; remove the @After (notBefore) entries that form a cycle");
    }
    LOG.info("Finished loading communities!");
  }

  private boolean ready(CommunityLauncher launcher, Session session) {
    boolean ready = true;
    for (String dependency : launcher.notBefore()) {
      Entry e = launchers.get(dependency);
      // Launchers that do not exist or will never launch are not waited for.
      if (e != null && e.launcher.shouldLaunch(session)) {
        ready = ready && e.launched;
      }
    }
    return ready;
  }

  /**
   * Launches one launcher (py-ipv8's {@code IPv8CommunityLoader._launch}), in this order: {@code
   * prepare}, {@code getOverlayClass}, {@code getWalkStrategies}, {@code getMyPeer}, {@code
   * getKwargs}, create the overlay, {@code getBootstrappers}, add the overlay, create and add each
   * strategy, create and add each bootstrapper, {@code finalize}, mark it launched. Subclasses may
   * override it to launch differently; they must call {@link #markLaunched}.
   */
  protected void launch(CommunityLauncher launcher, LaunchTarget target, Session session) {
    launcher.prepare(target, session);
    Class<? extends Overlay> overlayClass = launcher.getOverlayClass();
    LOG.info("Loading overlay {}", overlayClass.getName());
    List<StrategyDefinition> strategies = launcher.getWalkStrategies();
    Peer myPeer = launcher.getMyPeer(target, session);
    Map<String, Object> kwargs = launcher.getKwargs(session);
    Overlay overlay = target.createOverlay(overlayClass, myPeer, kwargs);
    List<BootstrapperDefinition> bootstrappers = launcher.getBootstrappers(session);
    target.addOverlay(overlay);
    for (StrategyDefinition definition : strategies) {
      DiscoveryStrategy strategy = target.createStrategy(definition, overlay);
      target.addStrategy(strategy, definition.targetPeers());
    }
    for (BootstrapperDefinition definition : bootstrappers) {
      Bootstrapper bootstrapper = target.createBootstrapper(definition);
      target.addBootstrapper(overlay, bootstrapper);
    }
    launcher.finalize(target, session, overlay);
    markLaunched(launcher);
  }

  /** Records that {@code launcher} (registered under its name) has launched. */
  protected final synchronized void markLaunched(CommunityLauncher launcher) {
    entry(launcher.getName()).launched = true;
  }

  private Entry entry(String name) {
    Entry e = launchers.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "no launcher named '" + name + "'; registered: " + launchers.keySet());
    }
    return e;
  }
}

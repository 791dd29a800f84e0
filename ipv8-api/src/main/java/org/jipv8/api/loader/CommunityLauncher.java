package org.jipv8.api.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.peer.Peer;

/**
 * Prepares one community for a {@link CommunityLoader} (py-ipv8's {@code CommunityLauncher}). The
 * shortest launcher is a class and an annotation:
 *
 * <pre>{@code
 * @org.jipv8.api.loader.Overlay(MyCommunity.class)
 * public class MyLauncher extends CommunityLauncher {}
 * }</pre>
 *
 * <p>Every method has py-ipv8's default, extended by this class's annotations (see the package
 * description for their order). Overriding a method replaces its default, annotations included;
 * call {@code super} to keep them.
 *
 * <p>Annotations are read and checked once per class, when the first instance is constructed; a
 * malformed annotation makes the constructor throw {@link LauncherDefinitionException}. A launcher
 * found through {@link java.util.ServiceLoader} needs a public no-argument constructor.
 *
 * <p>Threading: the loader calls a launcher from the thread that runs {@link
 * CommunityLoader#load}. The defaults keep no mutable state.
 */
public abstract class CommunityLauncher {

  private final LauncherAnnotations annotations;

  /** Reads this class's annotations. */
  protected CommunityLauncher() {
    this.annotations = LauncherAnnotations.of(getClass());
  }

  /**
   * The name the loader knows this launcher by: the value of {@link Name @Name}, or else the simple
   * name of the launcher class.
   */
  public String getName() {
    if (annotations.name != null) {
      return annotations.name;
    }
    String simple = getClass().getSimpleName();
    return simple.isEmpty() ? getClass().getName() : simple;
  }

  /** Names of launchers that must launch before this one: every {@link After @After}, in order. */
  public List<String> notBefore() {
    return annotations.after;
  }

  /**
   * Whether to launch at all: true unless a {@link Precondition @Precondition} fails (evaluated in
   * declaration order, stopping at the first failure).
   */
  public boolean shouldLaunch(Session session) {
    for (Predicate<Session> condition : annotations.preconditions) {
      if (!condition.test(session)) {
        return false;
      }
    }
    return true;
  }

  /** Runs before the overlay is created. Does nothing by default. */
  public void prepare(LaunchTarget target, Session session) {}

  /**
   * Runs after the overlay, its strategies and bootstrappers were added. By default stores the
   * overlay under each {@link SetInSession @SetInSession} attribute. (py-ipv8's {@code finalize};
   * unrelated to {@link Object#finalize()}.)
   */
  public void finalize(LaunchTarget target, Session session, Overlay community) {
    for (String attribute : annotations.sessionAttributes) {
      session.set(attribute, community);
    }
  }

  /**
   * The overlay's settings by name: each {@link Kwargs @Kwargs} evaluated against {@code session},
   * in order, a later key overwriting an earlier one. A new, modifiable map on each call.
   */
  public Map<String, Object> getKwargs(Session session) {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    for (LauncherAnnotations.KwargSource source : annotations.kwargs) {
      kwargs.put(source.key(), source.value(session));
    }
    return kwargs;
  }

  /**
   * The overlay class to create, from {@link org.jipv8.api.loader.Overlay @Overlay}; the name form
   * is resolved on each call.
   *
   * @throws IllegalStateException when the launcher has no {@code @Overlay} and does not override
   *     this method
   * @throws LauncherDefinitionException when the named class cannot be found or is not an overlay
   */
  public Class<? extends Overlay> getOverlayClass() {
    if (annotations.overlay == null) {
      throw new IllegalStateException(
          "Launcher "
              + getClass().getName()
              + " names no overlay class: annotate it with @Overlay(MyCommunity.class) or override"
              + " getOverlayClass()");
    }
    return annotations.overlayClass();
  }

  /** The strategies to run: every {@link WalkStrategy @WalkStrategy}, in order. A new list. */
  public List<StrategyDefinition> getWalkStrategies() {
    return new ArrayList<>(annotations.strategies);
  }

  /** The bootstrappers to add: every {@link BootstrapperSpec @BootstrapperSpec}, in order. */
  public List<BootstrapperDefinition> getBootstrappers(Session session) {
    return new ArrayList<>(annotations.bootstrappers);
  }

  /**
   * The identity the overlay uses: by default a new one per launch ({@link
   * LaunchTarget#newEphemeralPeer()}), as in py-ipv8. Override to use a configured key.
   */
  public Peer getMyPeer(LaunchTarget target, Session session) {
    return target.newEphemeralPeer();
  }

  @Override
  public String toString() {
    return "CommunityLauncher[" + getName() + "]";
  }
}

package org.jipv8.api.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jipv8.api.community.Overlay;
import org.junit.jupiter.api.Test;

class CommunityLoaderTest {

  /** A launcher that records its launch in the session's "order" list. */
  abstract static class Recorded extends CommunityLauncher {
    @Override
    public void finalize(LaunchTarget target, Session session, Overlay community) {
      super.finalize(target, session, community);
      @SuppressWarnings("unchecked") // the tests put a List<String> there
      List<String> order = (List<String>) session.get("order");
      order.add(getName());
    }
  }

  @org.jipv8.api.loader.Overlay(FakeOverlay.class)
  @Name("A")
  static class A extends Recorded {}

  @org.jipv8.api.loader.Overlay(FakeOverlay.class)
  @Name("B")
  @After("A")
  static class BAfterA extends Recorded {}

  @org.jipv8.api.loader.Overlay(FakeOverlay.class)
  @Name("C")
  @After({"B", "A"})
  static class CAfterBoth extends Recorded {}

  @org.jipv8.api.loader.Overlay(FakeOverlay.class)
  @Name("A")
  @After("B")
  static class AAfterB extends Recorded {}

  @org.jipv8.api.loader.Overlay(FakeOverlay.class)
  @Name("A")
  @Precondition(sessionAttribute = "launch A")
  static class ConditionalA extends Recorded {}

  @org.jipv8.api.loader.Overlay(FakeOverlay.class)
  @Name("B")
  @After({"Nobody", "A"})
  static class BAfterUnknownAndA extends Recorded {}

  @org.jipv8.api.loader.Overlay(FakeOverlay.class)
  @Name("Full")
  @WalkStrategy(
      value = MockWalk.class,
      init = @Kwarg(key = "timeout", value = "3.0"),
      targetPeers = 20)
  @WalkStrategy(value = MockWalk2.class, targetPeers = -1)
  @BootstrapperSpec(value = MockBootstrapper.class, init = @Kwarg(key = "x", value = "1"))
  @Kwargs(key = "max_peers", value = "10")
  @SetInSession("full")
  static class Full extends CommunityLauncher {
    @Override
    public void prepare(LaunchTarget target, Session session) {
      ((RecordingTarget) target).calls.add("prepare");
    }
  }

  @org.jipv8.api.loader.Overlay(className = "org.jipv8.api.loader.Absent")
  @Name("Broken")
  static class Broken extends CommunityLauncher {}

  private final RecordingTarget target = new RecordingTarget();
  private final Session session = new Session().set("order", new ArrayList<String>());

  @Test
  void launchCreatesTheOverlayWithItsStrategiesAndBootstrappersInPyOrder() {
    CommunityLoader loader = new CommunityLoader();
    loader.setLauncher(new Full());

    loader.load(target, session);

    assertEquals(
        List.of(
            "prepare",
            "newEphemeralPeer",
            "createOverlay FakeOverlay {max_peers=10}",
            "addOverlay",
            "addStrategy MockWalk 20",
            "addStrategy MockWalk2 -1",
            "addBootstrapper MockBootstrapper"),
        target.calls);
    FakeOverlay overlay = (FakeOverlay) target.overlays.get(0);
    assertSame(target.peer, overlay.myPeer);
    assertEquals(Map.of("timeout", 3.0), ((MockWalk) target.strategies.get(0)).init);
    assertSame(overlay, target.strategies.get(0).overlay());
    assertEquals(Map.of("x", 1), ((MockBootstrapper) target.bootstrappers.get(0)).init);
    assertSame(overlay, session.get("full"));
    assertTrue(loader.hasLaunched("Full"));
  }

  @Test
  void launchersWaitForTheLaunchersTheyComeAfter() {
    CommunityLoader loader = new CommunityLoader();
    loader.setLauncher(new CAfterBoth());
    loader.setLauncher(new BAfterA());
    loader.setLauncher(new A());

    loader.load(target, session);

    assertEquals(List.of("A", "B", "C"), session.get("order"));
  }

  @Test
  void launchersWithoutDependenciesLaunchInRegistrationOrder() {
    CommunityLoader loader = new CommunityLoader();
    loader.setLauncher(new Named("X"));
    loader.setLauncher(new Named("Y"));
    loader.setLauncher(new Named("Z"));

    loader.load(target, session);

    assertEquals(List.of("X", "Y", "Z"), session.get("order"));
  }

  @Test
  void falsePreconditionDropsTheLauncherAndNobodyWaitsForIt() {
    CommunityLoader loader = new CommunityLoader();
    loader.setLauncher(new BAfterUnknownAndA());
    loader.setLauncher(new ConditionalA());

    loader.load(target, session);

    assertEquals(List.of("B"), session.get("order"));
    assertFalse(loader.hasLaunched("A"));
    assertTrue(loader.hasLaunched("B"));
  }

  @Test
  void unknownDependenciesAreIgnored() {
    CommunityLoader loader = new CommunityLoader();
    loader.setLauncher(new BAfterUnknownAndA());
    loader.setLauncher(new A());

    loader.load(target, session);

    assertEquals(List.of("A", "B"), session.get("order"));
  }

  @Test
  void cycleIsDetectedAndNamesTheLaunchersLeft() {
    CommunityLoader loader = new CommunityLoader();
    loader.setLauncher(new AAfterB());
    loader.setLauncher(new BAfterA());

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> loader.load(target, session));

    assertTrue(
        e.getMessage().startsWith("Cycle detected in CommunityLauncher notBefore(): [B, A]"),
        e.getMessage());
    assertEquals(List.of(), session.get("order"));
  }

  @Test
  void setLauncherReplacesALauncherWithTheSameNameInPlace() {
    CommunityLoader loader = new CommunityLoader();
    A first = new A();
    A second = new A();
    loader.setLauncher(first);
    loader.setLauncher(new Named("X"));

    assertTrue(loader.setLauncher(second));

    assertSame(second, loader.getLauncher("A"));
    assertEquals(List.of("A", "X"), loader.launcherNames());
  }

  @Test
  void setLauncherRefusesToReplaceALaunchedLauncher() {
    CommunityLoader loader = new CommunityLoader();
    A first = new A();
    loader.setLauncher(first);
    loader.load(target, session);

    assertFalse(loader.setLauncher(new A()));

    assertSame(first, loader.getLauncher("A"));
  }

  @Test
  void delLauncherUnregistersByName() {
    CommunityLoader loader = new CommunityLoader();
    loader.setLauncher(new A());

    loader.delLauncher(new A());

    assertEquals(List.of(), loader.launcherNames());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> loader.hasLaunched("A"));
    assertTrue(e.getMessage().contains("no launcher named 'A'"), e.getMessage());
  }

  @Test
  void failedLaunchIsNotMarkedLaunchedAndStopsTheLoad() {
    CommunityLoader loader = new CommunityLoader();
    loader.setLauncher(new Broken());
    loader.setLauncher(new A());

    assertThrows(LauncherDefinitionException.class, () -> loader.load(target, session));

    assertFalse(loader.hasLaunched("Broken"));
    assertFalse(loader.hasLaunched("A"));
  }

  @Test
  void serviceLoaderFindsLaunchersListedInMetaInfServices() {
    CommunityLoader loader = new CommunityLoader();

    int found = loader.registerServiceLaunchers(getClass().getClassLoader());

    assertEquals(1, found);
    assertInstanceOf(ServiceTestLauncher.class, loader.getLauncher("ServiceLaunched"));
    loader.load(target, session);
    assertTrue(loader.hasLaunched("ServiceLaunched"));
  }

  /** A launcher whose name is given at construction, for registration-order tests. */
  @org.jipv8.api.loader.Overlay(FakeOverlay.class)
  static class Named extends Recorded {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }
  }
}

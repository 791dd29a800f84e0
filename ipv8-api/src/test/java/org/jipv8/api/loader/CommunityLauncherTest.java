package org.jipv8.api.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Mirrors py-ipv8's test_loader.py decorator tests, in Java's declaration order. */
class CommunityLauncherTest {

  // ---- name ----

  static class Plain extends CommunityLauncher {}

  @Name("Custom")
  static class Named extends CommunityLauncher {}

  @Name("Sub")
  static class NamedSub extends Named {}

  static class UnnamedSub extends Named {}

  @Test
  void defaultNameIsTheLauncherClassSimpleName() {
    assertEquals("Plain", new Plain().getName());
  }

  @Test
  void nameAnnotationOverridesTheDefault() {
    assertEquals("Custom", new Named().getName());
  }

  @Test
  void nameNearestToTheConcreteClassWins() {
    assertEquals("Sub", new NamedSub().getName());
    assertEquals("Custom", new UnnamedSub().getName());
  }

  // ---- after ----

  @After({"A", "B"})
  static class AfterTogether extends CommunityLauncher {}

  @After("A")
  @After("B")
  static class AfterStacked extends CommunityLauncher {}

  @After("Base")
  static class AfterBase extends CommunityLauncher {}

  @After("Sub")
  static class AfterSub extends AfterBase {}

  @Test
  void afterWithSeveralNamesEqualsStackedAfters() {
    assertEquals(List.of("A", "B"), new AfterTogether().notBefore());
    assertEquals(List.of("A", "B"), new AfterStacked().notBefore());
  }

  @Test
  void superclassAnnotationsComeBeforeSubclassAnnotations() {
    assertEquals(List.of("Base", "Sub"), new AfterSub().notBefore());
  }

  @Test
  void launcherWithoutAfterWaitsForNobody() {
    assertEquals(List.of(), new Plain().notBefore());
  }

  // ---- precondition ----

  /** Records that it ran, then answers the session attribute "answer". */
  public static class RecordingCondition implements Predicate<Session> {
    @Override
    public boolean test(Session session) {
      session.set("evaluated", session.get("evaluated", Integer.class) == null ? 1 : 2);
      return session.isTruthy("answer");
    }
  }

  /** Always false. */
  public static class Never implements Predicate<Session> {
    @Override
    public boolean test(Session session) {
      session.set("never ran", true);
      return false;
    }
  }

  @Precondition(RecordingCondition.class)
  static class SingleCondition extends CommunityLauncher {}

  @Precondition(Never.class)
  @Precondition(RecordingCondition.class)
  static class StackedConditions extends CommunityLauncher {}

  @Precondition(sessionAttribute = "enabled")
  static class FlagCondition extends CommunityLauncher {}

  @Precondition(value = Never.class, sessionAttribute = "x")
  static class BothConditionForms extends CommunityLauncher {}

  @Precondition
  static class NoConditionForm extends CommunityLauncher {}

  @Test
  void preconditionDecidesWhetherToLaunch() {
    Session session = new Session();
    assertFalse(new SingleCondition().shouldLaunch(session));

    session.set("answer", true);
    assertTrue(new SingleCondition().shouldLaunch(session));
  }

  @Test
  void stackedPreconditionsAllMustHoldAndStopAtTheFirstFailure() {
    Session session = new Session().set("answer", true);

    assertFalse(new StackedConditions().shouldLaunch(session));
    assertTrue(session.has("never ran"));
    assertFalse(session.has("evaluated"), "the second condition must not be evaluated");
  }

  @Test
  void sessionAttributePreconditionTestsTruthiness() {
    FlagCondition launcher = new FlagCondition();
    Session session = new Session();

    assertFalse(launcher.shouldLaunch(session));
    assertFalse(launcher.shouldLaunch(session.set("enabled", 0)));
    assertFalse(launcher.shouldLaunch(session.set("enabled", "")));
    assertTrue(launcher.shouldLaunch(session.set("enabled", "yes")));
    assertTrue(launcher.shouldLaunch(session.set("enabled", List.of(1))));
  }

  @Test
  void preconditionWithBothOrNeitherFormIsRefusedAtConstruction() {
    LauncherDefinitionException both =
        assertThrows(LauncherDefinitionException.class, BothConditionForms::new);
    assertTrue(both.getMessage().contains("both forms"), both.getMessage());
    assertTrue(both.getMessage().contains("BothConditionForms"), both.getMessage());
    LauncherDefinitionException neither =
        assertThrows(LauncherDefinitionException.class, NoConditionForm::new);
    assertTrue(neither.getMessage().contains("neither form"), neither.getMessage());
  }

  // ---- overlay ----

  @Overlay(FakeOverlay.class)
  static class OverlayByClass extends CommunityLauncher {}

  @Overlay(className = "org.jipv8.api.loader.FakeOverlay")
  static class OverlayByName extends CommunityLauncher {}

  @Overlay(className = "org.jipv8.api.loader.NotThere")
  static class OverlayMissingClass extends CommunityLauncher {}

  @Overlay(className = "java.lang.String")
  static class OverlayNotAnOverlay extends CommunityLauncher {}

  @Overlay
  static class OverlayNeitherForm extends CommunityLauncher {}

  /** An overlay subclass, to see which @Overlay wins. */
  public static class OtherOverlay extends FakeOverlay {
    public OtherOverlay() {
      super(null, Map.of());
    }
  }

  @Overlay(OtherOverlay.class)
  static class OverlayOverridden extends OverlayByClass {}

  @Test
  void overlayFromAClass() {
    assertSame(FakeOverlay.class, new OverlayByClass().getOverlayClass());
  }

  @Test
  void overlayFromAClassNameIsResolvedLazily() {
    assertSame(FakeOverlay.class, new OverlayByName().getOverlayClass());
    OverlayMissingClass launcher = new OverlayMissingClass();

    LauncherDefinitionException e =
        assertThrows(LauncherDefinitionException.class, launcher::getOverlayClass);
    assertTrue(e.getMessage().contains("org.jipv8.api.loader.NotThere"), e.getMessage());
  }

  @Test
  void overlayClassNameOfANonOverlayIsRefused() {
    OverlayNotAnOverlay launcher = new OverlayNotAnOverlay();

    LauncherDefinitionException e =
        assertThrows(LauncherDefinitionException.class, launcher::getOverlayClass);
    assertTrue(
        e.getMessage().contains("is not an org.jipv8.api.community.Overlay"), e.getMessage());
  }

  @Test
  void overlayWithNeitherFormIsRefusedAtConstruction() {
    assertThrows(LauncherDefinitionException.class, OverlayNeitherForm::new);
  }

  @Test
  void launcherWithoutOverlayFailsWhenAskedForIt() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, new Plain()::getOverlayClass);
    assertTrue(e.getMessage().contains("@Overlay"), e.getMessage());
  }

  @Test
  void overlayNearestToTheConcreteClassWins() {
    assertSame(OtherOverlay.class, new OverlayOverridden().getOverlayClass());
  }

  // ---- walk strategies ----

  @WalkStrategy(
      value = MockWalk.class,
      init = {@Kwarg(key = "timeout", value = "3.0"), @Kwarg(key = "name", value = "walker")})
  @WalkStrategy(value = MockWalk2.class, targetPeers = -1)
  static class TwoStrategies extends CommunityLauncher {}

  @WalkStrategy(className = "org.jipv8.api.loader.MockWalk2", targetPeers = 5)
  static class StrategyByName extends CommunityLauncher {}

  @WalkStrategy(className = "org.jipv8.api.loader.Missing")
  static class StrategyMissingClass extends CommunityLauncher {}

  @WalkStrategy(value = MockWalk.class, targetPeers = -2)
  static class StrategyBadTarget extends CommunityLauncher {}

  @WalkStrategy(
      value = MockWalk.class,
      init = @Kwarg(key = "timeout", value = "1"),
      initMethod = "walkInit")
  static class StrategyWithInitMethod extends CommunityLauncher {
    @SuppressWarnings("unused") // called reflectively through initMethod
    private static Map<String, Object> walkInit() {
      Map<String, Object> init = new LinkedHashMap<>();
      init.put("timeout", 2.5);
      init.put("peers", List.of("a", "b"));
      return init;
    }
  }

  @WalkStrategy(value = MockWalk.class, initMethod = "absent")
  static class StrategyWithMissingInitMethod extends CommunityLauncher {}

  @Test
  void walkStrategiesAccumulateInDeclarationOrder() {
    assertEquals(
        List.of(
            new StrategyDefinition(MockWalk.class, Map.of("timeout", 3.0, "name", "walker"), 20),
            new StrategyDefinition(MockWalk2.class, Map.of(), -1)),
        new TwoStrategies().getWalkStrategies());
  }

  @Test
  void walkStrategyFromAClassNameIsResolvedAtConstruction() {
    assertEquals(
        List.of(new StrategyDefinition(MockWalk2.class, Map.of(), 5)),
        new StrategyByName().getWalkStrategies());
    LauncherDefinitionException e =
        assertThrows(LauncherDefinitionException.class, StrategyMissingClass::new);
    assertTrue(e.getMessage().contains("org.jipv8.api.loader.Missing"), e.getMessage());
  }

  @Test
  void walkStrategyTargetBelowMinusOneIsRefused() {
    assertThrows(LauncherDefinitionException.class, StrategyBadTarget::new);
  }

  @Test
  void initMethodEntriesOverwriteConstantInitArguments() {
    assertEquals(
        Map.of("timeout", 2.5, "peers", List.of("a", "b")),
        new StrategyWithInitMethod().getWalkStrategies().get(0).init());
  }

  @Test
  void missingInitMethodIsRefusedAtConstruction() {
    LauncherDefinitionException e =
        assertThrows(LauncherDefinitionException.class, StrategyWithMissingInitMethod::new);
    assertTrue(e.getMessage().contains("'absent' does not exist"), e.getMessage());
  }

  // ---- bootstrappers ----

  @BootstrapperSpec(value = MockBootstrapper.class, init = @Kwarg(key = "timeout", value = "30"))
  @BootstrapperSpec(className = "org.jipv8.api.loader.MockBootstrapper")
  static class TwoBootstrappers extends CommunityLauncher {}

  @BootstrapperSpec(className = "org.jipv8.api.loader.MockWalk")
  static class BootstrapperNotABootstrapper extends CommunityLauncher {}

  @Test
  void bootstrappersAccumulateInDeclarationOrder() {
    assertEquals(
        List.of(
            new BootstrapperDefinition(MockBootstrapper.class, Map.of("timeout", 30)),
            new BootstrapperDefinition(MockBootstrapper.class, Map.of())),
        new TwoBootstrappers().getBootstrappers(new Session()));
  }

  @Test
  void bootstrapperClassNameOfANonBootstrapperIsRefused() {
    LauncherDefinitionException e =
        assertThrows(LauncherDefinitionException.class, BootstrapperNotABootstrapper::new);
    assertTrue(e.getMessage().contains("is not a Bootstrapper"), e.getMessage());
  }

  // ---- set in session ----

  @SetInSession("first")
  @SetInSession("second")
  static class StoresItself extends CommunityLauncher {}

  @Test
  void setInSessionStoresTheOverlayAfterFinalize() {
    Session session = new Session();
    FakeOverlay overlay = new FakeOverlay(null, Map.of());

    new StoresItself().finalize(new RecordingTarget(), session, overlay);

    assertSame(overlay, session.get("first"));
    assertSame(overlay, session.get("second"));
  }

  // ---- kwargs ----

  /** Computes a value from the session. */
  public static class Doubled implements Function<Session, Object> {
    @Override
    public Object apply(Session session) {
      return 2 * session.get("n", Integer.class);
    }
  }

  @Kwargs(key = "max_peers", value = "50")
  @Kwargs(key = "working_directory", sessionAttribute = "state_dir")
  @Kwargs(key = "doubled", function = Doubled.class)
  @Kwargs(key = "max_peers", value = "\"overwritten\"")
  static class WithKwargs extends CommunityLauncher {}

  @Kwargs(key = "k", value = "1", sessionAttribute = "a")
  static class KwargsTwoForms extends CommunityLauncher {}

  @Test
  void kwargsAreEvaluatedAgainstTheSessionInOrder() {
    Session session = new Session().set("state_dir", "/var/x").set("n", 21);

    Map<String, Object> kwargs = new WithKwargs().getKwargs(session);

    assertEquals(
        List.of("max_peers", "working_directory", "doubled"), new ArrayList<>(kwargs.keySet()));
    assertEquals("overwritten", kwargs.get("max_peers"));
    assertEquals("/var/x", kwargs.get("working_directory"));
    assertEquals(42, kwargs.get("doubled"));
  }

  @Test
  void kwargsAreReevaluatedOnEachCall() {
    WithKwargs launcher = new WithKwargs();

    assertEquals(2, launcher.getKwargs(new Session().set("n", 1)).get("doubled"));
    assertEquals(4, launcher.getKwargs(new Session().set("n", 2)).get("doubled"));
  }

  @Test
  void kwargsWithTwoFormsIsRefused() {
    assertThrows(LauncherDefinitionException.class, KwargsTwoForms::new);
  }

  @Test
  void launcherWithoutAnnotationsHasPyDefaults() {
    Plain plain = new Plain();
    Session session = new Session();

    assertTrue(plain.shouldLaunch(session));
    assertEquals(Map.of(), plain.getKwargs(session));
    assertEquals(List.of(), plain.getWalkStrategies());
    assertEquals(List.of(), plain.getBootstrappers(session));
  }

  @Test
  void defaultIdentityIsANewPeerFromTheTarget() {
    RecordingTarget target = new RecordingTarget();

    assertSame(target.peer, new Plain().getMyPeer(target, new Session()));
    assertEquals(List.of("newEphemeralPeer"), target.calls);
  }
}

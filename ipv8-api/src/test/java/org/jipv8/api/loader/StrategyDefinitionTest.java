package org.jipv8.api.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;
import org.junit.jupiter.api.Test;

class StrategyDefinitionTest {

  private final FakeOverlay overlay = new FakeOverlay(null, Map.of());

  /** Fails in its constructor. */
  public static class Exploding extends AbstractDiscoveryStrategy<Overlay> {
    public Exploding(Overlay overlay, Map<String, Object> init) {
      super(overlay);
      throw new IllegalArgumentException("bad init " + init);
    }

    @Override
    public void takeStep() {}
  }

  @Test
  void strategyIsBuiltWithTheOverlayAndItsKeywordArguments() {
    MockWalk walk =
        (MockWalk)
            new StrategyDefinition(MockWalk.class, Map.of("timeout", 3.0), 20).create(overlay);

    assertSame(overlay, walk.overlay());
    assertEquals(Map.of("timeout", 3.0), walk.init);
  }

  @Test
  void strategyWithoutArgumentsMayHaveAnOverlayOnlyConstructor() {
    assertInstanceOf(
        MockWalk2.class, new StrategyDefinition(MockWalk2.class, Map.of(), -1).create(overlay));
  }

  @Test
  void argumentsForAStrategyThatTakesNoneAreRefused() {
    StrategyDefinition definition = new StrategyDefinition(MockWalk2.class, Map.of("x", 1), -1);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> definition.create(overlay));
    assertTrue(e.getMessage().contains("Map<String, Object> init"), e.getMessage());
  }

  @Test
  void constructorErrorsReachTheCaller() {
    StrategyDefinition definition = new StrategyDefinition(Exploding.class, Map.of(), -1);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> definition.create(overlay));
    assertEquals("bad init {}", e.getMessage());
  }

  @Test
  void targetBelowMinusOneIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new StrategyDefinition(MockWalk.class, Map.of(), -2));
  }

  @Test
  void bootstrapperIsBuiltWithItsKeywordArguments() {
    MockBootstrapper b =
        (MockBootstrapper)
            new BootstrapperDefinition(MockBootstrapper.class, Map.of("t", 1)).create();

    assertEquals(Map.of("t", 1), b.init);
  }
}

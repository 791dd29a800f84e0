package org.jipv8.api.loader;

import java.util.Map;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;

/** A strategy that takes keyword arguments. */
public class MockWalk extends AbstractDiscoveryStrategy<FakeOverlay> {
  final Map<String, Object> init;

  public MockWalk(FakeOverlay overlay, Map<String, Object> init) {
    super(overlay);
    this.init = init;
  }

  @Override
  public void takeStep() {}
}

package org.jipv8.api.loader;

import org.jipv8.api.community.Overlay;
import org.jipv8.api.discovery.AbstractDiscoveryStrategy;

/** A strategy without keyword arguments, for any overlay. */
public class MockWalk2 extends AbstractDiscoveryStrategy<Overlay> {
  public MockWalk2(Overlay overlay) {
    super(overlay);
  }

  @Override
  public void takeStep() {}
}

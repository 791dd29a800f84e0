package org.jipv8.api.loader;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.bootstrap.Bootstrapper;
import org.jipv8.api.community.Overlay;
import reactor.core.publisher.Mono;

/** A bootstrapper that finds nothing; remembers its keyword arguments. */
public class MockBootstrapper implements Bootstrapper {
  final Map<String, Object> init;

  public MockBootstrapper(Map<String, Object> init) {
    this.init = init;
  }

  @Override
  public boolean isInitialized() {
    return false;
  }

  @Override
  public Mono<Boolean> initialize(Overlay overlay) {
    return Mono.just(true);
  }

  @Override
  public Mono<List<Address>> getAddresses(Overlay overlay, Duration timeout) {
    return Mono.just(List.of());
  }

  @Override
  public void keepAlive(Overlay overlay) {}

  @Override
  public List<Address> blacklist() {
    return List.of();
  }

  @Override
  public Mono<Void> unload() {
    return Mono.empty();
  }
}

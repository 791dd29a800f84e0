package org.jipv8.api.discovery;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jipv8.api.community.Overlay;

/**
 * Convenience base: holds the overlay and the walk lock, so a custom strategy is just its {@code
 * takeStep()}.
 *
 * <pre>{@code
 * class AskEveryone extends AbstractDiscoveryStrategy<MyCommunity> {
 *   AskEveryone(MyCommunity c) { super(c); }
 *   public void takeStep() {
 *     withWalkLock(() -> overlay.getPeers().forEach(p -> overlay.getNewIntroduction(p)));
 *   }
 * }
 * }</pre>
 *
 * @param <O> the overlay type the strategy works on
 */
public abstract class AbstractDiscoveryStrategy<O extends Overlay> implements DiscoveryStrategy {

  /** The overlay, possibly null. */
  protected final O overlay;

  private final ReentrantLock walkLock = new ReentrantLock();

  protected AbstractDiscoveryStrategy(O overlay) {
    this.overlay = overlay;
  }

  @Override
  public O overlay() {
    return overlay;
  }

  @Override
  public Lock walkLock() {
    return walkLock;
  }

  /** Runs {@code body} holding the walk lock. */
  protected final void withWalkLock(Runnable body) {
    walkLock.lock();
    try {
      body.run();
    } finally {
      walkLock.unlock();
    }
  }
}

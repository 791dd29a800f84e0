package org.jipv8.api.peer;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Which thread may change a piece of node state (the node's protocol thread), checked by the
 * mutators of {@link Peer} and of the engine's peer bookkeeping with {@code assert
 * confinement.check("operation")}, so a call from the wrong thread fails loudly in every test run
 * (assertions on) and costs nothing in production.
 *
 * <p>{@link #NONE} checks nothing: state not (yet) bound to a node, as in plain unit tests, which
 * drive it from one thread. Bind with {@link #toThread} once the protocol thread is known, or with
 * {@link #of} for a custom rule (for instance "inside the virtual-time scheduler").
 *
 * <p>Immutable and thread-safe.
 */
public final class ThreadConfinement {

  /** Not bound: every thread counts as the owner. */
  public static final ThreadConfinement NONE =
      new ThreadConfinement(() -> true, "any thread", false);

  private final BooleanSupplier isOwner;
  private final String owner;
  private final boolean bound;

  private ThreadConfinement(BooleanSupplier isOwner, String owner, boolean bound) {
    this.isOwner = isOwner;
    this.owner = owner;
    this.bound = bound;
  }

  /** Confined to {@code thread}. */
  public static ThreadConfinement toThread(Thread thread) {
    Objects.requireNonNull(thread, "thread");
    return new ThreadConfinement(
        () -> Thread.currentThread() == thread, "thread " + thread.getName(), true);
  }

  /** Confined to the threads for which {@code isOwner} answers true, described as {@code owner}. */
  public static ThreadConfinement of(BooleanSupplier isOwner, String owner) {
    return new ThreadConfinement(
        Objects.requireNonNull(isOwner, "isOwner"), Objects.requireNonNull(owner, "owner"), true);
  }

  /** Whether a rule is in force (false for {@link #NONE}). */
  public boolean isBound() {
    return bound;
  }

  /** Whether the calling thread may change the state. */
  public boolean isOwner() {
    return isOwner.getAsBoolean();
  }

  /**
   * True when the calling thread may change the state; otherwise throws, naming the operation, the
   * owner and the caller. Meant for {@code assert}.
   *
   * @throws IllegalStateException when called off the owner thread
   */
  public boolean check(String operation) {
    if (!isOwner.getAsBoolean()) {
      throw new IllegalStateException(
          operation
              + " must run on "
              + owner
              + " (the node's protocol thread), was called on "
              + Thread.currentThread().getName());
    }
    return true;
  }

  @Override
  public String toString() {
    return "ThreadConfinement[" + owner + "]";
  }
}

package org.jipv8.examples.bench;

import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;

/**
 * The receiver's community: one unsigned and one signed custom message whose handlers do nothing,
 * so the bench measures the engine's receive path (the community statistics count what was
 * handled). Introduction-requests are answered by the base community as always.
 */
public final class BenchCommunity extends Community {
  /** "jipv8 bench community" in 20 bytes. */
  public static final CommunityId ID =
      CommunityId.fromHex("6a697076382062656e636820636f6d6d756e6974");

  /** The message id of {@link Unsigned}. */
  public static final int UNSIGNED_ID = 1;

  /** The message id of {@link Signed}. */
  public static final int SIGNED_ID = 2;

  /** The message id of an introduction-request. */
  public static final int INTRO_REQUEST_ID = 246;

  /** An unsigned message: a sequence number and an opaque body. */
  @Message(id = UNSIGNED_ID, signed = false)
  public record Unsigned(@Format("Q") long sequence, @Format("raw") byte[] body) {}

  /** A signed message: a sequence number and an opaque body. */
  @Message(id = SIGNED_ID)
  public record Signed(@Format("Q") long sequence, @Format("raw") byte[] body) {}

  public BenchCommunity(CommunitySettings settings) {
    super(ID, settings);
    addUnsignedHandler(Unsigned.class, (source, m) -> {});
    addHandler(Signed.class, (peer, m) -> {});
  }
}

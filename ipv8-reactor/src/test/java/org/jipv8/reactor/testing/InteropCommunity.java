package org.jipv8.reactor.testing;

import java.util.ArrayList;
import java.util.List;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;

/**
 * The interop test community of the vectors (id {@code ac51fe0d...}, shared/interop/README.md): a
 * signed message (id 1) and an unsigned one (id 2), each {@code varlenH text, Q counter} after the
 * global time. Received messages are recorded; {@link #failNextSigned()} makes the next signed
 * handler call throw.
 */
public class InteropCommunity extends Community {
  /** The community id of the vectors' custom community. */
  public static final CommunityId ID =
      CommunityId.fromHex("ac51fe0d7cb94ec44d6d6ae675da1bdcd710744b");

  /** Signed interop message. */
  @Message(id = 1)
  public record Signed(@Format("varlenH") String text, @Format("Q") long counter) {}

  /** Unsigned interop message. */
  @Message(id = 2, signed = false)
  public record Unsigned(@Format("varlenH") String text, @Format("Q") long counter) {}

  /** A signed message and who sent it. */
  public record FromPeer(Peer peer, Signed message) {}

  /** An unsigned message and where it came from. */
  public record FromAddress(Address source, Unsigned message) {}

  private final List<FromPeer> signed = new ArrayList<>();
  private final List<FromAddress> unsigned = new ArrayList<>();
  private boolean failNext;

  /** The community with node settings. */
  public InteropCommunity(CommunitySettings settings) {
    super(ID, settings);
    addHandler(Signed.class, this::onSigned);
    addUnsignedHandler(Unsigned.class, (source, m) -> unsigned.add(new FromAddress(source, m)));
  }

  private void onSigned(Peer peer, Signed message) {
    if (failNext) {
      failNext = false;
      throw new IllegalStateException("handler failure requested by the test");
    }
    signed.add(new FromPeer(peer, message));
  }

  /** Makes the next signed handler call throw. */
  public void failNextSigned() {
    failNext = true;
  }

  /** Signed messages received, in order. */
  public List<FromPeer> signedReceived() {
    return List.copyOf(signed);
  }

  /** Unsigned messages received, in order. */
  public List<FromAddress> unsignedReceived() {
    return List.copyOf(unsigned);
  }
}

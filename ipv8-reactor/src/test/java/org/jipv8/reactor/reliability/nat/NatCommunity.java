package org.jipv8.reactor.reliability.nat;

import java.util.function.Consumer;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.Received;

/** The community of the NAT lab: one signed greeting; each one received is reported. */
public final class NatCommunity extends Community {
  /** The lab's community id. */
  public static final CommunityId ID =
      CommunityId.fromHex("4e41542d6c61622d6a69707638000000000000aa");

  /** A signed greeting. */
  @Message(id = 1)
  public record Hello(@Format("varlenHutf8") String text) {}

  private volatile Consumer<Received<Hello>> listener = r -> {};

  /** The community with node settings. */
  public NatCommunity(CommunitySettings settings) {
    super(ID, settings);
    addReceivedHandler(Hello.class, r -> listener.accept(r));
  }

  /** Where greetings go (on the protocol thread). */
  public void onHello(Consumer<Received<Hello>> listener) {
    this.listener = listener;
  }
}

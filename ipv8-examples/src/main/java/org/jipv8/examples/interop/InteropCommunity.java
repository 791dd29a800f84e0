package org.jipv8.examples.interop;

import java.util.function.Consumer;
import org.jipv8.api.address.Address;
import org.jipv8.api.community.CommunityId;
import org.jipv8.api.messaging.Format;
import org.jipv8.api.messaging.Message;
import org.jipv8.reactor.community.Community;
import org.jipv8.reactor.community.CommunitySettings;
import org.jipv8.reactor.community.Received;

/**
 * The interop test community (shared/interop/README.md) that Java nodes and py-ipv8 3.1 nodes run
 * together: message 1 is signed, message 2 unsigned, both {@code global time, varlenH text, Q
 * counter}. Received messages raise the node's Lamport clock and are reported to a listener; with
 * echo on, a signed message whose text does not start with {@code echo:} is answered with a signed
 * {@code "echo:" + text} and {@code counter + 1}, sent to the UDP source address.
 */
public class InteropCommunity extends Community {
  /** ASCII "interop-test-commnty". */
  public static final CommunityId DEFAULT_ID =
      CommunityId.fromHex("696e7465726f702d746573742d636f6d6d6e7479");

  /** Message 1: signed. */
  @Message(id = 1)
  public record SignedText(@Format("varlenH") String text, @Format("Q") long counter) {}

  /** Message 2: unsigned. */
  @Message(id = 2, signed = false)
  public record UnsignedText(@Format("varlenH") String text, @Format("Q") long counter) {}

  /**
   * A received interop message.
   *
   * @param signed whether it was message 1
   * @param received the message with its sender and global time
   */
  public record Event(boolean signed, Received<?> received, String text, long counter) {}

  private final boolean echo;
  private volatile Consumer<Event> listener = e -> {};

  /** The community under {@code id}; {@code echo} turns on the echo rule. */
  public InteropCommunity(CommunityId id, CommunitySettings settings, boolean echo) {
    super(id, settings);
    this.echo = echo;
    addReceivedHandler(SignedText.class, this::onSigned);
    addReceivedHandler(UnsignedText.class, this::onUnsigned);
  }

  /** The default community id, no echo. */
  public InteropCommunity(CommunitySettings settings) {
    this(DEFAULT_ID, settings, false);
  }

  /** Where received messages are reported (on the protocol thread). */
  public void onMessage(Consumer<Event> listener) {
    this.listener = listener;
  }

  private void onSigned(Received<SignedText> r) {
    myPeer().updateClock(r.globalTime());
    listener.accept(new Event(true, r, r.payload().text(), r.payload().counter()));
    EchoRule.reply(r.payload().text(), r.payload().counter())
        .filter(reply -> echo)
        .ifPresent(reply -> sendSigned(r.source(), reply));
  }

  private void onUnsigned(Received<UnsignedText> r) {
    myPeer().updateClock(r.globalTime());
    listener.accept(new Event(false, r, r.payload().text(), r.payload().counter()));
  }

  /** Sends message 1 to {@code address}. */
  public void sendSigned(Address address, SignedText message) {
    sendNow(address, message);
  }

  /** Sends message 2 to {@code address}. */
  public void sendUnsigned(Address address, UnsignedText message) {
    sendNow(address, message);
  }
}

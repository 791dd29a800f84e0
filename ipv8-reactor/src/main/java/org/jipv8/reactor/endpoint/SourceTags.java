package org.jipv8.reactor.endpoint;

import java.net.InetSocketAddress;
import java.util.function.Function;
import org.jipv8.api.address.Address;

/**
 * The {@link Address} of a datagram's sender, remembered for recent senders: building one formats
 * the IP as text, which per datagram cost more than the rest of the endpoint's own work under
 * flood, while the senders of a burst are few. A direct-mapped table of {@value #SIZE} entries,
 * keyed by the socket address (equal IP and port), so a hit allocates nothing and a collision only
 * costs the formatting it saves otherwise.
 *
 * <p>Threading: the receive thread (one event loop) only.
 */
final class SourceTags implements Function<InetSocketAddress, Address> {
  static final int SIZE = 256;

  private final Function<InetSocketAddress, Address> tag;
  private final InetSocketAddress[] keys = new InetSocketAddress[SIZE];
  private final Address[] values = new Address[SIZE];

  SourceTags(Function<InetSocketAddress, Address> tag) {
    this.tag = tag;
  }

  @Override
  public Address apply(InetSocketAddress sender) {
    int h = sender.hashCode();
    int slot = (h ^ (h >>> 16)) & (SIZE - 1);
    InetSocketAddress known = keys[slot];
    if (known != null && known.equals(sender)) {
      return values[slot];
    }
    Address address = tag.apply(sender);
    keys[slot] = sender;
    values[slot] = address;
    return address;
  }
}

package org.jipv8.reactor.endpoint;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jipv8.api.address.Address;
import org.jipv8.api.endpoint.Datagram;
import org.jipv8.api.endpoint.ReceiveAdmission;
import org.jipv8.api.messaging.DropReason;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive side of a socket, in the order a datagram meets it: counted as received, asked about
 * by the installed {@link ReceiveAdmission} while it is still in Netty's buffer (a refusal is
 * counted under its reason and costs no copy), then copied into a fresh {@code byte[]} and handed
 * to the {@link DatagramFanOut}; the end of each read loop of the socket ends a run of datagrams
 * ({@link #endOfRead}). The copy is what makes the hop to the protocol thread safe: the datagram
 * outlives the read callback, while Netty recycles its buffer the moment it is released.
 *
 * <p>Threading: {@link #onDatagram} and {@link #endOfRead} on the event loop only; {@link
 * #admission} from any thread.
 */
final class InboundPath {
  private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);

  private final EndpointCounters counters;
  private final DatagramFanOut fanOut;
  private final BooleanSupplier open;
  private final Function<InetSocketAddress, Address> tag;
  private volatile ReceiveAdmission admission = ReceiveAdmission.ADMIT_ALL;

  InboundPath(
      EndpointCounters counters,
      DatagramFanOut fanOut,
      BooleanSupplier open,
      Function<InetSocketAddress, Address> tag) {
    this.counters = counters;
    this.fanOut = fanOut;
    this.open = open;
    this.tag = new SourceTags(tag);
  }

  void admission(ReceiveAdmission next) {
    this.admission = Objects.requireNonNull(next, "admission");
  }

  /** The read pause of one channel, asking this path's admission whether there is room again. */
  ReadPause pauseFor(Channel channel) {
    return new ReadPause(channel, this::hasRoomFor, counters);
  }

  private boolean hasRoomFor(ByteBuffer refused) {
    return admission.hasRoomFor(refused);
  }

  /**
   * A datagram arrived. Event loop only; the caller releases {@code content}.
   *
   * @return why the admission refused it, or null when it was admitted (or dropped for another
   *     reason than the admission)
   */
  @Nullable DropReason onDatagram(InetSocketAddress sender, ByteBuf content) {
    if (!open.getAsBoolean()) {
      counters.recordDrop(DropReason.ENDPOINT_CLOSED);
      return null;
    }
    int length = content.readableBytes();
    counters.recordReceived(length);
    ReceiveAdmission check = admission;
    if (check != ReceiveAdmission.ADMIT_ALL) {
      DropReason refused = ask(check, content, length);
      if (refused != null) {
        counters.recordDrop(refused);
        return refused;
      }
    }
    byte[] data = new byte[length];
    content.getBytes(content.readerIndex(), data);
    try {
      fanOut.publish(new Datagram(tag.apply(sender), data));
    } catch (RuntimeException e) {
      // A subscriber threw out of onNext; keep the socket and the other subscribers alive.
      counters.recordDrop(DropReason.HANDLER_ERROR);
      LOG.warn("a receive() subscriber threw; datagram dropped", e);
    }
    return null;
  }

  /** The socket's read loop ended: the datagrams published since the last one form a run. */
  void endOfRead() {
    try {
      fanOut.endOfBurst();
    } catch (RuntimeException e) {
      counters.recordDrop(DropReason.HANDLER_ERROR);
      LOG.warn("a receiveBursts() subscriber threw; its run of datagrams was dropped", e);
    }
  }

  private static @Nullable DropReason ask(ReceiveAdmission check, ByteBuf content, int length) {
    // A view of Netty's memory, not a copy; read-only so the check cannot change the datagram.
    ByteBuffer view = content.nioBuffer(content.readerIndex(), length).asReadOnlyBuffer();
    try {
      return check.admit(view);
    } catch (RuntimeException e) {
      LOG.debug("a receive admission threw; datagram admitted", e);
      return null;
    }
  }
}

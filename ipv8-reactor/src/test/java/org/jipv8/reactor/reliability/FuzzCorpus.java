package org.jipv8.reactor.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jipv8.api.address.Address;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.messaging.Bits;
import org.jipv8.reactor.community.DiscoveryCommunity;
import org.jipv8.reactor.messaging.Packets;
import org.jipv8.reactor.messaging.payload.IntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.NewIntroductionRequestPayload;
import org.jipv8.reactor.messaging.payload.NewPunctureRequestPayload;
import org.jipv8.reactor.messaging.payload.PunctureRequestPayload;
import org.jipv8.reactor.testing.InteropCommunity;
import org.jipv8.reactor.testing.VectorIdentities;
import org.jipv8.reactor.testing.Vectors;

/**
 * The seeds of the receive-path fuzzer: every {@code packet_hex} of the py-ipv8 vectors, plus
 * packets built here that are valid except for one extreme value (global times 2^63 and 2^64-1,
 * identifiers 0 and 65535), signed with vector keys so that they pass verification.
 */
final class FuzzCorpus {
  static final String[] FILES = {
    "malformed.json", "signed_message.json", "discovery.json", "dht.json"
  };

  /** Global times at the edges of a u64: the ones that once stopped a walk among them. */
  static final long[] EXTREME_TIMES = {
    0L, 1L, 0xFFFFL, 0x10000L, Long.MAX_VALUE, Long.MIN_VALUE, -2L, -1L
  };

  private FuzzCorpus() {}

  /** The prefixes the node under test listens on. */
  static List<byte[]> prefixes() {
    return List.of(InteropCommunity.ID.prefix(), DiscoveryCommunity.COMMUNITY_ID.prefix());
  }

  /** Every vector packet and the generated edge-value packets. */
  static List<byte[]> seeds() {
    List<byte[]> out = new ArrayList<>();
    for (String f : FILES) {
      collect(Vectors.load(f), out);
    }
    out.addAll(generated());
    return out;
  }

  private static void collect(JsonNode node, List<byte[]> out) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().equals("packet_hex") && e.getValue().isTextual()) {
        out.add(Vectors.hex(e.getValue()));
      } else {
        collect(e.getValue(), out);
      }
    }
  }

  private static List<byte[]> generated() {
    PrivateKey a = VectorIdentities.nodeKey("A");
    byte[] interop = InteropCommunity.ID.prefix();
    byte[] discovery = DiscoveryCommunity.COMMUNITY_ID.prefix();
    Address me = VectorIdentities.wan("B");
    Address lan = VectorIdentities.lan("A");
    Address wan = VectorIdentities.wan("A");
    List<byte[]> out = new ArrayList<>();
    for (long t : EXTREME_TIMES) {
      out.add(Packets.encode(interop, new InteropCommunity.Signed("edge", t), a, t));
      out.add(Packets.encode(interop, new InteropCommunity.Unsigned("edge", t), null, t));
      for (int id : new int[] {0, 65535}) {
        out.add(
            Packets.encode(
                discovery,
                new IntroductionRequestPayload(
                    me, lan, wan, new Bits(IntroductionRequestPayload.ADVICE), id, new byte[0]),
                a,
                t));
        out.add(
            Packets.encode(
                interop,
                new NewIntroductionRequestPayload(me, lan, wan, id, Bits.NONE, new byte[0]),
                a,
                t));
        out.add(Packets.encode(discovery, new PunctureRequestPayload(lan, wan, id), null, t));
        out.add(
            Packets.encode(
                interop, new NewPunctureRequestPayload(Address.ipv6("::1", 1), wan, id), null, t));
      }
    }
    return out;
  }
}

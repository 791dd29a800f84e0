package org.jipv8.reactor.dht;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;

/**
 * The tokens this node hands out in find-responses and expects back in store-requests and
 * store-peer-requests: SHA-1 of {@code "Peer<ip:port, base64(mid)>"} (the requester as seen here)
 * followed by a 16-byte secret. The secret is renewed by {@link #rotate}; tokens made with the
 * current or the previous secret are accepted. (py-ipv8 makes them the same way; a token is opaque
 * to everyone but its issuer.) Confined to the protocol thread.
 */
final class TokenIssuer {
  private static final int SECRETS_KEPT = 2;

  private final ArrayDeque<byte[]> secrets = new ArrayDeque<>(SECRETS_KEPT);

  /** Starts using {@code secret}; the oldest of more than two secrets is forgotten. */
  void rotate(byte[] secret) {
    if (secrets.size() == SECRETS_KEPT) {
      secrets.removeFirst();
    }
    secrets.addLast(secret.clone());
  }

  /** The token for {@code node} under the current secret. */
  byte[] generate(Node node) {
    if (secrets.isEmpty()) {
      throw new IllegalStateException("no token secret yet");
    }
    return token(node, secrets.peekLast());
  }

  /** Whether {@code token} is {@code node}'s under the current or the previous secret. */
  boolean check(Node node, byte[] token) {
    for (byte[] secret : secrets) {
      if (MessageDigest.isEqual(token(node, secret), token)) {
        return true;
      }
    }
    return false;
  }

  static String describe(Node node) {
    return "Peer<"
        + node.address().host()
        + ":"
        + node.address().port()
        + ", "
        + Base64.getEncoder().encodeToString(node.midRef())
        + ">";
  }

  private static byte[] token(Node node, byte[] secret) {
    byte[] text = describe(node).getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[text.length + secret.length];
    System.arraycopy(text, 0, input, 0, text.length);
    System.arraycopy(secret, 0, input, text.length, secret.length);
    return DhtValues.sha1(input);
  }
}

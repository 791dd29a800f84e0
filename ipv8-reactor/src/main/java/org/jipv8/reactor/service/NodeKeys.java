package org.jipv8.reactor.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jipv8.api.config.ConfigurationException;
import org.jipv8.api.config.Ipv8Configuration;
import org.jipv8.api.config.KeyConfig;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.peer.Peer;
import org.jipv8.reactor.crypto.KeyFile;
import org.jipv8.reactor.crypto.Keys;

/**
 * The identities of a node being built. Keys are loaded or made in memory first; the files of new
 * keys are written by {@link #save()} only once the whole node was built, so that a configuration
 * that fails leaves no key file behind.
 */
final class NodeKeys {
  private record PendingFile(String path, Path file, String alias, PrivateKey key) {}

  private final Map<String, Peer> peers;
  private final List<PendingFile> pending;

  private NodeKeys(Map<String, Peer> peers, List<PendingFile> pending) {
    this.peers = Collections.unmodifiableMap(peers);
    this.pending = pending;
  }

  static NodeKeys load(Ipv8Configuration cfg, LongSupplier clock) {
    Map<String, Peer> peers = new LinkedHashMap<>();
    List<PendingFile> pending = new ArrayList<>();
    for (int i = 0; i < cfg.keys().size(); i++) {
      KeyConfig kc = cfg.keys().get(i);
      String path = "keys[" + i + "]";
      PrivateKey key;
      try {
        Path file = kc.file() == null || kc.file().isEmpty() ? null : Path.of(kc.file());
        if (file != null && Files.exists(file)) {
          key = KeyFile.load(file);
        } else {
          if (kc.bin() != null) {
            key = Keys.privateFromBin(Base64.getDecoder().decode(kc.bin()));
          } else {
            key = Keys.generate(kc.generation() != null ? kc.generation() : KeyType.CURVE25519);
          }
          if (file != null) {
            pending.add(new PendingFile(path, file, kc.alias(), key));
          }
        }
      } catch (RuntimeException e) {
        throw keyError(path, kc.alias(), e);
      }
      peers.put(kc.alias(), Peer.own(key, clock));
    }
    return new NodeKeys(peers, pending);
  }

  /** Identities by alias, in configuration order. */
  Map<String, Peer> peers() {
    return peers;
  }

  /** Writes the files of keys that were made new (py-ipv8 saves a generated key to its file). */
  void save() {
    for (PendingFile p : pending) {
      try {
        KeyFile.save(p.file(), p.key());
      } catch (RuntimeException e) {
        throw keyError(p.path(), p.alias(), e);
      }
    }
  }

  private static ConfigurationException keyError(String path, String alias, RuntimeException e) {
    return new ConfigurationException(
        path,
        "cannot load or create key '" + alias + "': " + e.getMessage(),
        "point 'file' at a key file in py-ipv8 format, or give 'bin' (base64) or 'generation'",
        e);
  }
}

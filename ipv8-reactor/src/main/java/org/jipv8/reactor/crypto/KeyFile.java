package org.jipv8.reactor.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.jipv8.api.keys.InvalidKeyException;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;

/**
 * Key files in py-ipv8's format: the raw private key bytes ({@code LibNaCLSK:...} for curve25519,
 * DER for EC keys), despite py-ipv8's default name {@code ec_multichain.pem}. One identity can
 * therefore move between py-ipv8 and jipv8 by copying the file.
 */
public final class KeyFile {
  private KeyFile() {}

  /**
   * Reads a key file.
   *
   * @throws UncheckedIOException naming the path when it cannot be read
   * @throws InvalidKeyException naming the path when its content is not a private key
   */
  public static PrivateKey load(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read key file " + path + ": " + e.getMessage(), e);
    }
    try {
      return Keys.privateFromBin(bytes);
    } catch (InvalidKeyException e) {
      throw new InvalidKeyException(
          "key file " + path + " holds no private key: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a key file atomically, readable by the owner only where the file system supports POSIX
   * permissions; creates missing parent directories.
   */
  public static void save(Path path, PrivateKey key) {
    Objects.requireNonNull(key, "key");
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = Files.createTempFile(parent, ".key", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.write(tmp, key.toPrivateBin());
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Loads the key at {@code path}, or generates one of {@code type} and writes it there. */
  public static PrivateKey loadOrCreate(Path path, KeyType type) {
    if (Files.exists(path)) {
      return load(path);
    }
    PrivateKey key = Keys.generate(type);
    save(path, key);
    return key;
  }
}

package org.jipv8.api.config;

import java.util.Base64;
import org.jipv8.api.keys.KeyType;

/**
 * One identity: an entry of {@code keys}, written {@code {"alias": "anonymous id", "generation":
 * "curve25519", "file": "ec_multichain.pem"}} or {@code {"alias": ..., "bin": "<base64>", "file":
 * ""}}.
 *
 * <p>How the engine obtains the key (py-ipv8's rule): a non-empty {@code file} that exists is read;
 * otherwise the key is decoded from {@code bin}, or else generated with {@code generation}, and
 * then written to {@code file} if that is non-empty. File paths are relative to the process working
 * directory, not to {@code working_directory}.
 *
 * <p>A missing {@code file} is read as {@code ""}. py-ipv8's service needs the key present, so it
 * is always written; files written here therefore load in py-ipv8 too.
 *
 * <p>The constructor throws {@link ConfigurationException} when the alias is empty, {@code bin} is
 * not base64, or none of file, bin and generation is given (paths relative to the entry).
 *
 * @param alias the name overlays refer to (file key {@code alias}); not empty
 * @param generation the key type to generate, or null (file key {@code generation})
 * @param file where the private key is kept, or {@code ""} for none (file key {@code file})
 * @param bin the private key as standard base64, or null (file key {@code bin})
 */
public record KeyConfig(String alias, KeyType generation, String file, String bin) {

  public KeyConfig {
    if (alias == null || alias.isEmpty()) {
      throw new ConfigurationException(
          "alias", "missing or empty", "give the name that overlays use in their \"key\"");
    }
    file = file == null ? "" : file;
    if (bin != null) {
      try {
        Base64.getDecoder().decode(bin);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "bin",
            "is not valid base64 (" + e.getMessage() + ")",
            "give the private key bytes in standard base64, as py-ipv8's key_to_bin() + b64encode",
            e);
      }
    }
    if (generation == null && bin == null && file.isEmpty()) {
      throw new ConfigurationException(
          "",
          "key '" + alias + "' has no source",
          "give one of generation (curve25519, very-low, low, medium, high), bin (base64 private"
              + " key) or file (path of a key file)");
    }
  }

  /** A key generated with {@code generation} and kept in {@code file} ("" for none). */
  public static KeyConfig generated(String alias, KeyType generation, String file) {
    return new KeyConfig(alias, generation, file, null);
  }

  /** A key given as base64 private key material, optionally kept in {@code file}. */
  public static KeyConfig fromBin(String alias, String base64, String file) {
    return new KeyConfig(alias, null, file, base64);
  }

  /** The decoded {@code bin}, or null when there is none. */
  public byte[] binBytes() {
    return bin == null ? null : Base64.getDecoder().decode(bin);
  }

  /** Keeps the private key material out of logs. */
  @Override
  public String toString() {
    return "KeyConfig[alias="
        + alias
        + ", generation="
        + (generation == null ? null : generation.configName())
        + ", file="
        + file
        + ", bin="
        + (bin == null ? null : "<" + bin.length() + " base64 chars>")
        + "]";
  }
}

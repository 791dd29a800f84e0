package org.jipv8.reactor.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.jipv8.api.keys.InvalidKeyException;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PublicKey;

/**
 * An EC ("M2Crypto") public key: DER SubjectPublicKeyInfo with a named curve and an uncompressed
 * point. Signatures are ECDSA over SHA-1, encoded {@code r||s} with field-sized halves.
 *
 * <p>Only DER that re-encodes to the same bytes is accepted, so an identity has one encoding.
 */
final class EcPublicKey implements PublicKey {
  private final EcCurve curve;
  private final ECPublicKeyParameters params;
  private final byte[] bin;
  private final byte[] mid;

  EcPublicKey(EcCurve curve, ECPoint point) {
    this.curve = curve;
    this.params = new ECPublicKeyParameters(point.normalize(), curve.domain());
    this.bin = encode(curve.oid(), params.getQ());
    this.mid = Digests.sha1(bin);
  }

  private static byte[] encode(ASN1ObjectIdentifier oid, ECPoint q) {
    try {
      return new SubjectPublicKeyInfo(
              new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, oid), q.getEncoded(false))
          .getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of an EC public key failed", e);
    }
  }

  static EcPublicKey fromDer(byte[] der) {
    EcPublicKey key;
    try {
      SubjectPublicKeyInfo info =
          SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
      if (!X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())) {
        throw new InvalidKeyException(
            "not an EC public key: algorithm " + info.getAlgorithm().getAlgorithm());
      }
      if (!(info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid)) {
        throw new InvalidKeyException("not a named-curve EC public key (explicit parameters)");
      }
      EcCurve curve = EcCurve.byOid(oid);
      ECPoint q = curve.domain().getCurve().decodePoint(info.getPublicKeyData().getBytes());
      if (q.isInfinity() || !q.isValid()) {
        throw new InvalidKeyException("not a valid EC public key: point not on " + curve.name());
      }
      key = new EcPublicKey(curve, q);
    } catch (InvalidKeyException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidKeyException(
          "not an EC public key (DER SubjectPublicKeyInfo expected): " + e.getMessage(), e);
    }
    if (!Arrays.equals(key.bin, der)) {
      throw new InvalidKeyException(
          "not a canonical EC public key: DER must use a named curve and an uncompressed point");
    }
    return key;
  }

  EcCurve curve() {
    return curve;
  }

  ECPublicKeyParameters parameters() {
    return params;
  }

  @Override
  public KeyType type() {
    for (KeyType t : KeyType.values()) {
      if (curve.name().equals(t.curve())) {
        return t;
      }
    }
    // Any other named curve is accepted on receive; report it under the closest family name.
    return KeyType.HIGH;
  }

  @Override
  public byte[] toBin() {
    return bin.clone();
  }

  @Override
  public byte[] mid() {
    return mid.clone();
  }

  @Override
  public int signatureLength() {
    return curve.signatureLength();
  }

  @Override
  public boolean verify(
      byte[] message, int offset, int length, byte[] signature, int signatureOffset) {
    int sigLen = signatureLength();
    if (signatureOffset < 0
        || signature.length - signatureOffset < sigLen
        || offset < 0
        || length < 0
        || message.length - offset < length) {
      return false;
    }
    int half = sigLen / 2;
    BigInteger r =
        new BigInteger(1, Arrays.copyOfRange(signature, signatureOffset, signatureOffset + half));
    BigInteger s =
        new BigInteger(
            1, Arrays.copyOfRange(signature, signatureOffset + half, signatureOffset + sigLen));
    if (r.signum() == 0 || s.signum() == 0) {
      return false;
    }
    SHA1Digest digest = new SHA1Digest();
    digest.update(message, offset, length);
    byte[] hash = new byte[digest.getDigestSize()];
    digest.doFinal(hash, 0);
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, params);
    try {
      return verifier.verifySignature(hash, r, s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcPublicKey other && Arrays.equals(bin, other.bin);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bin);
  }

  @Override
  public String toString() {
    return "EcPublicKey[" + curve.name() + ", mid=" + java.util.HexFormat.of().formatHex(mid) + "]";
  }
}

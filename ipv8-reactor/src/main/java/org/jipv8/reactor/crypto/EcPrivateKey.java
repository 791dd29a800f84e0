package org.jipv8.reactor.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.jipv8.api.keys.InvalidKeyException;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;

/**
 * An EC ("M2Crypto") private key, stored as DER SEC1 ECPrivateKey (OpenSSL's "traditional" format)
 * with the named curve and the public point. Signs ECDSA-SHA1 with deterministic nonces (RFC 6979);
 * py-ipv8 uses random nonces, which verifiers cannot tell apart.
 */
final class EcPrivateKey implements PrivateKey {
  private final EcCurve curve;
  private final ECPrivateKeyParameters params;
  private final EcPublicKey publicKey;
  private final byte[] bin;

  private EcPrivateKey(EcCurve curve, BigInteger d, ECPoint q) {
    this.curve = curve;
    this.params = new ECPrivateKeyParameters(d, curve.domain());
    this.publicKey = new EcPublicKey(curve, q);
    this.bin = encode(curve, d, publicKey.parameters().getQ());
  }

  private static byte[] encode(EcCurve curve, BigInteger d, ECPoint q) {
    try {
      int orderBits = curve.domain().getN().bitLength();
      return new org.bouncycastle.asn1.sec.ECPrivateKey(
              orderBits, d, new DERBitString(q.getEncoded(false)), curve.oid())
          .getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of an EC private key failed", e);
    }
  }

  static EcPrivateKey generate(EcCurve curve, SecureRandom random) {
    ECKeyPairGenerator gen = new ECKeyPairGenerator();
    gen.init(new ECKeyGenerationParameters(curve.domain(), random));
    AsymmetricCipherKeyPair pair = gen.generateKeyPair();
    BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
    ECPoint q = ((ECPublicKeyParameters) pair.getPublic()).getQ();
    return new EcPrivateKey(curve, d, q);
  }

  static EcPrivateKey fromDer(byte[] der) {
    try {
      org.bouncycastle.asn1.sec.ECPrivateKey asn =
          org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
      if (!(asn.getParametersObject() instanceof ASN1ObjectIdentifier oid)) {
        throw new InvalidKeyException("not a named-curve EC private key (curve OID missing)");
      }
      EcCurve curve = EcCurve.byOid(oid);
      BigInteger d = asn.getKey();
      if (d.signum() <= 0 || d.compareTo(curve.domain().getN()) >= 0) {
        throw new InvalidKeyException("not a valid EC private key for " + curve.name());
      }
      ECPoint q = new FixedPointCombMultiplier().multiply(curve.domain().getG(), d);
      return new EcPrivateKey(curve, d, q);
    } catch (InvalidKeyException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidKeyException(
          "not an EC private key (DER SEC1 ECPrivateKey expected): " + e.getMessage(), e);
    }
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] toPrivateBin() {
    return bin.clone();
  }

  @Override
  public byte[] sign(byte[] message, int offset, int length) {
    SHA1Digest digest = new SHA1Digest();
    digest.update(message, offset, length);
    byte[] hash = new byte[digest.getDigestSize()];
    digest.doFinal(hash, 0);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA1Digest()));
    signer.init(true, params);
    BigInteger[] rs = signer.generateSignature(hash);
    int half = curve.halfLength();
    byte[] out = new byte[2 * half];
    BigIntegers.asUnsignedByteArray(rs[0], out, 0, half);
    BigIntegers.asUnsignedByteArray(rs[1], out, half, half);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcPrivateKey other && Arrays.equals(bin, other.bin);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bin);
  }

  @Override
  public String toString() {
    return "EcPrivateKey[public=" + publicKey + "]";
  }
}

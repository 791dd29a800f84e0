package org.jipv8.reactor.crypto;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.jipv8.api.keys.InvalidKeyException;

/**
 * A named EC curve with the one size IPv8 cares about: the length of each half of an {@code r||s}
 * signature, which py-ipv8 derives from the FIELD size, not the group order (sect233k1 gives
 * 30-byte halves although its order has 232 bits; Bouncy Castle's plain-ECDSA encoding would use
 * 29).
 */
record EcCurve(String name, ECNamedDomainParameters domain, int halfLength) {

  static EcCurve byName(String name) {
    ASN1ObjectIdentifier oid = ECNamedCurveTable.getOID(name);
    if (oid == null) {
      throw new InvalidKeyException("unknown EC curve '" + name + "'");
    }
    return byOid(oid);
  }

  static EcCurve byOid(ASN1ObjectIdentifier oid) {
    X9ECParameters x9 = ECNamedCurveTable.getByOID(oid);
    if (x9 == null) {
      throw new InvalidKeyException("not a supported EC key: unknown named curve OID " + oid);
    }
    String name = ECNamedCurveTable.getName(oid);
    int fieldBits = x9.getCurve().getFieldSize();
    return new EcCurve(
        name == null ? oid.getId() : name,
        new ECNamedDomainParameters(oid, x9),
        (fieldBits + 7) / 8);
  }

  ASN1ObjectIdentifier oid() {
    return domain.getName();
  }

  int signatureLength() {
    return 2 * halfLength;
  }
}

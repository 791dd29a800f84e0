package org.jipv8.reactor.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jipv8.api.keys.KeyType;
import org.jipv8.api.keys.PrivateKey;
import org.junit.jupiter.api.Test;

class KeyTablesTest {
  @Test
  void aKeyGetsItsTableAtItsFourthVerificationAndStillRejectsWhatIsInvalid() {
    // Other tests in this JVM (simulated networks of many nodes) may hold the whole budget until
    // their keys are collected; the budget itself is tested below with a budget of its own.
    assumeTrue(KeyTables.live() < KeyTables.BUDGET, "the process-wide budget is spent");
    PrivateKey sk = Keys.generate(KeyType.CURVE25519);
    Curve25519PublicKey pk = (Curve25519PublicKey) sk.publicKey();
    byte[] msg = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] sig = sk.sign(msg);
    for (int i = 1; i < KeyTables.AFTER; i++) {
      assertTrue(pk.verify(sig, msg));
      assertFalse(pk.hasPrecomputed(), "no table before verification " + KeyTables.AFTER);
    }
    assertTrue(pk.verify(sig, msg));
    assertTrue(pk.hasPrecomputed());
    byte[] bad = sig.clone();
    bad[40] ^= 1;
    assertFalse(pk.verify(bad, msg));
    assertFalse(pk.verify(sig, "hellO".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertTrue(pk.verify(sig, msg));
  }

  @Test
  void noTableIsBuiltBeyondTheBudgetAndAnUndecodableKeyTakesNone() {
    AtomicInteger live = new AtomicInteger();
    List<Object> owners = new ArrayList<>();
    int built = 0;
    for (int k = 0; k < 5; k++) {
      Object owner = new Object();
      owners.add(owner); // kept reachable, so no table is given back meanwhile
      Curve25519PublicKey pk = (Curve25519PublicKey) Keys.generate(KeyType.CURVE25519).publicKey();
      built += KeyTables.build(owner, pk.ed25519PublicKey(), live, 3) != null ? 1 : 0;
    }
    assertEquals(3, built);
    assertEquals(3, live.get());
    byte[] notAPoint = new byte[32];
    notAPoint[0] = 2; // y = 2 has no x on the curve
    AtomicInteger none = new AtomicInteger();
    assertNull(KeyTables.build(new Object(), notAPoint, none, 3));
    assertEquals(0, none.get());
    assertEquals(5, owners.size());
  }

  @Test
  void retriesComeEveryThousandAndTwentyFourVerifications() {
    assertFalse(KeyTables.due(KeyTables.AFTER - 1));
    assertTrue(KeyTables.due(KeyTables.AFTER));
    assertFalse(KeyTables.due(KeyTables.AFTER + 1));
    assertTrue(KeyTables.due(KeyTables.AFTER + KeyTables.RETRY_EVERY));
  }
}

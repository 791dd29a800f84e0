package org.jipv8.api.peer;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jipv8.api.address.Address;
import org.jipv8.api.address.AddressKind;
import org.jipv8.api.keys.PrivateKey;
import org.jipv8.api.keys.PublicKey;

/**
 * Another node (or this node) in an IPv8 network: a public key plus what we know about how to reach
 * it.
 *
 * <p>Identity is the public key: two peers are equal when their serialised public keys are equal,
 * whatever their addresses. The hash is the first 8 bytes of the mid, as in py-ipv8.
 *
 * <p>Threading: a peer's mutable state (addresses, clock, ping samples) is changed only on the
 * owning node's single protocol thread; reads from other threads see a consistent, possibly stale
 * value.
 */
public final class Peer {
  private static final int MAX_PINGS = 5;
  private static final AddressKind[] PREFERENCE = {
    AddressKind.UDPV6, AddressKind.UDPV4, AddressKind.UNTYPED
  };

  private final PublicKey publicKey;
  private final PrivateKey privateKey;
  private final byte[] keyBin;
  private final byte[] mid;
  private final LongSupplier clock;
  private final Address initialAddress;
  private final long creationTime;
  private final Map<AddressKind, Address> addresses = new EnumMap<>(AddressKind.class);
  private final AtomicLong lamport = new AtomicLong();
  private final ArrayDeque<Double> pings = new ArrayDeque<>(MAX_PINGS);
  private volatile long lastResponse;
  private volatile boolean newStyleIntro;
  private volatile boolean addressFrozen;
  private volatile Address preferred;

  /**
   * A remote peer.
   *
   * @param key its public key
   * @param address where it was seen, or null
   * @param intro true when the peer was learnt of through an introduction (last response 0)
   * @param clock milliseconds clock of the owning node (virtual in tests)
   */
  public Peer(PublicKey key, Address address, boolean intro, LongSupplier clock) {
    this(key, null, address, intro, clock);
  }

  /** A remote peer met directly, on the system clock. */
  public Peer(PublicKey key, Address address) {
    this(key, null, address, true, System::currentTimeMillis);
  }

  /** This node's own identity: holds the private key. */
  public static Peer own(PrivateKey key, LongSupplier clock) {
    return new Peer(key.publicKey(), key, null, true, clock);
  }

  private Peer(
      PublicKey key, PrivateKey privateKey, Address address, boolean intro, LongSupplier clock) {
    this.publicKey = Objects.requireNonNull(key, "key");
    this.privateKey = privateKey;
    this.keyBin = key.toBin();
    this.mid = key.mid();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.creationTime = clock.getAsLong();
    this.lastResponse = intro ? 0 : creationTime;
    this.initialAddress = address;
    if (address != null) {
      addresses.put(address.kind(), address);
    }
    recomputePreferred();
  }

  /** The public key. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The private key when this is one of our own identities, else null. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The serialised public key (a copy). */
  public byte[] publicKeyBin() {
    return keyBin.clone();
  }

  /** The member id, SHA-1 of the public key (a copy). */
  public byte[] mid() {
    return mid.clone();
  }

  /**
   * The preferred address: IPv6, then IPv4, then untyped; else the construction address; else
   * {@link Address#NULL}. LAN hints are never preferred.
   */
  public Address address() {
    return preferred;
  }

  /** All known addresses by kind (a snapshot). */
  public synchronized Map<AddressKind, Address> addresses() {
    return Map.copyOf(addresses);
  }

  /** The LAN hint the peer gave, or null. */
  public synchronized Address lanAddress() {
    return addresses.get(AddressKind.UDPV4_LAN);
  }

  /** Records an address in the slot of its kind, unless the address is frozen. */
  public void addAddress(Address address) {
    if (!addressFrozen) {
      putAddress(address);
    }
  }

  /** Records an address even if frozen (the network merges known peers this way). */
  public synchronized void putAddress(Address address) {
    addresses.put(address.kind(), address);
    recomputePreferred();
  }

  /** Stops {@link #addAddress} from changing the addresses. */
  public void freezeAddress(boolean frozen) {
    this.addressFrozen = frozen;
  }

  /** Whether addresses are frozen. */
  public boolean isAddressFrozen() {
    return addressFrozen;
  }

  private synchronized void recomputePreferred() {
    for (AddressKind k : PREFERENCE) {
      Address a = addresses.get(k);
      if (a != null) {
        preferred = a;
        return;
      }
    }
    preferred = initialAddress != null ? initialAddress : Address.NULL;
  }

  /** Milliseconds timestamp of creation. */
  public long creationTime() {
    return creationTime;
  }

  /** Milliseconds timestamp of the last datagram from this peer, or 0 if none counted yet. */
  public long lastResponse() {
    return lastResponse;
  }

  /** Sets the last-response time to now. */
  public void touch() {
    this.lastResponse = clock.getAsLong();
  }

  /** Sets the last-response time (tests and churn). */
  public void setLastResponse(long millis) {
    this.lastResponse = millis;
  }

  /** The Lamport clock (global time). */
  public long lamportTimestamp() {
    return lamport.get();
  }

  /** Raises the clock to {@code max(current, time)} and marks the peer as just heard from. */
  public void updateClock(long time) {
    lamport.accumulateAndGet(time, (cur, t) -> Long.compareUnsigned(t, cur) > 0 ? t : cur);
    touch();
  }

  /** Increments the clock and returns the new value (py-ipv8's {@code claim_global_time}). */
  public long claimGlobalTime() {
    long v = lamport.incrementAndGet();
    touch();
    return v;
  }

  /** Whether the peer speaks new-style (IPv6-capable) introduction messages. */
  public boolean newStyleIntro() {
    return newStyleIntro;
  }

  /** Marks the peer as new-style capable or not. */
  public void setNewStyleIntro(boolean on) {
    this.newStyleIntro = on;
  }

  /** Adds a round-trip sample in seconds; only the 5 most recent are kept. */
  public synchronized void addPing(double seconds) {
    if (pings.size() == MAX_PINGS) {
      pings.removeFirst();
    }
    pings.addLast(seconds);
  }

  /** The round-trip samples, oldest first. */
  public synchronized List<Double> pings() {
    return List.copyOf(pings);
  }

  /** Whether 5 samples are held. */
  public synchronized boolean pingsFull() {
    return pings.size() == MAX_PINGS;
  }

  /** Median round trip in seconds, or null without samples. */
  public synchronized Double medianPing() {
    if (pings.isEmpty()) {
      return null;
    }
    double[] s = pings.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }

  /** Mean round trip in seconds, or null without samples. */
  public synchronized Double averagePing() {
    if (pings.isEmpty()) {
      return null;
    }
    return pings.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Peer other && Arrays.equals(keyBin, other.keyBin);
  }

  @Override
  public int hashCode() {
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (mid[i] & 0xff);
    }
    return Long.hashCode(h);
  }

  @Override
  public String toString() {
    Address a = address();
    return "Peer<"
        + a.host()
        + ":"
        + a.port()
        + ", "
        + Base64.getEncoder().encodeToString(mid)
        + ">";
  }
}
